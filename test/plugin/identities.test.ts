// `sf social identities list`: reads identities from the local org, all of them or one Contact's.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { listIdentities } from '../../plugin/src/identities/list.js';
import { connectTo, startOrg, type TestOrg } from './localOrg.js';

let org: TestOrg;

beforeAll(async () => {
  org = await startOrg();
});

afterAll(async () => {
  await org.stop();
});

describe('listIdentities', () => {
  it("lists one Contact's identities with their link details", async () => {
    const withIdentities = org.store.list('Social_Identity__c').find((record) => record.Contact__c);
    expect(withIdentities).toBeDefined();
    const contactId = String(withIdentities!.Contact__c);
    const expected = org.store.list('Social_Identity__c').filter((record) => record.Contact__c === contactId);

    const { identities } = await listIdentities(connectTo(org), contactId);
    expect(identities.map((identity) => identity.externalId).sort()).toEqual(
      expected.map((record) => String(record.External_Id__c)).sort(),
    );
    expect(identities[0]).toMatchObject({ contactId, network: expect.any(String), linkStatus: expect.any(String) });
  });

  it('lists every identity without --contact, past the first page of query results', async () => {
    // The seed holds about 110 identities; a query answers 2,000 rows a batch (REST API Developer
    // Guide, "Query": "the default batch size is 2,000"), so add enough for a second batch.
    for (let index = 0; index < 2_050; index += 1) {
      org.store.create('Social_Identity__c', {
        Name: `@paged_${index}`,
        Network__c: 'x',
        Network_User_Id__c: `paged-${index}`,
        External_Id__c: `x:paged-${index}`,
      });
    }
    const callsBefore = org.ctx.apiCalls.used;
    const { identities } = await listIdentities(connectTo(org));
    const stored = org.store.list('Social_Identity__c');
    expect(stored.length).toBeGreaterThan(2_000);
    expect(identities).toHaveLength(stored.length);
    expect(new Set(identities.map((identity) => identity.id)).size).toBe(stored.length);
    // The first batch and one queryMore for the rest: the paging loop ran.
    expect(org.ctx.apiCalls.used - callsBefore).toBe(2);
  });

  it('sends an id with a quote in it as one value, never as SOQL', async () => {
    // The command's --contact flag only accepts ids; the library still quotes whatever it gets.
    await expect(listIdentities(connectTo(org), "003' OR Name != '")).rejects.toMatchObject({
      errorCode: 'INVALID_QUERY_FILTER_OPERATOR',
      message: expect.stringContaining("invalid ID field: 003' OR Name != '"),
    });
  });
});
