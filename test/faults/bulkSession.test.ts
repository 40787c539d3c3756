// OrgClient.upsertBulk against the local org when the upload and the result files cannot go the streamed
// way (fetch with the connection's session): a connection with no session at all (only `request`), and
// one whose access token the org refuses (401 INVALID_SESSION_ID). Both fall back to jsforce's request,
// which holds the body and the answers in memory; the upsert must come out the same: ids, created
// flags, per-record errors, every record written once, and the API calls counted.
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { OrgClient, type OrgConnection, type SaveOutcome } from '../../plugin/src/org/client.js';
import { API_VERSION, connectTo, type TestOrg } from '../plugin/localOrg.js';
import { startFaultOrg } from './scenario.js';

let org: TestOrg;

beforeAll(async () => {
  org = await startFaultOrg();
});

afterAll(async () => {
  await org.stop();
});

/** Only what jsforce's request needs: no accessToken, no instanceUrl (as a test double of a connection). */
function sessionless(): OrgConnection {
  const connection = connectTo(org);
  return { request: connection.request.bind(connection), version: API_VERSION } as unknown as OrgConnection;
}

/** A session the org no longer accepts for the streamed requests; jsforce's request still has a good one. */
function staleSession(): OrgConnection {
  const connection = connectTo(org);
  return {
    request: connection.request.bind(connection),
    version: API_VERSION,
    instanceUrl: org.url,
    accessToken: 'expired-token',
  } as unknown as OrgConnection;
}

/** A client whose Bulk status checks wait a little (the local org processes a job asynchronously). */
function client(connection: OrgConnection): { client: OrgClient; polls: number[] } {
  const polls: number[] = [];
  const orgClient = new OrgClient(connection, {
    bulkPacing: { first: 10, interval: 50 },
    sleep: (ms) => {
      polls.push(ms);
      return new Promise((resolve) => setTimeout(resolve, 10));
    },
  });
  return { client: orgClient, polls };
}

/** Identities with every required field; the first one's name needs CSV quoting. */
function identities(prefix: string, count: number): Array<Record<string, unknown>> {
  return Array.from({ length: count }, (_, index) => ({
    External_Id__c: `${prefix}:${index}`,
    Network__c: 'x',
    Network_User_Id__c: `${prefix}-${index}`,
    Display_Name__c: index === 0 ? 'Smith, "Jane"\nJr.' : `Person ${index}`,
    Followers__c: index * 10,
    Is_Advocate__c: index % 2 === 0,
  }));
}

/** The org's Social_Identity__c records whose external id starts with `prefix:`. */
function stored(prefix: string): Array<Record<string, unknown>> {
  return org.store
    .list('Social_Identity__c')
    .filter((record) => String(record.External_Id__c).startsWith(`${prefix}:`))
    .map((record) => record as Record<string, unknown>);
}

/** Calls the org counted while `run` ran (the 401s it refused are not among them). */
async function counted<T>(run: () => Promise<T>): Promise<{ result: T; orgCalls: number }> {
  const before = org.ctx.apiCalls.used;
  const result = await run();
  return { result, orgCalls: org.ctx.apiCalls.used - before };
}

/** Every fetch the code under test sends, seen on its way (passed through unchanged). */
interface Sent {
  method: string;
  url: string;
  token: string | undefined;
  status: number;
}
const realFetch = globalThis.fetch;
function watchFetch(): Sent[] {
  const sent: Sent[] = [];
  globalThis.fetch = (async (input: Parameters<typeof fetch>[0], init?: RequestInit) => {
    const response = await realFetch(input, init);
    const headers = new Headers(init?.headers);
    sent.push({
      method: init?.method ?? 'GET',
      url: String(input instanceof Request ? input.url : input),
      token: /^Bearer (.+)$/i.exec(headers.get('authorization') ?? '')?.[1],
      status: response.status,
    });
    return response;
  }) as typeof fetch;
  return sent;
}
afterEach(() => {
  globalThis.fetch = realFetch;
});

/** A Bulk job of N records costs: create, upload, close, N status checks, two result files. */
const jobCalls = (polls: number): number => 5 + polls;

