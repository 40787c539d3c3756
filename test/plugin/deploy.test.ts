// `sf social mappings deploy` end to end over real HTTP against the local org: resolve, plan, apply
// (sObject Collections and Bulk API 2.0), results, idempotent reruns and a crash half-way.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { deployMapping, type DeployResult } from '../../plugin/src/mappings/deploy.js';
import { OUTCOMES } from '../../plugin/src/mappings/plan.js';
import { resultFileName } from '../../plugin/src/mappings/results.js';
import { writeFixture } from './fixtures.js';
import { connectTo, seed, startOrg, type TestOrg } from './localOrg.js';

// Loading @salesforce/core under jest takes seconds; a deploy is several HTTP round trips.

// A handle no network allows, to prove the IN list quotes it: quotes, a backslash, SOQL syntax, unicode.
const TRICKY_HANDLE = `o'brien\\" OR Name != '' zoë_名前`;

let org: TestOrg;
const ids: Record<string, string> = {};

function created(objectName: string, fields: Record<string, unknown>): string {
  return seed(org, objectName, fields);
}

beforeAll(async () => {
  org = await startOrg();
  ids.ana = created('Contact', { FirstName: 'Ana', LastName: 'Mapping-Ruiz', Email: 'ana.mapping@example.com' });
  ids.twinA = created('Contact', { LastName: 'Twin A', Email: 'twins.mapping@example.com' });
  ids.twinB = created('Contact', { LastName: 'Twin B', Email: 'twins.mapping@example.com' });
  // LastName stands in for a handle field an org would add to Contact (the data model adds none).
  ids.tricky = created('Contact', { LastName: TRICKY_HANDLE });
  ids.phone = created('Contact', { LastName: 'Phone Only', MobilePhone: '(415) 555-0199' });
  ids.paired = created('Contact', { LastName: 'Paired', Email: 'paired.mapping@example.com' });
  ids.lead = created('Lead', { LastName: 'Lead Person', Company: 'Acme', Email: 'lead.mapping@example.com' });
});

afterAll(async () => {
  await org.stop();
});

const MAPPING = `version: 1
channels:
  - key: x
    name: X
    publicReplyLimit: 280
    lengthCounting: X_Weighted
  - key: instagram
    name: Instagram
phone:
  defaultCountryCode: "+1"
rules:
  - name: same-email
    identity: email
    record: Contact.Email
    normalise: [lowercase, email-plus]
    action: link
  - name: same-handle
    identity: handle
    record: Contact.LastName
    normalise: [strip-at]
    action: suggest
  - name: same-phone
    identity: phone
    record: Contact.MobilePhone
    normalise: [phone-e164]
    action: suggest
  - name: lead-email
    identity: email
    record: Lead.Email
    normalise: [lowercase]
    action: link
sources:
  - name: export
    file: export.csv
    columns: { network: Network, userId: Id, handle: Handle, displayName: Name, email: Email, phone: Phone }
    networkValues: { Twitter: x }
  - name: confirmed
    pairs:
      - identity: instagram:9001
        handle: paired_up
        contact: { Email: paired.mapping@example.com }
removeStaleLinks: true
`;

const EXPORT =
  '\uFEFFNetwork,Id,Handle,Name,Email,Phone\r\n' +
  'Twitter,1001,@ana_m,Ana,Ana.Mapping+social@Example.com,\r\n' +
  'Twitter,1002,twins,"Twin\r\nAccount",twins.mapping@example.com,\r\n' +
  `x,1003,"@${TRICKY_HANDLE.replaceAll('"', '""')}",Tricky,,\r\n` +
  'x,1004,phoney,Someone,,+1 415 555 0199\r\n' +
  'x,1005,nobody,Nobody Known,nobody@example.com,\r\n' +
  'TikTok,1006,elsewhere,Elsewhere,,\r\n' +
  'instagram,1007,leady,Lead Person,LEAD.mapping@example.com,\r\n';
const INPUT_ROWS = 8;

function identitiesByExternalId(): Map<string, Record<string, unknown>> {
  const map = new Map<string, Record<string, unknown>>();
  for (const record of org.store.list('Social_Identity__c')) map.set(String(record.External_Id__c), record);
  return map;
}

