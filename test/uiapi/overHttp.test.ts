// The UI API through the real local org server (startLocalOrg, schema read from force-app, demo
// seed): GraphQL and record writes over HTTP with a Bearer token, as lightning adapters send them.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startLocalOrg, type LocalOrg } from '../../local-org/src/localOrg.js';
import type { GraphQLResponseBody } from '../../local-org/src/uiapi/graphqlExecution.js';
import type { RecordRepresentation } from '../../local-org/src/uiapi/recordRepresentation.js';
import type { RecordErrorBody } from '../../local-org/src/uiapi/uiApiErrors.js';
import { connectionOf, NOW } from './uiApiOrg.js';

let org: LocalOrg;

async function send(method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${org.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${org.accessToken}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

async function graphqlOverHttp(query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResponseBody> {
  const response = await send('POST', '/services/data/v62.0/graphql', { query, variables });
  expect(response.status).toBe(200);
  return response.body as GraphQLResponseBody;
}

beforeAll(async () => {
  org = await startLocalOrg({ now: () => NOW, seed: 7 });
});

afterAll(async () => {
  await org.stop();
});

const TIMELINE = `
  query timeline($contactId: ID) {
    uiapi { query { Social_Interaction__c(where: { Contact__c: { eq: $contactId } }, orderBy: { Posted_At__c: { order: DESC } }, first: 5) {
      edges { node { Id Network__c { value } Status__c { value displayValue } Contact__r { Name { value } } } }
      totalCount
    } } }
  }`;

describe('UI API over HTTP', () => {
  it("reads the busiest seeded contact's timeline", async () => {
    const contactId = org.seed!.busiestContactId;
    const body = await graphqlOverHttp(TIMELINE, { contactId });
    expect(body.errors).toEqual([]);
    const connection = connectionOf(body, 'Social_Interaction__c');
    expect(connection.totalCount).toBeGreaterThan(5);
    expect(connection.edges).toHaveLength(5);
    const contactName = org.store.get(contactId)!.record.Name;
    expect(connection.edges.map((edge) => edge.node.Contact__r!.Name!.value)).toEqual(Array(5).fill(contactName));
  });

  it('fails a query naming a field that is not in force-app, naming it', async () => {
    const body = await graphqlOverHttp(
      '{ uiapi { query { Social_Identity__c { edges { node { Klout_Score__c { value } } } } } } }',
    );
    expect(body.data).toBeNull();
    expect(body.errors[0]!.message).toContain("Field 'Klout_Score__c' in type 'Social_Identity__c' is undefined");
  });

  it('creates a reply through /ui-api/records and finds it with GraphQL', async () => {
    const contactId = org.seed!.busiestContactId;
    const created = await send('POST', '/services/data/v62.0/ui-api/records', {
      apiName: 'Social_Interaction__c',
      fields: {
        External_Id__c: 'x:local-http-1',
        Network__c: 'x',
        Direction__c: 'Outbound',
        Visibility__c: 'Public',
        Kind__c: 'Reply',
        Body__c: 'Thanks for letting us know!',
        Posted_At__c: '2026-11-20T11:59:00Z',
        Delivery_Status__c: 'Queued',
        Contact__c: contactId,
      },
    });
    expect(created.status).toBe(201);
    const id = (created.body as RecordRepresentation).id;
    const body = await graphqlOverHttp(
      `query reply($id: ID) { uiapi { query { Social_Interaction__c(where: { Id: { eq: $id } }) { edges { node { Delivery_Status__c { value displayValue } Body__c { value } } } } } } }`,
      { id },
    );
    expect(connectionOf(body, 'Social_Interaction__c').edges[0]!.node).toEqual({
      Delivery_Status__c: { value: 'Queued', displayValue: 'Queued' },
      Body__c: { value: 'Thanks for letting us know!' },
    });
    const patched = await send('PATCH', `/services/data/v62.0/ui-api/records/${id}`, {
      fields: { Delivery_Status__c: 'Lost' },
    });
    expect(patched.status).toBe(400);
    expect((patched.body as RecordErrorBody).output.fieldErrors.Delivery_Status__c![0]!.errorCode).toBe(
      'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
    );
    const read = await send(
      'GET',
      `/services/data/v62.0/ui-api/records/${id}?fields=Social_Interaction__c.Delivery_Status__c`,
    );
    expect((read.body as RecordRepresentation).fields).toEqual({
      Delivery_Status__c: { value: 'Queued', displayValue: 'Queued' },
    });
  });
});
