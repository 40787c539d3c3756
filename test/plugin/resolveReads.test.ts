// What a deploy reads, against the local org: a first deploy into an org with no identity asks whether
// there is any (one record at most) instead of reading identities by IN lists in every partition, and
// an object a scan rule reads whole (phone-e164) is read once with the other rule fields of that object
// in it, not again by an IN list. Both are reads the work does not need (issue #20, honest minimums).
// SOQL: `LIMIT` and `!= null` with `OR` in a WHERE clause, SOQL and SOSL Reference ("Comparison
// Operators", "LIMIT").
import { afterAll, afterEach, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { join } from 'node:path';
import { deployMapping } from '../../plugin/src/mappings/deploy.js';
import { OrgClient } from '../../plugin/src/org/client.js';
import { writeFixture } from './fixtures.js';
import { connectTo, seed, startOrg, type TestOrg } from './localOrg.js';

let org: TestOrg;

beforeAll(async () => {
  org = await startOrg();
  for (const record of org.store.list('Social_Identity__c')) org.store.delete(String(record.Id));
  seed(org, 'Contact', { LastName: 'Reads Phone', MobilePhone: '(415) 555-0142' });
  seed(org, 'Contact', { LastName: 'Reads Mail', Email: 'reads.mail@example.com' });
});

afterAll(async () => {
  await org.stop();
});

afterEach(() => {
  jest.restoreAllMocks();
});

const MAPPING = `version: 1
channels:
  - key: x
    name: X
phone:
  defaultCountryCode: "+1"
rules:
  - name: same-phone
    identity: phone
    record: Contact.MobilePhone
    normalise: [phone-e164]
    action: link
  - name: mail-address
    identity: email
    record: Contact.Email
    normalise: [lowercase]
    action: link
sources:
  - name: posts
    file: export.csv
    columns: { network: Network, userId: Id, handle: Handle, email: Email, phone: Phone }
`;

const EXPORT =
  'Network,Id,Handle,Email,Phone\n' +
  'x,5001,phoned,,+1 415 555 0142\n' +
  'x,5002,mailed,Reads.Mail@example.com,\n' +
  'x,5003,nobody,nobody.reads@example.com,\n';

async function deployRecordingQueries(dir: string, results: string, counts: Record<string, number>): Promise<string[]> {
  const queries: string[] = [];
  const original = OrgClient.prototype.queryMany;
  jest.spyOn(OrgClient.prototype, 'queryMany').mockImplementation(function (this: OrgClient, soql, sinks) {
    queries.push(...soql);
    // The sinks too: a scan hands its records to the rule indexes through them.
    return original.call(this, soql, sinks) as never;
  });
  const { result } = await deployMapping({
    file: join(dir, 'mapping.yaml'),
    connection: connectTo(org),
    dryRun: false,
    resultsDir: join(dir, results),
    // One identity a partition: what the first partition learns spares the others their reads.
    partitionRows: 1,
  });
  expect(result.counts).toMatchObject(counts);
  return queries;
}

describe('the reads of a deploy', () => {
  it('reads no identity by external id when the org has none, and the scanned object once', async () => {
    const dir = await writeFixture({ 'mapping.yaml': MAPPING, 'export.csv': EXPORT });
    const queries = await deployRecordingQueries(dir, 'first', { linked: 2, unmatched: 1, failed: 0 });
    // The first partition's short IN list (if it has identities) goes along with the question; the others
    // send none.
    expect(
      queries.filter((soql) => /FROM Social_Identity__c WHERE External_Id__c/.test(soql)).length,
    ).toBeLessThanOrEqual(1);
    expect(queries.filter((soql) => soql === 'SELECT Id FROM Social_Identity__c LIMIT 1')).toHaveLength(1);
    const contactReads = queries.filter((soql) => /FROM Contact\b/.test(soql));
    expect(contactReads).toEqual([
      'SELECT Id, MobilePhone, Email FROM Contact WHERE (MobilePhone != null OR Email != null)',
    ]);
  });

  it('reads the identities by external id once the org holds some, and changes nothing on a rerun', async () => {
    const dir = await writeFixture({ 'mapping.yaml': MAPPING, 'export.csv': EXPORT });
    const queries = await deployRecordingQueries(dir, 'second', { unchanged: 2, unmatched: 1, failed: 0 });
    // Every partition with identities reads them (the three rows fall into more than one partition).
    expect(
      queries.filter((soql) => /FROM Social_Identity__c WHERE External_Id__c IN/.test(soql)).length,
    ).toBeGreaterThanOrEqual(2);
  });
});