describe('the local org refuses a stale token on the Bulk API', () => {
  it('answers 401 INVALID_SESSION_ID to an upload with a bad bearer token, and does not count it', async () => {
    const connection = connectTo(org);
    const base = `/services/data/v${API_VERSION}/jobs/ingest`;
    const job = await connection.request<{ id: string }>({
      method: 'POST',
      url: base,
      body: JSON.stringify({
        object: 'Social_Identity__c',
        operation: 'upsert',
        externalIdFieldName: 'External_Id__c',
      }),
      headers: { 'content-type': 'application/json' },
    });
    const before = org.ctx.apiCalls.used;
    for (const [method, path] of [
      ['PUT', `${base}/${job.id}/batches`],
      ['GET', `${base}/${job.id}/successfulResults`],
      ['GET', `${base}/${job.id}/failedResults`],
    ] as const) {
      const response = await fetch(`${org.url}${path}`, {
        method,
        headers: { Authorization: 'Bearer expired-token', 'Content-Type': 'text/csv' },
        ...(method === 'PUT' ? { body: 'External_Id__c\nx:1\n' } : {}),
      });
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual([
        { message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' },
      ]);
    }
    expect(org.ctx.apiCalls.used).toBe(before);
    await connection.request({
      method: 'PATCH',
      url: `${base}/${job.id}`,
      body: '{"state":"Aborted"}',
      headers: { 'content-type': 'application/json' },
    });
  });
});

describe('OrgClient.upsertBulk through a connection without a session (jsforce request only)', () => {
  it('upserts every record with its id and created true, then created false for the same records again', async () => {
    const sent = watchFetch();
    const records = identities('nosession', 5);
    const { client: first, polls } = client(sessionless());
    const { result: outcomes, orgCalls } = await counted(() =>
      first.upsertBulk('Social_Identity__c', 'External_Id__c', records).then((outcomes) => outcomes.toArray()),
    );

    const inOrg = stored('nosession');
    expect(inOrg).toHaveLength(5);
    const idOf = (externalId: string): unknown => inOrg.find((record) => record.External_Id__c === externalId)?.Id;
    expect(outcomes).toEqual(
      records.map((record) => ({ success: true, id: idOf(String(record.External_Id__c)), created: true })),
    );
    expect(outcomes.every((outcome) => /^a[0-9A-Za-z]{17}$/.test(outcome.id ?? ''))).toBe(true);
    // What went through the upload arrived as it was, quoting and all.
    const firstRecord = inOrg.find((record) => record.External_Id__c === 'nosession:0')!;
    expect(firstRecord).toMatchObject({
      Display_Name__c: 'Smith, "Jane"\nJr.',
      Network_User_Id__c: 'nosession-0',
      Followers__c: 0,
      Is_Advocate__c: true,
    });
    // No streamed request was tried: nothing to send it with (whatever jsforce sends carries the org's token).
    expect(sent.filter((request) => request.token !== org.accessToken)).toEqual([]);
    expect(first.apiCalls).toBe(orgCalls);
    expect(orgCalls).toBe(jobCalls(polls.length));
    expect(first.retries).toBe(0);

    const { client: second } = client(sessionless());
    const again = await second
      .upsertBulk('Social_Identity__c', 'External_Id__c', records)
      .then((outcomes) => outcomes.toArray());
    expect(again).toEqual(outcomes.map((outcome) => ({ ...outcome, created: false })));
    expect(stored('nosession')).toHaveLength(5);
  });

  it('reports a record the org rejects with its own error while the others are written', async () => {
    const records = identities('rejects', 4);
    records[1]!.Matched_By_Rule__c = 'r'.repeat(81); // the field holds 80 characters
    delete records[2]!.Network__c; // required
    const { client: orgClient } = client(sessionless());
    const outcomes = await orgClient
      .upsertBulk('Social_Identity__c', 'External_Id__c', records)
      .then((outcomes) => outcomes.toArray());

    expect(outcomes[0]).toEqual({ success: true, id: expect.any(String), created: true });
    expect(outcomes[1]).toEqual({ success: false, error: expect.stringMatching(/^STRING_TOO_LONG:.*max length=80/) });
    expect(outcomes[1]!.error).toContain('Matched_By_Rule__c');
    expect(outcomes[2]).toEqual({ success: false, error: expect.stringMatching(/^REQUIRED_FIELD_MISSING:/) });
    expect(outcomes[2]!.error).toContain('Network__c');
    expect(outcomes[3]).toEqual({ success: true, id: expect.any(String), created: true });
    expect(
      stored('rejects')
        .map((record) => record.External_Id__c)
        .sort(),
    ).toEqual(['rejects:0', 'rejects:3']);
    // A record the org rejected is final: no second job for it.
    expect(orgClient.retries).toBe(0);
    expect(orgClient.pauses).toEqual([]);
  });
});

describe('OrgClient.upsertBulk through a connection whose session the org refuses for streamed requests', () => {
  it('falls back to jsforce after a 401, keeps to it for that session, writes every record once, and counts the refused try', async () => {
    const sent = watchFetch();
    const records = identities('stale', 6);
    records[3]!.Network_User_Id__c = 'u'.repeat(256); // the field holds 255 characters
    const { client: orgClient, polls } = client(staleSession());
    const { result: outcomes, orgCalls } = await counted(() =>
      orgClient.upsertBulk('Social_Identity__c', 'External_Id__c', records).then((outcomes) => outcomes.toArray()),
    );

    const inOrg = stored('stale');
    expect(inOrg).toHaveLength(5);
    outcomes.forEach((outcome: SaveOutcome, index) => {
      if (index === 3) {
        expect(outcome).toEqual({ success: false, error: expect.stringMatching(/^STRING_TOO_LONG:.*max length=255/) });
        return;
      }
      const record = inOrg.find((candidate) => candidate.External_Id__c === `stale:${index}`);
      expect(outcome).toEqual({ success: true, id: record?.Id, created: true });
    });
    expect(inOrg.find((record) => record.External_Id__c === 'stale:0')?.Display_Name__c).toBe('Smith, "Jane"\nJr.');

    // One streamed try: the upload, refused and sent again through jsforce; the result files then go
    // through jsforce at once, since the session is the one the org refused.
    const streamed = sent.filter((request) => request.token === 'expired-token');
    expect(
      streamed.map(({ method, url, status }) => [method, url.replace(/.*\/jobs\/ingest\/[^/]+/, ''), status]),
    ).toEqual([['PUT', '/batches', 401]]);
    // The org counted one job's calls; the client also counts the refused try it sent (the org did not).
    expect(orgCalls).toBe(jobCalls(polls.length));
    expect(orgClient.apiCalls).toBe(orgCalls + 1);
    expect(orgClient.retries).toBe(0);

    // Again: nothing new is created, nothing is written twice.
    const { client: second } = client(staleSession());
    const again = await second
      .upsertBulk('Social_Identity__c', 'External_Id__c', records)
      .then((outcomes) => outcomes.toArray());
    expect(again.map((outcome) => outcome.created)).toEqual([false, false, false, undefined, false, false]);
    expect(again.filter((outcome) => outcome.success).map((outcome) => outcome.id)).toEqual(
      outcomes.filter((outcome) => outcome.success).map((outcome) => outcome.id),
    );
    expect(stored('stale')).toHaveLength(5);
    expect(new Set(stored('stale').map((record) => record.External_Id__c)).size).toBe(5);
  });

  it('writes channels once through the fallback too (one job, one record per key)', async () => {
    const before = org.store.list('Social_Channel__c').length;
    const channels = Array.from({ length: 3 }, (_, index) => ({
      Network_Key__c: `stale-channel-${index}`,
      Name: `Stale, channel "${index}"`,
      Enabled__c: index !== 1,
      Response_SLA_Minutes__c: 30 + index,
    }));
    const { client: orgClient } = client(staleSession());
    const outcomes = await orgClient
      .upsertBulk('Social_Channel__c', 'Network_Key__c', channels)
      .then((outcomes) => outcomes.toArray());
    expect(outcomes.map((outcome) => [outcome.success, outcome.created])).toEqual([
      [true, true],
      [true, true],
      [true, true],
    ]);
    const inOrg = org.store
      .list('Social_Channel__c')
      .filter((record) => String(record.Network_Key__c).startsWith('stale-channel-'));
    expect(org.store.list('Social_Channel__c')).toHaveLength(before + 3);
    expect(inOrg.map((record) => [record.Network_Key__c, record.Name, record.Enabled__c]).sort()).toEqual([
      ['stale-channel-0', 'Stale, channel "0"', true],
      ['stale-channel-1', 'Stale, channel "1"', false],
      ['stale-channel-2', 'Stale, channel "2"', true],
    ]);
  });
});

describe('OrgClient.upsertBulk with a proxy set in the environment', () => {
  const saved = process.env.HTTPS_PROXY;
  afterEach(() => {
    if (saved === undefined) delete process.env.HTTPS_PROXY;
    else process.env.HTTPS_PROXY = saved;
  });

  it('sends nothing the streamed way, which would not go through the proxy, and upserts through jsforce', async () => {
    // jsforce read its proxy when it was loaded (none here); the client reads the variable at each request.
    process.env.HTTPS_PROXY = 'http://127.0.0.1:9';
    const sent = watchFetch();
    const { client: orgClient } = client(connectTo(org));
    const outcomes = await orgClient
      .upsertBulk('Social_Identity__c', 'External_Id__c', identities('proxied', 3))
      .then((outcomes) => outcomes.toArray());
    expect(outcomes.map((outcome) => [outcome.success, outcome.created])).toEqual([
      [true, true],
      [true, true],
      [true, true],
    ]);
    expect(stored('proxied')).toHaveLength(3);
    expect(
      sent.filter((request) => /\/jobs\/ingest\/[^/]+\/(batches|successfulResults|failedResults)$/.test(request.url)),
    ).toEqual([]);
  });
});
