// UI API record resources through the routes uiApiRoutes() gives the server: create, read with
// `fields`/`optionalFields`, update and delete, with the store's validation failures reported as
// UI API record errors (`output.fieldErrors`) and unknown records as NOT_FOUND.
import { beforeEach, describe, expect, it } from '@jest/globals';
import type { IncomingMessage } from 'node:http';
import type { MemoryStore } from '../../local-org/src/data/memoryStore.js';
import type { OrgContext, Route, RouteResponse } from '../../local-org/src/http/route.js';
import { uiApiRoutes } from '../../local-org/src/uiapi/index.js';
import type { RecordRepresentation } from '../../local-org/src/uiapi/recordRepresentation.js';
import type { RecordErrorBody } from '../../local-org/src/uiapi/uiApiErrors.js';
import { create, newStore, orgContext } from './uiApiOrg.js';

/** A nested Record representation, as `Contact__r.value` holds one. */
type Nested = RecordRepresentation & { fields: Record<string, { value: unknown; displayValue: string | null }> };

const asRecord = (response: RouteResponse): RecordRepresentation => response.body as RecordRepresentation;
const asRecordError = (response: RouteResponse): RecordErrorBody => response.body as RecordErrorBody;
const asErrors = (response: RouteResponse): Array<{ errorCode: string; message: string }> =>
  response.body as Array<{ errorCode: string; message: string }>;

let store: MemoryStore;
let ctx: OrgContext;
const routes = uiApiRoutes();

/** Finds the route for a method and path as the server does, and runs it. */
async function call(method: Route['method'], url: string, body?: unknown): Promise<RouteResponse> {
  const parsed = new URL(url, 'http://127.0.0.1');
  for (const route of routes) {
    const match = route.pattern.exec(parsed.pathname);
    if (!match || route.method !== method) continue;
    return route.handle(
      {
        req: {} as IncomingMessage,
        path: parsed.pathname,
        query: parsed.searchParams,
        params: Object.fromEntries(Object.entries(match.groups ?? {}).map(([key, value]) => [key, value ?? ''])),
        body: Buffer.from(body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body)),
      },
      ctx,
    );
  }
  throw new Error(`No UI API route for ${method} ${url}`);
}

const BASE = '/services/data/v62.0/ui-api/records';

beforeEach(() => {
  store = newStore();
  ctx = orgContext(store);
});