async function deploy(
  dir: string,
  options: { dryRun?: boolean; bulkThreshold?: number; resultsDir?: string } = {},
): Promise<DeployResult> {
  const { result } = await deployMapping({
    file: join(dir, 'mapping.yaml'),
    connection: connectTo(org),
    dryRun: options.dryRun ?? false,
    // A dry run writes planned results only into a folder it is given.
    ...(options.resultsDir !== undefined || !options.dryRun
      ? { resultsDir: options.resultsDir ?? join(dir, 'results') }
      : {}),
    ...(options.bulkThreshold !== undefined ? { bulkThreshold: options.bulkThreshold } : {}),
  });
  return result;
}

async function resultRows(dir: string): Promise<Array<Record<string, string>>> {
  const rows: Array<Record<string, string>> = [];
  for (const outcome of OUTCOMES) {
    const text = await readFile(join(dir, resultFileName(outcome)), 'utf8');
    rows.push(...(parse(text, { columns: true }) as Array<Record<string, string>>));
  }
  return rows;
}

describe('deploy against the local org', () => {
  let dir: string;
  let first: DeployResult;

  beforeAll(async () => {
    dir = await writeFixture({ 'mapping.yaml': MAPPING, 'export.csv': EXPORT });
  });

  it('plans without writing on --dry-run', async () => {
    const before = org.store.list('Social_Identity__c').length;
    const result = await deploy(dir, { dryRun: true });
    expect(result.counts).toMatchObject({ linked: 3, suggested: 2, ambiguous: 1, unmatched: 1, rejected: 1 });
    expect(org.store.list('Social_Identity__c')).toHaveLength(before);
    await expect(stat(join(dir, 'results'))).rejects.toThrow();
  });

  it('links, suggests, leaves the ambiguous unlinked and accounts for every row', async () => {
    first = await deploy(dir);
    expect(first.counts).toEqual({
      linked: 3,
      relinked: 0,
      unchanged: 0,
      suggested: 2,
      ambiguous: 1,
      unmatched: 1,
      unlinked: 0,
      leadCreated: 0,
      duplicate: 0,
      rejected: 1,
      failed: 0,
    });
    expect(first.rows).toBe(INPUT_ROWS);
    expect(first.apiCalls).toBeLessThanOrEqual(12);
    const identities = identitiesByExternalId();
    expect(identities.get('x:1001')).toMatchObject({
      Contact__c: ids.ana,
      Link_Status__c: 'Linked',
      Link_Source__c: 'Mapping',
      Matched_By_Rule__c: 'same-email',
      Handle__c: 'ana_m',
    });
    expect(identities.get('x:1002')).toMatchObject({ Link_Status__c: 'Unlinked' });
    expect(identities.get('x:1002')?.Contact__c ?? null).toBeNull();
    expect(String(identities.get('x:1002')?.Link_Note__c)).toContain('2 Contacts');
    expect(identities.get('x:1003')).toMatchObject({
      Contact__c: ids.tricky,
      Link_Status__c: 'Suggested',
      Matched_By_Rule__c: 'same-handle',
      Handle__c: TRICKY_HANDLE,
    });
    // The quote in the handle did not widen the query: only the one Contact was matched.
    expect(org.store.list('Social_Identity__c').filter((record) => record.Contact__c === ids.tricky)).toHaveLength(1);
    expect(identities.get('x:1004')).toMatchObject({
      Contact__c: ids.phone,
      Link_Status__c: 'Suggested',
      Matched_By_Rule__c: 'same-phone',
    });
    expect(identities.get('x:1005')).toMatchObject({ Link_Status__c: 'Unlinked' });
    expect(identities.get('instagram:1007')).toMatchObject({
      Lead__c: ids.lead,
      Link_Status__c: 'Linked',
      Matched_By_Rule__c: 'lead-email',
    });
    expect(identities.get('instagram:9001')).toMatchObject({
      Contact__c: ids.paired,
      Matched_By_Rule__c: 'pairs:confirmed',
    });
    expect(identities.has('tiktok:1006')).toBe(false);
    const channels = org.store
      .list('Social_Channel__c')
      .filter((channel) => ['x', 'instagram'].includes(String(channel.Network_Key__c)));
    expect(channels).toHaveLength(2);
  });

  it('writes result CSVs that add up to the input rows, each row once', async () => {
    const rows = await resultRows(join(dir, 'results'));
    expect(rows).toHaveLength(INPUT_ROWS);
    const places = rows.map((row) => `${row.file}:${row.line}`);
    expect(new Set(places).size).toBe(INPUT_ROWS);
    const rejected = rows.find((row) => row.outcome === 'rejected');
    expect(rejected).toMatchObject({ line: '8', reason: expect.stringContaining('TikTok') });
    const linked = rows.filter((row) => row.outcome === 'linked');
    for (const row of linked) expect(row.identityId).toMatch(/^[a-zA-Z0-9]{18}$/);
    expect((await readdir(join(dir, 'results'))).filter((name) => name.endsWith('.partial'))).toEqual([]);
  });

  it('changes nothing on a second run', async () => {
    const before = org.store.list('Social_Identity__c').length;
    const second = await deploy(dir);
    expect(second.changes).toBe(0);
    expect(second.counts).toMatchObject({
      linked: 0,
      relinked: 0,
      suggested: 0,
      unchanged: 5,
      ambiguous: 1,
      unmatched: 1,
      rejected: 1,
    });
    expect(org.store.list('Social_Identity__c')).toHaveLength(before);
  });

  it('relinks and removes only the links it made when the sources change', async () => {
    const identity = identitiesByExternalId().get('x:1004')!;
    org.store.update('Social_Identity__c', String(identity.Id), { Link_Source__c: 'Rep', Link_Status__c: 'Linked' });
    const changed = EXPORT.replace('Ana.Mapping+social@Example.com', 'paired.mapping@example.com').replace(
      /x,1005.*\r\n/,
      '',
    );
    const dir2 = await writeFixture({ 'mapping.yaml': MAPPING, 'export.csv': changed.replace('+1 415 555 0199', '') });
    const result = await deploy(dir2);
    expect(result.counts).toMatchObject({ relinked: 1, unchanged: 3, unmatched: 1, ambiguous: 1, rejected: 1 });
    const identities = identitiesByExternalId();
    expect(identities.get('x:1001')).toMatchObject({ Contact__c: ids.paired, Link_Status__c: 'Linked' });
    // linked by a rep: the mapping no longer supports it, but leaves it alone
    expect(identities.get('x:1004')).toMatchObject({ Contact__c: ids.phone, Link_Source__c: 'Rep' });
  });
});

