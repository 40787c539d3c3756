// The CRM lifecycle as the components read it, on the local org over HTTP with the components' own
// scope modules (socialTimelineFilter.recordScope, socialIdentityModel.identitiesWhere):
// - a Lead converted with the SOAP API's convertLead() brings its identities and messages to the
//   Contact's (and Account's) timeline and identities panel at once, before any deploy moves them;
// - a rep's unlink or relink, one write on the identity, re-homes every message of that identity at
//   once: the timeline reads messages through the identity's current link, so there is no second
//   write to fail half way.
// Sources: GraphQL API, "Parent and Child Relationship Filters"
// (https://developer.salesforce.com/docs/platform/graphql/guide/filter-parent.html); SOAP API,
// "convertLead()" (https://developer.salesforce.com/docs/atlas.en-us.api.meta/api/sforce_api_calls_convertlead.htm).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Connection } from 'jsforce';
import type { LeadConvertResult } from 'jsforce/lib/api/soap/schema.js';
import { coerceInputValue, type GraphQLInputType } from 'graphql';
import { startLocalOrg, type LocalOrg } from '../../local-org/src/main.js';
import { independentSchema } from '../contracts/uiapi/independentSchema.js';
import { loadLwcModule } from './lwcModule.js';
import { findQueryDocuments } from './queryDocuments.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const queries = Object.fromEntries(findQueryDocuments().map((document) => [document.exportName, document.text]));
const { recordScope } = loadLwcModule<{ recordScope: (objectApiName: string, recordId: string) => Json }>(
  'socialTimelineFilter',
);
const { identitiesWhere } = loadLwcModule<{ identitiesWhere: (objectApiName: string, recordId: string) => Json }>(
  'socialIdentityModel',
);

let org: LocalOrg;
let conn: Connection;
let sequence = 0;

beforeAll(async () => {
  org = await startLocalOrg({ port: 0, empty: true });
  conn = new Connection({ instanceUrl: org.url, accessToken: org.accessToken, version: '62.0' });
});

afterAll(async () => {
  await org?.stop();
});

async function graphql(query: string, variables: Json): Promise<Json> {
  const body = (await conn.request({
    method: 'POST',
    url: '/services/data/v62.0/graphql',
    body: JSON.stringify({ query, variables }),
    headers: { 'Content-Type': 'application/json' },
  })) as Json;
  expect(body.errors ?? []).toEqual([]);
  return body.data.uiapi.query;
}

/** The ids (sorted) of every interaction the timeline shows for a record page. */
async function timelineIds(objectApiName: string, recordId: string): Promise<string[]> {
  const query = await graphql(queries.TIMELINE_QUERY!, {
    where: recordScope(objectApiName, recordId),
    first: 200,
    upperBound: 50000,
  });
  return query.Social_Interaction__c.edges.map((edge: Json) => edge.node.Id as string).sort();
}

function create(objectName: string, fields: Json): string {
  const result = org.store.create(objectName, fields);
  if (!result.success) throw new Error(`${objectName}: ${JSON.stringify(result.errors)}`);
  return result.id;
}

function identity(person: Json, status = 'Linked'): string {
  sequence += 1;
  return create('Social_Identity__c', {
    Name: `@person${sequence} (x)`,
    External_Id__c: `x:${sequence}`,
    Network__c: 'x',
    Network_User_Id__c: String(sequence),
    Handle__c: `person${sequence}`,
    Link_Status__c: status,
    ...person,
  });
}

function interaction(fields: Json): string {
  sequence += 1;
  return create('Social_Interaction__c', {
    External_Id__c: `x:post-${sequence}`,
    Network__c: 'x',
    Direction__c: 'Inbound',
    Visibility__c: 'Public',
    Kind__c: 'Post',
    Body__c: `Message ${sequence}`,
    Posted_At__c: new Date(Date.UTC(2026, 10, 1, 0, sequence)).toISOString(),
    Status__c: 'New',
    ...fields,
  });
}

const sorted = (ids: string[]): string[] => [...ids].sort();

describe('the scopes the components send', () => {
  // Variables are not part of the query text the contract test validates: coerce them against the
  // UI API schema written from Salesforce's docs (test/contracts/uiapi), as the platform would.
  const schema = independentSchema();
  const ID = '003000000000001AAA';
  it.each([
    ['Social_Interaction__c_Filter', 'Contact', recordScope('Contact', ID)],
    ['Social_Interaction__c_Filter', 'Account', recordScope('Account', '001000000000001AAA')],
    ['Social_Interaction__c_Filter', 'Lead', recordScope('Lead', '00Q000000000001AAA')],
    ['Social_Interaction__c_Filter', 'Case', recordScope('Case', '500000000000001AAA')],
    ['Social_Identity__c_Filter', 'Contact', identitiesWhere('Contact', ID)],
  ])('%s on a %s page is a valid filter input', (typeName, _page, value) => {
    const errors: string[] = [];
    coerceInputValue(value, schema.getType(typeName) as GraphQLInputType, (path, _invalid, error) =>
      errors.push(`${path.join('.')}: ${error.message}`),
    );
    expect(errors).toEqual([]);
  });
});

