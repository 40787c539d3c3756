// The shipped example (examples/mapping.yaml) deployed against the seeded demo org, as `npm start`
// does: it links the demo people the seed left for it, changes no channel, and a rerun changes nothing.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deployMapping } from '../../plugin/src/mappings/deploy.js';
import { connectTo, startOrg, type TestOrg } from './localOrg.js';

const EXAMPLE = fileURLToPath(new URL('../../examples/mapping.yaml', import.meta.url));
let org: TestOrg;

beforeAll(async () => {
  org = await startOrg();
});

afterAll(async () => {
  await org.stop();
});

function idOf(objectName: string, email: string): string {
  const record = org.store.list(objectName).find((candidate) => candidate.Email === email);
  if (record === undefined) throw new Error(`the demo seed has no ${objectName} ${email}`);
  return record.Id;
}

describe('examples/mapping.yaml on the demo org', () => {
  it('links the example people and accounts for every row', async () => {
    const resultsDir = await mkdtemp(join(tmpdir(), 'social-example-'));
    const identitiesBefore = org.store.list('Social_Identity__c').length;
    const { result } = await deployMapping({ file: EXAMPLE, connection: connectTo(org), dryRun: false, resultsDir });
    expect(result.counts).toMatchObject({
      linked: 5,
      suggested: 1,
      unmatched: 1,
      ambiguous: 0,
      rejected: 0,
      failed: 0,
    });
    expect(result.rows).toBe(7);
    expect(result.channels).toMatchObject({ declared: 7, written: 0, failed: 0 });
    expect(org.store.list('Social_Identity__c')).toHaveLength(identitiesBefore + 7);

    const byExternalId = new Map(org.store.list('Social_Identity__c').map((record) => [record.External_Id__c, record]));
    const ana = idOf('Contact', 'ana.ruiz@example.com');
    expect(byExternalId.get('x:1500000000000000001')).toMatchObject({
      Contact__c: ana,
      Matched_By_Rule__c: 'same-email',
      Link_Status__c: 'Linked',
    });
    expect(byExternalId.get('community:m-1001')).toMatchObject({ Contact__c: ana, Link_Status__c: 'Linked' });
    expect(byExternalId.get('x:1500000000000000002')).toMatchObject({
      Contact__c: idOf('Contact', 'jordan.lee@summit-trail.example.com'),
      Link_Status__c: 'Suggested',
      Matched_By_Rule__c: 'same-phone',
    });
    expect(byExternalId.get('instagram:5800000001')).toMatchObject({
      Lead__c: idOf('Lead', 'priya.shah@example.com'),
      Matched_By_Rule__c: 'lead-email',
    });
    expect(byExternalId.get('community:m-1002')).toMatchObject({ Lead__c: idOf('Lead', 'sam.kim@example.org') });
    expect(byExternalId.get('x:1500000000000000003')).toMatchObject({
      Contact__c: idOf('Contact', 'marco.rossi@example.com'),
      Matched_By_Rule__c: 'pairs:confirmed-by-admin',
    });
    expect(byExternalId.get('x:1500000000000000004')).toMatchObject({ Link_Status__c: 'Unlinked' });

    const again = await deployMapping({ file: EXAMPLE, connection: connectTo(org), dryRun: false, resultsDir });
    expect(again.result.changes).toBe(0);
    expect(again.result.counts).toMatchObject({ unchanged: 6, unmatched: 1 });
  });
});