describe('deploy with Bulk API 2.0', () => {
  it('upserts above the threshold and is idempotent too', async () => {
    const rows = Array.from({ length: 30 }, (_, index) => `x,bulk-${index},bulk_${index},Bulk ${index},,`);
    const dir = await writeFixture({
      'mapping.yaml': MAPPING.replace(/  - name: confirmed[\s\S]*?(?=removeStaleLinks)/, '').replace(
        'removeStaleLinks: true',
        'removeStaleLinks: false',
      ),
      'export.csv': `Network,Id,Handle,Name,Email,Phone\n${rows.join('\n')}\nx,bulk-ana,ana_bulk,Ana,ana.mapping@example.com,\n`,
    });
    const first = await deploy(dir, { bulkThreshold: 10 });
    expect(first.usedBulk).toBe(true);
    expect(first.counts).toMatchObject({ unmatched: 30, linked: 1, failed: 0 });
    const identities = identitiesByExternalId();
    expect(identities.get('x:bulk-ana')).toMatchObject({ Contact__c: ids.ana, Link_Status__c: 'Linked' });
    expect(identities.get('x:bulk-7')).toMatchObject({ Handle__c: 'bulk_7', Link_Status__c: 'Unlinked' });
    const second = await deploy(dir, { bulkThreshold: 10 });
    expect(second.changes).toBe(0);
  });
});

