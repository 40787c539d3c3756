// Identities and interactions follow a converted Lead (issue 15, item 1), against the local org over
// HTTP: the Lead is converted with the SOAP API's convertLead() (jsforce), then
// `sf social mappings deploy` and `sf social interactions import` move what is still on the Lead to its
// Contact and Account, report it as their own outcome (followedConversions), keep a rep's link a rep's
// link, never link back to the converted Lead, and change nothing on a second run.
// Source: SOAP API Developer Guide, "convertLead()" (custom lookups are not moved by conversion)
// https://developer.salesforce.com/docs/atlas.en-us.api.meta/api/sforce_api_calls_convertlead.htm
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { FOLLOWED_CONVERSION_RULE } from '../../plugin/src/conversions/followConversions.js';
import { importInteractions } from '../../plugin/src/interactions/import.js';
import { deployMapping } from '../../plugin/src/mappings/deploy.js';
import { mappingYaml, writeFixture } from '../plugin/fixtures.js';
import { convertLeadWithSoap, publicPostOnLead } from '../support/leadHistory.js';
import { connectTo, seed, startOrg, type TestOrg } from '../plugin/localOrg.js';

let org: TestOrg;
let leadId: string;
let ruleIdentity: string;
let repIdentity: string;
let contactId: string;
let accountId: string;
const leadPosts: string[] = [];

const record = (id: string): Record<string, unknown> => org.store.get(id)!.record;

beforeAll(async () => {
  org = await startOrg();
  leadId = seed(org, 'Lead', { LastName: 'Moreau', Company: 'Moreau Vélos', Email: 'lea.moreau@example.com' });
  const identity = (userId: string, fields: Record<string, unknown>): string =>
    seed(org, 'Social_Identity__c', {
      Name: `@${userId} (x)`,
      External_Id__c: `x:${userId}`,
      Network__c: 'x',
      Network_User_Id__c: userId,
      Handle__c: userId,
      Lead__c: leadId,
      Link_Status__c: 'Linked',
      ...fields,
    });
  ruleIdentity = identity('lea-rule', { Link_Source__c: 'Mapping', Matched_By_Rule__c: 'lead-email' });
  repIdentity = identity('lea-rep', { Link_Source__c: 'Rep' });
  for (const [index, identityId] of [ruleIdentity, repIdentity].entries()) {
    leadPosts.push(
      seed(
        org,
        'Social_Interaction__c',
        publicPostOnLead({
          externalId: `x:lea-post-${index}`,
          identityId,
          leadId,
          body: `Post ${index}`,
          postedAt: '2026-11-10T10:00:00.000Z',
        }),
      ),
    );
  }
  ({ contactId, accountId } = await convertLeadWithSoap(connectTo(org), leadId));
});

afterAll(async () => {
  await org?.stop();
});

describe('after a lead conversion', () => {
  const importPost = async (dir: string) =>
    importInteractions({
      file: join(dir, 'export.ndjson'),
      connection: connectTo(org),
      dryRun: false,
      resultsDir: join(await writeFixture({}), 'results'),
      now: () => new Date('2026-11-21T00:00:00Z'),
    });

  it('the import moves identities and interactions to the Contact, reports them, keeps a rep link a rep link', async () => {
    const dir = await writeFixture({
      'export.ndjson': JSON.stringify({
        network: 'x',
        postId: 'lea-new',
        userId: 'lea-rep',
        handle: 'lea-rep',
        kind: 'Post',
        postedAt: '2026-11-20T10:00:00Z',
        body: 'Any news on my order?',
      }),
    });
    const first = await importPost(dir);
    expect(first.followedConversions).toMatchObject({ identities: 2, interactions: 2, failed: 0 });
    expect(first.followedConversions.moves).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ object: 'Social_Identity__c', recordId: repIdentity, leadId, contactId }),
      ]),
    );
    expect(record(repIdentity)).toMatchObject({
      Contact__c: contactId,
      Lead__c: null,
      Link_Status__c: 'Linked',
      Link_Source__c: 'Rep',
      Matched_By_Rule__c: FOLLOWED_CONVERSION_RULE,
    });
    expect(String(record(repIdentity).Link_Note__c)).toContain(leadId);
    expect(record(ruleIdentity)).toMatchObject({ Contact__c: contactId, Lead__c: null, Link_Source__c: 'Mapping' });
    for (const post of leadPosts) {
      expect(record(post)).toMatchObject({ Contact__c: contactId, Account__c: accountId, Lead__c: null });
    }
    const [fresh] = org.store.list('Social_Interaction__c').filter((row) => row.External_Id__c === 'x:lea-new');
    expect(fresh).toMatchObject({ Contact__c: contactId, Account__c: accountId, Lead__c: null });

    const second = await importPost(dir);
    expect(second.followedConversions).toMatchObject({ identities: 0, interactions: 0, failed: 0, moves: [] });
    expect(second.changes).toBe(0);
  });

  it('the deploy never links back to the converted Lead, and a rerun changes nothing', async () => {
    const dir = await writeFixture({
      'export.csv': 'Network,Id,Handle,Email\nx,lea-rule,lea-rule,lea.moreau@example.com\n',
      'mapping.yaml': mappingYaml({
        rules: [
          'rules:',
          '  - name: lead-email',
          '    identity: email',
          '    record: Lead.Email',
          '    normalise: [lowercase]',
          '    action: link',
        ].join('\n'),
        sources: [
          'sources:',
          '  - name: export',
          '    file: export.csv',
          '    columns: { network: Network, userId: Id, handle: Handle, email: Email }',
        ].join('\n'),
      }),
    });
    const deploy = async () =>
      (
        await deployMapping({
          file: join(dir, 'mapping.yaml'),
          connection: connectTo(org),
          dryRun: false,
          resultsDir: join(await writeFixture({}), 'results'),
        })
      ).result;
    const first = await deploy();
    expect(first.followedConversions).toMatchObject({ identities: 0, interactions: 0, failed: 0 });
    expect(record(ruleIdentity)).toMatchObject({ Contact__c: contactId, Lead__c: null });
    expect(record(repIdentity)).toMatchObject({ Contact__c: contactId, Lead__c: null, Link_Source__c: 'Rep' });
    const second = await deploy();
    expect(second.changes).toBe(0);
    expect(record(ruleIdentity)).toMatchObject({ Contact__c: contactId, Lead__c: null });
  });
});
