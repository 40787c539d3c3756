// How OrgClient retries: exponential backoff with jitter, longer for the concurrent-request limit, capped;
// a bounded number of attempts; dropped connections repeated only where a repeat is safe; the daily API
// limit never retried and nothing sent after it; a retry sends the same request again, as it was.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DailyLimitError, transientKind } from '../../plugin/src/org/errors.js';
import { DEFAULT_RETRY } from '../../plugin/src/org/retry.js';
import { OrgClient, type OrgConnection } from '../../plugin/src/org/client.js';
import { connectTo, type TestOrg } from '../plugin/localOrg.js';
import { startFaultOrg } from './scenario.js';

type Answer = (request: { method: string; url: string; headers?: Record<string, string> }) => unknown;

/** A connection that answers from a script: each entry an answer or an error to throw. */
function scripted(answers: Array<unknown | Error>): {
  connection: OrgConnection;
  sent: Array<{ method: string; url: string }>;
} {
  const sent: Array<{ method: string; url: string }> = [];
  const request: Answer = (req) => {
    sent.push({ method: req.method, url: req.url });
    const next = answers.shift();
    if (next instanceof Error) return Promise.reject(next);
    return Promise.resolve(next);
  };
  return { connection: { request, version: '62.0' } as unknown as OrgConnection, sent };
}

const orgError = (errorCode: string, message: string): Error => Object.assign(new Error(message), { errorCode });
const unavailable = (): Error => orgError('SERVER_UNAVAILABLE', 'Server unavailable');
const concurrent = (): Error =>
  orgError('REQUEST_LIMIT_EXCEEDED', 'ConcurrentRequests (Concurrent API Requests) Limit exceeded.');
const daily = (): Error => orgError('REQUEST_LIMIT_EXCEEDED', 'TotalRequests Limit exceeded.');
const reset = (): Error =>
  Object.assign(new TypeError('fetch failed'), {
    cause: Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }),
  });
const page = { done: true, totalSize: 0, records: [] };

function client(connection: OrgConnection, random = 0.5): { org: OrgClient; slept: number[] } {
  const slept: number[] = [];
  const org = new OrgClient(connection, {
    sleep: (ms) => {
      slept.push(ms);
      return Promise.resolve();
    },
    random: () => random,
  });
  return { org, slept };
}