describe('unmatched identities with create-lead', () => {
  /** The test mapping without the pairs, creating a Lead for every identity no rule matches. */
  const createLeadMapping = (lead = ''): string =>
    MAPPING.replace(/  - name: confirmed[\s\S]*?(?=removeStaleLinks)/, '').replace(
      'removeStaleLinks: true',
      `removeStaleLinks: false\nunmatched: create-lead${lead}`,
    );

  it('creates one Lead per identity, keyed by its e-mail or external id, links the identity, and none on a rerun', async () => {
    const dir = await writeFixture({
      'mapping.yaml': createLeadMapping('\nlead:\n  company: "Social: {network}"\n  leadSource: Web'),
      'export.csv':
        'Network,Id,Handle,Name,Email,Phone\nx,lead-1,newbie,Nia Newcomer,nia@example.net,\ninstagram,lead-2,solo,,,\n',
    });
    const leadsBefore = org.store.list('Lead').length;
    const first = await deploy(dir);
    expect(first.counts).toMatchObject({ leadCreated: 2, failed: 0 });
    const leads = org.store.list('Lead').slice(leadsBefore);
    expect(leads).toHaveLength(2);
    expect(leads[0]).toMatchObject({
      FirstName: 'Nia',
      LastName: 'Newcomer',
      Company: 'Social: x',
      LeadSource: 'Web',
      Email: 'nia@example.net',
      Social_Bridge_Key__c: 'email nia@example.net',
    });
    expect(leads[1]).toMatchObject({
      LastName: 'solo',
      Company: 'Social: instagram',
      Social_Bridge_Key__c: 'instagram:lead-2',
    });
    const identities = identitiesByExternalId();
    expect(identities.get('x:lead-1')).toMatchObject({
      Lead__c: leads[0]!.Id,
      Link_Status__c: 'Linked',
      Link_Source__c: 'Mapping',
      Matched_By_Rule__c: 'unmatched:create-lead',
    });
    const rows = await resultRows(join(dir, 'results'));
    expect(rows.find((row) => row.externalId === 'x:lead-1')).toMatchObject({
      outcome: 'leadCreated',
      recordObject: 'Lead',
      recordId: leads[0]!.Id,
    });

    const second = await deploy(dir);
    expect(second.changes).toBe(0);
    expect(second.counts).toMatchObject({ unchanged: 2, leadCreated: 0 });
    expect(org.store.list('Lead')).toHaveLength(leadsBefore + 2);
  });

  it('reuses the Lead a stopped run wrote before linking its identity, so a rerun creates none', async () => {
    const dir = await writeFixture({
      'mapping.yaml': createLeadMapping(),
      'export.csv':
        'Network,Id,Handle,Name,Email,Phone\nx,half-1,halfway,Hal Way,hal@example.net,\nx,half-2,nomail,,,\n',
    });
    // What a run leaves when it stops after writing the Leads and before the identities: Leads
    // with their keys, no identity.
    const written = ['email hal@example.net', 'x:half-2'].map((key) =>
      created('Lead', { LastName: key, Company: 'Social: x', Social_Bridge_Key__c: key }),
    );
    const leadsBefore = org.store.list('Lead').length;
    const first = await deploy(dir);
    expect(first.counts).toMatchObject({ leadCreated: 2, failed: 0 });
    expect(org.store.list('Lead')).toHaveLength(leadsBefore);
    const identities = identitiesByExternalId();
    expect(identities.get('x:half-1')).toMatchObject({ Lead__c: written[0], Link_Status__c: 'Linked' });
    expect(identities.get('x:half-2')).toMatchObject({ Lead__c: written[1], Link_Status__c: 'Linked' });
  });

  it('writes the Leads in one Bulk API job and the identities in another above the threshold', async () => {
    const rows = Array.from({ length: 40 }, (_, index) => `x,many-${index},many_${index},Many ${index},,`);
    const dir = await writeFixture({
      'mapping.yaml': createLeadMapping(),
      'export.csv': `Network,Id,Handle,Name,Email,Phone\n${rows.join('\n')}\n`,
    });
    const leadsBefore = org.store.list('Lead').length;
    const result = await deploy(dir, { bulkThreshold: 10 });
    expect(result.counts).toMatchObject({ leadCreated: 40, failed: 0 });
    expect(result.usedBulk).toBe(true);
    expect(org.store.list('Lead')).toHaveLength(leadsBefore + 40);
    // Reads (one composite call), the channels (one Collections call), then two ingest jobs of 6
    // calls each (create, upload, close, status, successful and failed results).
    expect(result.apiCalls).toBeLessThanOrEqual(2 + 2 * 6 + 2);
    const second = await deploy(dir, { bulkThreshold: 10 });
    expect(second.changes).toBe(0);
    expect(org.store.list('Lead')).toHaveLength(leadsBefore + 40);
  });
});

