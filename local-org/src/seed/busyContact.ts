// A contact with a chosen number of interactions, in threads of four across four channels, one
// an hour back from now: for paging tests and the render benchmark (e.g. 5,000, past GraphQL's
// 4,000-record cursor limit). Written straight into the store, so it costs no API calls.

import type { RecordStore } from '../data/store.js';

const NETWORKS = ['x', 'facebook', 'instagram', 'community'];
const HOUR = 3_600_000;

function created(result: ReturnType<RecordStore['create']>, what: string): string {
  if (!result.success) {
    throw new Error(`Creating ${what} failed: ${JSON.stringify(result.errors)}`);
  }
  return result.id;
}

export function createBusyContact(store: RecordStore, interactions: number, now = new Date()): string {
  const accountId =
    store.list('Account')[0]?.Id ?? created(store.create('Account', { Name: 'Busy Contacts Inc.' }), 'an account');
  const contactId = created(
    store.create('Contact', { FirstName: 'Busy', LastName: `Contact ${interactions}`, AccountId: accountId }),
    'a contact',
  );
  for (let index = 0; index < interactions; index += 1) {
    const network = NETWORKS[index % NETWORKS.length] as string;
    created(
      store.create('Social_Interaction__c', {
        External_Id__c: `${network}:busy-${contactId}-${index}`,
        Contact__c: contactId,
        Account__c: accountId,
        Network__c: network,
        Direction__c: index % 4 === 3 ? 'Outbound' : 'Inbound',
        Visibility__c: index % 5 === 0 ? 'Private' : 'Public',
        Kind__c: index % 4 === 0 ? 'Post' : 'Reply',
        Body__c: `Message ${index} about order ${1000 + index}: is the grinder covered by the warranty?`,
        Posted_At__c: new Date(now.getTime() - index * HOUR).toISOString(),
        Thread_Key__c: `busy-${contactId}-${Math.floor(index / 4)}`,
        Status__c: index % 7 === 0 ? 'Needs_Response' : 'Responded',
      }),
      `interaction ${index}`,
    );
  }
  return contactId;
}