describe('a converted Lead on its Contact and Account', () => {
  it('shows the Lead history on the Contact and Account at once, and a suggestion still waits for a rep', async () => {
    const leadId = create('Lead', { LastName: 'Okafor', Company: 'Okafor Bikes', Email: 'ngozi@example.com' });
    const linked = identity({ Lead__c: leadId, Link_Source__c: 'Mapping', Matched_By_Rule__c: 'same-email' });
    const suggested = identity({ Lead__c: leadId }, 'Suggested');
    const leadPosts = [
      interaction({ Identity__c: linked, Lead__c: leadId }),
      interaction({ Identity__c: linked, Lead__c: leadId, Direction__c: 'Outbound', Kind__c: 'Reply' }),
      // An email with no identity, put on the Lead by an import.
      interaction({ Lead__c: leadId, Network__c: 'email', Visibility__c: 'Private' }),
    ];
    interaction({ Identity__c: suggested, Lead__c: leadId });
    expect(await timelineIds('Lead', leadId)).toEqual(sorted(leadPosts));

    const result = (await conn.soap.convertLead({
      leadId,
      convertedStatus: 'Closed - Converted',
      doNotCreateOpportunity: true,
    } as never)) as unknown as LeadConvertResult;
    expect(result.success).toBe(true);
    const contactId = result.contactId!;
    const accountId = result.accountId!;

    // No deploy or import has run: nothing on the interactions or identities changed.
    expect(org.store.get(leadPosts[0]!)?.record.Contact__c).toBeNull();
    expect(await timelineIds('Contact', contactId)).toEqual(sorted(leadPosts));
    expect(await timelineIds('Account', accountId)).toEqual(sorted(leadPosts));

    const panel = await graphql(queries.IDENTITIES_QUERY!, { where: identitiesWhere('Contact', contactId) });
    const identities = panel.Social_Identity__c.edges.map((edge: Json) => edge.node);
    expect(
      identities.map((node: Json) => [node.Id, node.Link_Status__c.value, node.Lead__r.IsConverted.value]).sort(),
    ).toEqual(sorted([linked, suggested]).map((id) => [id, id === linked ? 'Linked' : 'Suggested', true]));
  });
});

describe("unlink and relink re-home an identity's messages with one write", () => {
  it('moves every message with the identity, and an unlink takes them off the record', async () => {
    const accountId = create('Account', { Name: 'Relink Co' });
    const first = create('Contact', { LastName: 'First', AccountId: accountId });
    const second = create('Contact', { LastName: 'Second', AccountId: accountId });
    const handle = identity({ Contact__c: first, Link_Source__c: 'Mapping' });
    const posts = [
      interaction({ Identity__c: handle, Contact__c: first, Account__c: accountId }),
      interaction({ Identity__c: handle, Contact__c: first, Account__c: accountId }),
    ];
    const note = interaction({ Contact__c: first, Account__c: accountId, Network__c: 'email' });
    expect(await timelineIds('Contact', first)).toEqual(sorted([...posts, note]));

    // The relink the panel's link form writes: the identity only (socialIdentityModel.linkExistingInput).
    const relinked = (await conn
      .sobject('Social_Identity__c')
      .update({ Id: handle, Contact__c: second } as never)) as unknown as { success: boolean };
    expect(relinked.success).toBe(true);
    expect(await timelineIds('Contact', first)).toEqual([note]);
    expect(await timelineIds('Contact', second)).toEqual(sorted(posts));
    // The messages themselves still carry the old denormalised lookup: the scope does not read it.
    expect(org.store.get(posts[0]!)?.record.Contact__c).toBe(first);

    // The unlink the panel writes (socialIdentityModel.unlinkInput): both lookups cleared, Unlinked.
    await conn.sobject('Social_Identity__c').update({
      Id: handle,
      Contact__c: null,
      Lead__c: null,
      Link_Status__c: 'Unlinked',
      Link_Source__c: 'Rep',
    } as never);
    expect(await timelineIds('Contact', second)).toEqual([]);
    expect(await timelineIds('Contact', first)).toEqual([note]);
    expect(await timelineIds('Account', accountId)).toEqual([note]);
  });
});