describe('a deploy that stops half-way', () => {
  it('is completed by a rerun, without duplicates', async () => {
    const rows = Array.from({ length: 450 }, (_, index) => `x,crash-${index},crash_${index},Crash ${index},,`);
    const dir = await writeFixture({
      'mapping.yaml': MAPPING.replace(/  - name: confirmed[\s\S]*?(?=removeStaleLinks)/, '').replace(
        'removeStaleLinks: true',
        'removeStaleLinks: false',
      ),
      'export.csv': `Network,Id,Handle,Name,Email,Phone\n${rows.join('\n')}\n`,
    });
    const connection = connectTo(org);
    const request = connection.request.bind(connection);
    let writes = 0;
    // The network fails after the first Collections request (200 identities) went through.
    connection.request = ((options: Parameters<typeof request>[0]) => {
      const method = typeof options === 'string' ? 'GET' : (options.method ?? 'GET');
      // Reads go as composite POSTs (queryMany): only writes count.
      const read = typeof options !== 'string' && /\/composite$/.test(String(options.url));
      if (method !== 'GET' && !read && ++writes > 1)
        return Promise.reject(new Error('socket hang up')) as ReturnType<typeof request>;
      return request(options);
    }) as typeof connection.request;
    // The connection stays down: every retry fails too, so the rows of the requests that never got
    // through are reported failed (with the reason), and every row is still in the results.
    const { result: stoppedRun } = await deployMapping({
      file: join(dir, 'mapping.yaml'),
      connection,
      dryRun: false,
      resultsDir: join(dir, 'results'),
      retry: { baseMs: 1 },
    });
    expect(stoppedRun.counts).toMatchObject({ unmatched: 200, failed: 250 });
    const failedRows = parse(await readFile(join(dir, 'results', 'failed.csv'), 'utf8'), { columns: true }) as Array<
      Record<string, string>
    >;
    expect(failedRows).toHaveLength(250);
    expect(failedRows[0]!.reason).toMatch(/socket hang up.*run the command again/);
    const partial = org.store
      .list('Social_Identity__c')
      .filter((record) => String(record.External_Id__c).startsWith('x:crash-'));
    // Whole Collections requests went through before the failure; the rest did not.
    expect(partial.length % 200).toBe(0);
    expect(partial.length).toBeGreaterThan(0);
    expect(partial.length).toBeLessThan(450);

    const rerun = await deploy(dir);
    expect(rerun.counts).toMatchObject({ unmatched: 450, failed: 0 });
    expect(rerun.changes).toBe(450 - partial.length);
    const all = org.store
      .list('Social_Identity__c')
      .filter((record) => String(record.External_Id__c).startsWith('x:crash-'));
    expect(all).toHaveLength(450);
    expect(new Set(all.map((record) => record.External_Id__c)).size).toBe(450);
  });
});

describe('input that cannot be trusted', () => {
  it('writes nothing when a CSV row is short', async () => {
    const before = org.store.list('Social_Identity__c').length;
    const dir = await writeFixture({
      'mapping.yaml': MAPPING,
      'export.csv': 'Network,Id,Handle,Name,Email,Phone\nx,short-1,a,A,,\nx,short-2\n',
    });
    await expect(deploy(dir)).rejects.toMatchObject({
      code: 'MalformedSource',
      problems: [expect.objectContaining({ line: 3 })],
    });
    expect(org.store.list('Social_Identity__c')).toHaveLength(before);
    await expect(stat(join(dir, 'results'))).rejects.toThrow();
  });

  it('points at the rule when the org has no such field', async () => {
    const dir = await writeFixture({
      'mapping.yaml': MAPPING.replace('record: Contact.LastName', 'record: Contact.Nick_Name__c'),
      'export.csv': EXPORT,
    });
    await expect(deploy(dir)).rejects.toMatchObject({
      code: 'OrgRejectedQuery',
      problems: [expect.objectContaining({ line: 19, message: expect.stringContaining('rule same-handle') })],
    });
  });
});
