// A scan rule's read of every Contact with a value, against the local org: when REST pages would cost
// more calls than a Bulk API 2.0 query job, OrgClient.queryMany reads it by a query job instead, and
// hands the sink every record once; a deploy keeps, of the scanned Contacts, only those its input's
// values can match (resolve.ts ScanValues).
// Salesforce, Bulk API 2.0 Developer Guide:
// - "Create a Query Job" (POST /jobs/query, {"operation":"query","query":…}, the job starts UploadComplete),
//   https://developer.salesforce.com/docs/platform/api-asynch/guide/query-create-job.html
// - "Get Results for a Query Job": CSV; maxRecords is "the maximum number of records to retrieve per set
//   of results", the client to "specify the maximum number of records your client is expecting to
//   receive"; without it "the server uses a default value based on the service", and a set "is still
//   subject to the size limits"; Sforce-Locator names the next set ("null" after the last),
//   Sforce-NumberOfRecords counts this set's rows;
//   https://developer.salesforce.com/docs/atlas.en-us.api_asynch.meta/api_asynch/query_get_job_results.htm
// REST API Developer Guide, "Composite": 5 query operations a request, 2,000 records a query page.
import { afterAll, afterEach, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { join } from 'node:path';
import { deployMapping } from '../../plugin/src/mappings/deploy.js';
import { loadMappingFile } from '../../plugin/src/mappings/mappingFile/load.js';
import { resolveAgainstOrg, ScanValues, SharedReads } from '../../plugin/src/mappings/resolve.js';
import type { Identity } from '../../plugin/src/mappings/identity.js';
import { OrgClient } from '../../plugin/src/org/client.js';
import { writeFixture } from './fixtures.js';
import { connectTo, startOrg, type TestOrg } from './localOrg.js';

/** Enough that REST pages (2,000 a page, 5 a call) would take more than a query job's 3 calls. */
const CONTACTS = 34_000;
const SCAN = 'SELECT Id, MobilePhone, Email FROM Contact WHERE (MobilePhone != null OR Email != null)';

let org: TestOrg;
/** The Contacts with a phone or an e-mail, by id. */
let withValue: Map<string, { MobilePhone: unknown; Email: unknown }>;

beforeAll(async () => {
  org = await startOrg();
  for (let index = 0; index < CONTACTS; index += 1) {
    const fields =
      index % 3 === 2
        ? { LastName: `Scan ${index}`, Email: `scan${index}@example.com` }
        : { LastName: `Scan ${index}`, MobilePhone: `(415) 7${String(index).padStart(6, '0')}` };
    const result = org.store.create('Contact', fields);
    if (!result.success) throw new Error(JSON.stringify(result.errors));
  }
  withValue = new Map(
    org.store
      .list('Contact')
      .filter((contact) => contact.MobilePhone != null || contact.Email != null)
      .map((contact) => [String(contact.Id), { MobilePhone: contact.MobilePhone, Email: contact.Email }]),
  );
});

afterAll(async () => {
  await org.stop();
});

afterEach(() => {
  org.ctx.faults.bulkQueryResultRows = 0;
  jest.restoreAllMocks();
});

async function scan(client: OrgClient): Promise<Array<Record<string, unknown>>> {
  const seen: Array<Record<string, unknown>> = [];
  const [kept] = await client.queryMany([SCAN], [(record) => seen.push(record)], [true]);
  expect(kept).toEqual([]);
  return seen;
}

describe('a scan of every Contact with a value', () => {
  it('goes as one Bulk API 2.0 query job when REST pages would cost more calls, every record once', async () => {
    const client = new OrgClient(connectTo(org));
    const before = org.ctx.apiCalls.used;
    const records = await scan(client);
    expect(client.bulkQueryJobs).toBe(1);
    expect(records).toHaveLength(withValue.size);
    expect(new Set(records.map((record) => record.Id)).size).toBe(withValue.size);
    // The CSV's empty cell is null, as REST gives it.
    for (const record of records.slice(0, 50)) {
      const stored = withValue.get(String(record.Id))!;
      expect(record.MobilePhone ?? null).toEqual(stored.MobilePhone ?? null);
      expect(record.Email ?? null).toEqual(stored.Email ?? null);
    }
    // The composite with the first page (which said how many there are), then the job: create, one
    // status check, one set of results (the org's set holds them all).
    expect(client.apiCalls).toBe(4);
    expect(org.ctx.apiCalls.used - before).toBe(4);
  });

  it('follows Sforce-Locator through every set the org cuts the results into', async () => {
    org.ctx.faults.bulkQueryResultRows = 10_000;
    const client = new OrgClient(connectTo(org));
    const records = await scan(client);
    expect(new Set(records.map((record) => record.Id)).size).toBe(withValue.size);
    expect(records).toHaveLength(withValue.size);
    // 1 composite + create + status + ceil(34,000 / 10,000) sets.
    expect(client.apiCalls).toBe(3 + Math.ceil(withValue.size / 10_000));
  });

  it('asks for every record in one set (maxRecords), past the 50,000 the local org sets by default', async () => {
    // Salesforce gives no size for a set when maxRecords is not asked ("a default value based on the
    // service"), and has the client ask for the records it expects; the local org's default set is
    // 50,000 rows, so without maxRecords this scan would take two results calls.
    const large = await startOrg();
    try {
      const count = 50_001;
      for (let index = 0; index < count; index += 1) {
        const result = large.store.create('Contact', {
          LastName: `Large ${index}`,
          Email: `large${index}@example.com`,
        });
        if (!result.success) throw new Error(JSON.stringify(result.errors));
      }
      const client = new OrgClient(connectTo(large));
      const ids = new Set<unknown>();
      await client.queryMany(
        ['SELECT Id, Email FROM Contact WHERE Email != null'],
        [(record) => ids.add(record.Id)],
        [true],
      );
      expect(client.bulkQueryJobs).toBe(1);
      expect(ids.size).toBe(large.store.list('Contact').filter((contact) => contact.Email != null).length);
      // The composite with the first page, then create, one status check, one set of results.
      expect(client.apiCalls).toBe(4);
    } finally {
      await large.stop();
    }
  });

  it('asks again for a set whose answer broke off, and hands on none of its rows twice', async () => {
    org.ctx.faults.bulkQueryResultRows = 10_000;
    const client = new OrgClient(connectTo(org), { sleep: async () => undefined });
    const seen = new Map<unknown, number>();
    const original = client.bulkQuery.bind(client);
    jest.spyOn(client, 'bulkQuery').mockImplementation((soql, onRecord, records, timeout) => {
      // Once the job runs, the first answer over 1 KB is its first set of results (the job's create and
      // status answers are shorter): it breaks off half-way.
      org.ctx.faults.cutAnswersNext = 1;
      return original(soql, onRecord, records, timeout);
    });
    await client.queryMany([SCAN], [(record) => seen.set(record.Id, (seen.get(record.Id) ?? 0) + 1)], [true]);
    org.ctx.faults.cutAnswersNext = 0;
    expect(seen.size).toBe(withValue.size);
    expect([...seen.values()].every((count) => count === 1)).toBe(true);
    expect(client.retries).toBe(1);
  });

  it('stays on REST pages when the client is told to (or the session cannot stream)', async () => {
    const client = new OrgClient(connectTo(org), { bulkQueries: false });
    const records = await scan(client);
    expect(client.bulkQueryJobs).toBe(0);
    expect(new Set(records.map((record) => record.Id)).size).toBe(withValue.size);
    expect(client.apiCalls).toBe(Math.ceil(Math.ceil(withValue.size / 2_000) / 5));
  });

  it('stays on REST for a read whose sink was not allowed a query job (it may need typed values)', async () => {
    const client = new OrgClient(connectTo(org));
    let records = 0;
    await client.queryMany([SCAN], [() => (records += 1)]);
    expect(client.bulkQueryJobs).toBe(0);
    expect(records).toBe(withValue.size);
  });

  it('stays on REST for a scan a few calls read', async () => {
    const client = new OrgClient(connectTo(org));
    const seen: unknown[] = [];
    await client.queryMany(
      ["SELECT Id, Email FROM Contact WHERE Email LIKE 'scan1%'"],
      [(record) => seen.push(record)],
      [true],
    );
    expect(client.bulkQueryJobs).toBe(0);
    expect(seen.length).toBeGreaterThan(0);
  });
});

// Flow-style rules: the e-mail rule rides on the phone rule's scan (one read of Contact with both fields).
const MAPPING = [
  'version: 1',
  'channels: [{ key: x, name: X }]',
  'phone: { defaultCountryCode: "+1" }',
  'rules:',
  '  - { name: scan-phone, identity: phone, record: Contact.MobilePhone, normalise: [phone-e164], action: link }',
  '  - { name: scan-email, identity: email, record: Contact.Email, normalise: [lowercase], action: link }',
  'sources:',
  '  - { name: posts, file: export.csv, columns: { network: Network, userId: Id, handle: Handle, email: Email, phone: Phone } }',
  '',
].join('\n');

describe('a deploy with a scan rule', () => {
  it('links through the query job, and keeps only the Contacts its input can match', async () => {
    const dir = await writeFixture({
      'mapping.yaml': MAPPING,
      'export.csv':
        'Network,Id,Handle,Email,Phone\n' +
        'x,9001,phoned,,+1 415 700 0001\n' +
        'x,9002,mailed,SCAN2@example.com,\n' +
        'x,9003,nobody,nobody@example.com,+1 212 555 0100\n',
    });
    const bulkQuery = jest.spyOn(OrgClient.prototype, 'bulkQuery');
    const { result } = await deployMapping({
      file: join(dir, 'mapping.yaml'),
      connection: connectTo(org),
      dryRun: true,
    });
    expect(result.counts).toMatchObject({ linked: 2, unmatched: 1 });
    expect(bulkQuery).toHaveBeenCalledTimes(1);

    // What the scan keeps: with the input's values noted first, the two Contacts it can match; without,
    // every Contact with a value, under each rule.
    const loaded = await loadMappingFile(join(dir, 'mapping.yaml'));
    const rows: Array<Record<string, string>> = [
      { phone: '+1 415 700 0001' },
      { email: 'SCAN2@example.com' },
      { email: 'nobody@example.com', phone: '+1 212 555 0100' },
    ];
    const identities = rows.map((values, index): Identity => ({
      externalId: `x:${9001 + index}`,
      network: 'x',
      userId: String(9001 + index),
      row: { origin: { source: 'posts', file: 'export.csv', line: index + 2 }, values },
    }));
    const context = { mapping: loaded.mapping, locate: loaded.locate, mappingDisplayPath: 'mapping.yaml' };
    const values = new ScanValues(loaded.mapping);
    for (const identity of identities) values.note(identity);
    const bounded = new SharedReads(values);
    const state = await resolveAgainstOrg(new OrgClient(connectTo(org)), identities, context, bounded);
    expect([...state.resolutions.values()].map((resolution) => resolution.kind)).toEqual([
      'match',
      'match',
      'unmatched',
    ]);
    const kept = [...bounded.ruleIndexes.values()].reduce((sum, index) => sum + index.size, 0);
    expect(kept).toBeLessThanOrEqual(3);
    expect(kept).toBeGreaterThanOrEqual(2);

    const whole = new SharedReads();
    await resolveAgainstOrg(new OrgClient(connectTo(org)), identities, context, whole);
    const everything = [...whole.ruleIndexes.values()].reduce((sum, index) => sum + index.size, 0);
    expect(everything).toBeGreaterThanOrEqual(CONTACTS);
  });
});