describe('OrgClient retries', () => {
  it('tells the two REQUEST_LIMIT_EXCEEDED apart by the message, and a dropped connection by its cause', () => {
    expect(transientKind(concurrent())).toBe('concurrent-limit');
    expect(transientKind(orgError('REQUEST_LIMIT_EXCEEDED', 'ConcurrentPerOrgLongTxn Limit exceeded.'))).toBe(
      'concurrent-limit',
    );
    expect(transientKind(daily())).toBe('daily-limit');
    expect(transientKind(unavailable())).toBe('not-processed');
    expect(transientKind(reset())).toBe('connection');
    expect(transientKind(orgError('INVALID_FIELD', 'No such column'))).toBeUndefined();
  });

  it('backs off exponentially with jitter between retries of a 503', async () => {
    const { connection, sent } = scripted([unavailable(), unavailable(), unavailable(), page]);
    const { org, slept } = client(connection, 0.5);
    await expect(org.queryAll('SELECT Id FROM Contact')).resolves.toEqual([]);
    expect(sent).toHaveLength(4);
    // Between half and all of 250, 500, 1000 ms; with the jitter source at 0.5, three quarters.
    expect(slept).toEqual([188, 375, 750]);
    expect(org.retries).toBe(3);
    expect(org.apiCalls).toBe(4);
  });

  it('draws each pause between half and all of its ceiling, and never beyond the cap', async () => {
    for (const random of [0, 0.999]) {
      const { connection } = scripted([...Array.from({ length: 5 }, unavailable), page]);
      const { org, slept } = client(connection, random);
      await org.queryAll('SELECT Id FROM Contact');
      slept.forEach((ms, index) => {
        const ceiling = Math.min(DEFAULT_RETRY.capMs, DEFAULT_RETRY.baseMs * 2 ** index);
        expect(ms).toBeGreaterThanOrEqual(ceiling / 2);
        expect(ms).toBeLessThanOrEqual(ceiling);
      });
    }
  });

  it('waits longer on the concurrent-request limit, which clears only as long requests finish', async () => {
    const { connection } = scripted([concurrent(), concurrent(), page]);
    const { org, slept } = client(connection, 1);
    await org.queryAll('SELECT Id FROM Contact');
    expect(slept).toEqual([1_000, 2_000]);
  });

  it('gives up after the attempts and reports the records of the request failed, with the reason', async () => {
    const { connection, sent } = scripted(Array.from({ length: 10 }, unavailable));
    const { org } = client(connection);
    const outcomes = await org.upsertCollections('Social_Identity__c', 'External_Id__c', [
      { External_Id__c: 'x:1' },
      { External_Id__c: 'x:2' },
    ]);
    expect(sent).toHaveLength(DEFAULT_RETRY.attempts);
    expect(outcomes).toEqual([
      {
        success: false,
        error: expect.stringMatching(/^SERVER_UNAVAILABLE: .*after 6 attempts.*run the command again/),
      },
      { success: false, error: expect.stringMatching(/^SERVER_UNAVAILABLE/) },
    ]);
  });

  it('repeats a query after a dropped connection but never an all-or-none composite that creates records', async () => {
    const query = scripted([reset(), page]);
    await expect(client(query.connection).org.queryAll('SELECT Id FROM Lead')).resolves.toEqual([]);
    expect(query.sent).toHaveLength(2);

    const composite = scripted([reset(), { compositeResponse: [] }]);
    await expect(
      client(composite.connection).org.compositeTransaction([
        { method: 'POST', url: '/sobjects/Lead', referenceId: 'lead0', body: { LastName: 'A', Company: 'B' } },
      ]),
    ).rejects.toThrow('fetch failed');
    expect(composite.sent).toHaveLength(1);
  });

  it('does not retry the daily limit, sends nothing after it, and marks unsent records NOT_ATTEMPTED', async () => {
    const { connection, sent } = scripted([daily()]);
    const { org, slept } = client(connection);
    const error = await org.queryAll('SELECT Id FROM Contact').catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(DailyLimitError);
    expect((error as Error).message).toMatch(/daily API request limit is used up \(TotalRequests Limit exceeded\./);
    expect(sent).toHaveLength(1);
    expect(slept).toEqual([]);

    await expect(org.queryAll('SELECT Id FROM Lead')).rejects.toBe(error);
    const outcomes = await org.upsertCollections('Social_Identity__c', 'External_Id__c', [{ External_Id__c: 'x:1' }]);
    expect(outcomes[0]!.error).toMatch(/^NOT_ATTEMPTED: not sent: the org's daily API request limit is used up/);
    expect(outcomes[0]!.error).toMatch(/run the same command again/);
    expect(sent).toHaveLength(1);
  });
});

describe('OrgClient retries against the local org', () => {
  let org: TestOrg;
  beforeAll(async () => {
    org = await startFaultOrg();
  });
  afterAll(async () => {
    await org.stop();
  });

  it('sends a retried write exactly as the first time (the connection rewrites the headers it is given)', async () => {
    const connection = connectTo(org);
    const request = connection.request.bind(connection);
    let attempt = 0;
    // The first attempt goes through the whole stack and is answered 503; the retry must then be accepted,
    // not refused for carrying the token twice.
    connection.request = ((...args: Parameters<typeof request>) => {
      attempt += 1;
      org.ctx.faults.unavailableRate = attempt === 1 ? 1 : 0;
      return request(...args);
    }) as typeof connection.request;
    const client = new OrgClient(connection, { retry: { baseMs: 1 } });
    const outcomes = await client.upsertCollections('Social_Channel__c', 'Network_Key__c', [
      { Network_Key__c: 'retry-test', Name: 'Retry', Enabled__c: true },
    ]);
    expect(attempt).toBe(2);
    expect(outcomes).toEqual([{ success: true, id: expect.any(String), created: true }]);
  });

  it('waits for the first Bulk API status check about as long as the org needs for a job that size', async () => {
    const slept: number[] = [];
    const client = new OrgClient(connectTo(org), {
      sleep: (ms) => {
        slept.push(ms);
        return new Promise((resolve) => setTimeout(resolve, 20));
      },
    });
    const records = Array.from({ length: 10_000 }, (_, index) => ({
      Network_Key__c: `bulk-${index}`,
      Name: `Bulk ${index}`,
    }));
    const outcomes = await client
      .upsertBulk('Social_Channel__c', 'Network_Key__c', records)
      .then((outcomes) => outcomes.toArray());
    expect(outcomes.filter((outcome) => outcome.success)).toHaveLength(10_000);
    // 10,000 records at 20 a millisecond; a small job starts at the 250 ms floor.
    expect(slept[0]).toBe(500);
  });
});
