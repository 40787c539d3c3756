// OrgClient.queryMany against the local org: queries packed five to a composite call, a long query's
// next pages chained through @{ref.nextRecordsUrl}, every record returned once, and a refused query
// named by its index.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { OrgClient } from '../../plugin/src/org/client.js';
import { connectTo, startOrg, type TestOrg } from './localOrg.js';

let org: TestOrg;

beforeAll(async () => {
  org = await startOrg();
  // 9,000 interactions on one contact: five pages of 2,000.
  const { createBusyContact } = await import('../../local-org/src/seed/busyContact.js');
  createBusyContact(org.store, 9_000 - org.store.list('Social_Interaction__c').length);
});

afterAll(async () => {
  await org.stop();
});

describe('OrgClient.queryMany', () => {
  it('reads every page of every query in as few composite calls as five operations each allow', async () => {
    const client = new OrgClient(connectTo(org));
    const before = org.ctx.apiCalls.used;
    const [interactions, contacts, channels, none] = await client.queryMany<{ Id: string }>([
      'SELECT Id FROM Social_Interaction__c',
      'SELECT Id FROM Contact',
      'SELECT Id FROM Social_Channel__c',
      "SELECT Id FROM Lead WHERE Email = 'nobody@example.invalid'",
    ]);
    expect(interactions).toHaveLength(9_000);
    expect(new Set(interactions!.map((record) => record.Id)).size).toBe(9_000);
    expect(contacts).toHaveLength(org.store.list('Contact').length);
    expect(channels).toHaveLength(org.store.list('Social_Channel__c').length);
    expect(none).toEqual([]);
    expect(interactions![0]).not.toHaveProperty('attributes');
    // Call 1: four first pages. Call 2: the interactions' four next pages, chained. 8 operations, 2 calls.
    expect(org.ctx.apiCalls.used - before).toBe(2);
    expect(client.apiCalls).toBe(2);
  });

  it("fills a call with the last query's next pages, in case it has them: a page past the end costs nothing", async () => {
    const client = new OrgClient(connectTo(org));
    const before = org.ctx.apiCalls.used;
    // Five pages: the first and four chained after it, before the first has said it has more.
    const [interactions] = await client.queryMany<{ Id: string }>(['SELECT Id FROM Social_Interaction__c']);
    expect(new Set(interactions!.map((record) => record.Id)).size).toBe(9_000);
    expect(org.ctx.apiCalls.used - before).toBe(1);
    // One page: the four chained after it find no next page, and the query's records are all there.
    const [channels] = await client.queryMany<{ Id: string }>(['SELECT Id FROM Social_Channel__c']);
    expect(channels).toHaveLength(org.store.list('Social_Channel__c').length);
    expect(org.ctx.apiCalls.used - before).toBe(2);
    expect(client.apiCalls).toBe(2);
  });

  it('fails with the error code and the index of a query the org refuses', async () => {
    const client = new OrgClient(connectTo(org));
    const error = await client
      .queryMany(['SELECT Id FROM Contact', 'SELECT Nope__c FROM Contact'])
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ errorCode: 'INVALID_FIELD', queryIndex: 1 });
  });

  // The Composite docs show references inside a subrequest's url or body ("/sobjects/Account/@{ref.id}"),
  // never a reference as the whole url (resources-composite-composite-post.html): an org may refuse it.
  it('still reads every page, one call each, and counts every call, when the org refuses a whole-url reference', async () => {
    const client = new OrgClient(connectTo(org));
    const before = org.ctx.apiCalls.used;
    org.ctx.faults.refuseWholeUrlReferences = true;
    try {
      const [interactions, channels] = await client.queryMany<{ Id: string }>([
        'SELECT Id FROM Social_Interaction__c',
        'SELECT Id FROM Social_Channel__c',
      ]);
      expect(new Set(interactions!.map((record) => record.Id)).size).toBe(9_000);
      expect(interactions).toHaveLength(9_000);
      expect(channels).toHaveLength(org.store.list('Social_Channel__c').length);
      expect(client.chainedPagesRefused).toBe(true);
      // Call 1: both first pages. Call 2: the interactions' second page and three chained after it,
      // refused. Calls 3-5: the remaining pages by their own URLs, one each: 5 calls, all counted.
      expect(org.ctx.apiCalls.used - before).toBe(5);
      expect(client.apiCalls).toBe(5);
    } finally {
      org.ctx.faults.refuseWholeUrlReferences = false;
    }
  });
});