describe('UI API records', () => {
  it('creates a record and answers the Record representation', async () => {
    const contactId = create(store, 'Contact', { LastName: 'Ruiz' });
    const response = await call('POST', BASE, {
      apiName: 'Social_Interaction__c',
      fields: {
        External_Id__c: 'x:local-1',
        Network__c: 'x',
        Direction__c: 'Outbound',
        Visibility__c: 'Private',
        Kind__c: 'Direct Message',
        Body__c: 'Thanks, we are on it.',
        Posted_At__c: '2026-11-20T10:00:00Z',
        Delivery_Status__c: 'Queued',
        Contact__c: contactId,
      },
    });
    expect(response.status).toBe(201);
    const record = asRecord(response);
    expect(record.apiName).toBe('Social_Interaction__c');
    expect(record.id).toMatch(/^[a-zA-Z0-9]{18}$/);
    expect(record.fields.Delivery_Status__c).toEqual({ value: 'Queued', displayValue: 'Queued' });
    expect(record.fields.Posted_At__c!.value).toBe('2026-11-20T10:00:00.000Z');
    expect(record.fields.Name!.value).toMatch(/^SI-\d{8}$/);
    expect(store.get(record.id)?.record.Body__c).toBe('Thanks, we are on it.');
  });

  it('maps validation failures to a RecordError with field errors', async () => {
    const response = await call('POST', BASE, {
      apiName: 'Social_Interaction__c',
      fields: {
        External_Id__c: 'x:2',
        Network__c: 'x',
        Direction__c: 'Sideways',
        Visibility__c: 'Public',
        Posted_At__c: '2026-11-20T10:00:00Z',
      },
    });
    expect(response.status).toBe(400);
    const body = asRecordError(response);
    expect(body.enhancedErrorType).toBe('RecordError');
    expect(body.output.fieldErrors.Direction__c![0]).toMatchObject({
      errorCode: 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
      field: 'Direction__c',
      fieldLabel: expect.any(String),
      message: expect.stringContaining('Sideways'),
    });
    const missing = await call('POST', BASE, { apiName: 'Social_Interaction__c', fields: { Network__c: 'x' } });
    expect(asRecordError(missing).output.fieldErrors).toHaveProperty('External_Id__c');
    expect(asRecordError(missing).output.fieldErrors.External_Id__c![0]!.errorCode).toBe('REQUIRED_FIELD_MISSING');
  });

  it('refuses an unknown object and a malformed body', async () => {
    const unknown = await call('POST', BASE, { apiName: 'Social_Post__c', fields: {} });
    expect(unknown).toEqual({
      status: 400,
      body: [{ errorCode: 'INVALID_TYPE', message: expect.stringContaining('Social_Post__c') }],
    });
    const broken = await call('POST', BASE, '{"apiName":');
    expect(asErrors(broken)[0]!.errorCode).toBe('JSON_PARSER_ERROR');
  });

  it('reads the fields asked for, through lookups, and skips unknown optional fields', async () => {
    const accountId = create(store, 'Account', { Name: 'Acme' });
    const contactId = create(store, 'Contact', { FirstName: 'Ana', LastName: 'Ruiz', AccountId: accountId });
    const id = create(store, 'Social_Identity__c', {
      External_Id__c: 'x:42',
      Network__c: 'x',
      Network_User_Id__c: '42',
      Contact__c: contactId,
      Link_Status__c: 'Linked',
    });
    const response = await call(
      'GET',
      `${BASE}/${id}?fields=Social_Identity__c.Link_Status__c,Social_Identity__c.Contact__r.Name,Social_Identity__c.Contact__r.Account.Name&optionalFields=Social_Identity__c.Nope__c`,
    );
    expect(response.status).toBe(200);
    const record = asRecord(response);
    expect(Object.keys(record.fields).sort()).toEqual(['Contact__r', 'Link_Status__c']);
    expect(record.fields.Link_Status__c).toEqual({ value: 'Linked', displayValue: 'Linked' });
    expect(record.fields.Contact__r!.displayValue).toBe('Ana Ruiz');
    const contact = record.fields.Contact__r!.value as Nested;
    expect(contact.fields.Name!.value).toBe('Ana Ruiz');
    expect((contact.fields.Account!.value as Nested).fields.Name!.value).toBe('Acme');
    const bad = await call('GET', `${BASE}/${id}?fields=Social_Identity__c.Nope__c`);
    expect(bad.status).toBe(400);
    expect(asErrors(bad)[0]!).toMatchObject({
      errorCode: 'INVALID_FIELD',
      message: expect.stringContaining('Social_Identity__c.Nope__c'),
    });
  });

  it('updates through the store, reporting the same errors as create', async () => {
    const id = create(store, 'Social_Interaction__c', {
      External_Id__c: 'x:9',
      Network__c: 'x',
      Direction__c: 'Inbound',
      Visibility__c: 'Public',
      Posted_At__c: '2026-11-20T10:00:00Z',
    });
    const response = await call('PATCH', `${BASE}/${id}`, {
      fields: { Status__c: 'Responded', Status_Reason__c: 'Answered in DM' },
    });
    expect(response.status).toBe(200);
    expect(asRecord(response).fields.Status__c).toEqual({ value: 'Responded', displayValue: 'Responded' });
    expect(store.get(id)?.record.Status_Reason__c).toBe('Answered in DM');
    const invalid = await call('PATCH', `${BASE}/${id}`, { fields: { Status__c: 'Done' } });
    expect(invalid.status).toBe(400);
    expect(asRecordError(invalid).output.fieldErrors.Status__c![0]!.errorCode).toBe(
      'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
    );
    const readOnly = await call('PATCH', `${BASE}/${id}`, { fields: { Name: 'SI-1' } });
    expect(asRecordError(readOnly).output.fieldErrors.Name![0]!.errorCode).toBe('INVALID_FIELD_FOR_INSERT_UPDATE');
    expect(store.get(id)?.record.Status__c).toBe('Responded');
  });

  it('deletes, then answers NOT_FOUND', async () => {
    const id = create(store, 'Contact', { LastName: 'Gone' });
    expect((await call('DELETE', `${BASE}/${id}`)).status).toBe(204);
    const after = await call('GET', `${BASE}/${id}`);
    expect(after.status).toBe(404);
    expect(asErrors(after)[0]!.errorCode).toBe('NOT_FOUND');
    expect((await call('PATCH', `${BASE}/${id}`, { fields: { LastName: 'Back' } })).status).toBe(404);
  });
});

describe('GraphQL route', () => {
  it('answers HTTP 200 with data and an empty errors list', async () => {
    create(store, 'Contact', { LastName: 'Ruiz' });
    const response = await call('POST', '/services/data/v62.0/graphql', {
      query: '{ uiapi { query { Contact { edges { node { Name { value } } } } } } }',
    });
    expect(response).toEqual({
      status: 200,
      body: { data: { uiapi: { query: { Contact: { edges: [{ node: { Name: { value: 'Ruiz' } } }] } } } }, errors: [] },
    });
  });
});
