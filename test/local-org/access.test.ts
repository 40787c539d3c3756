// Users, object CRUD and field-level security in the local org, over real HTTP with jsforce and the
// UI API as lightning adapters call it: the rep (only Social_Bridge_Rep, on a minimum-access profile),
// the viewer (no Social Bridge permission set) and the admin, each with their own token.
// Salesforce's behaviour this checks against:
// - REST API Developer Guide, "Status Codes and Error Responses"
//   (https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/errorcodes.htm) and the
//   SOAP API StatusCode values INVALID_TYPE, INVALID_FIELD, INVALID_FIELD_FOR_INSERT_UPDATE,
//   INSUFFICIENT_ACCESS_OR_READONLY;
// - the field-level security write message real orgs answer ("Unable to create/update fields: X.
//   Please check the security settings of this field and verify that it is read/write for your
//   profile or permission set.");
// - UI API "Object Info" response body (createable/updateable/deletable/queryable, fields map)
//   https://developer.salesforce.com/docs/atlas.en-us.uiapi.meta/uiapi/ui_api_responses_object_info.htm;
// - lightning/uiRecordApi updateRecord clientOptions.ifUnmodifiedSince
//   https://developer.salesforce.com/docs/platform/lwc/guide/reference-update-record.html and REST
//   conditional requests (412 Precondition Failed)
//   https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api/intro_rest_conditional_requests.htm.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Connection } from 'jsforce';
import { startLocalOrg, type LocalOrg } from '../../local-org/src/main.js';
import { API_VERSION, errorCodeOf } from './localOrgSession.js';

const V = `/services/data/v${API_VERSION}`;
// Answers are read by path in expectations; their shapes are what the test checks.
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function tokenOf(org: LocalOrg, key: string): string {
  const user = org.users.find((candidate) => candidate.key === key);
  if (!user) throw new Error(`the local org has no user ${key}`);
  return user.accessToken;
}

function connectionAs(org: LocalOrg, key: string): Connection {
  return new Connection({ instanceUrl: org.url, accessToken: tokenOf(org, key), version: API_VERSION });
}

async function callAs(
  org: LocalOrg,
  key: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: Json }> {
  const response = await fetch(`${org.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${tokenOf(org, key)}`, 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

function inboundInteraction(org: LocalOrg): { Id: string; LastModifiedDate: string } {
  const record = org.store.list('Social_Interaction__c').find((row) => row.Direction__c === 'Inbound');
  return record as unknown as { Id: string; LastModifiedDate: string };
}

const users = (org: LocalOrg): Record<string, string> =>
  Object.fromEntries(org.users.map((user) => [user.key, user.id]));

const isoOf = (stamp: string): string => new Date(Date.parse(stamp.replace(/\+0000$/, 'Z'))).toISOString();

describe('users and sessions', () => {
  let org: LocalOrg;
  beforeAll(async () => {
    org = await startLocalOrg({ seed: 3 });
  });
  afterAll(async () => {
    await org.stop();
  });

  it('gives each user a token, and userinfo says whose it is', async () => {
    expect(org.users.map((user) => user.key)).toEqual(['admin', 'rep', 'viewer']);
    expect(tokenOf(org, 'admin')).toBe(org.accessToken);
    for (const user of org.users) {
      expect(user.accessToken).toMatch(/^00D\w{12}!/);
      const info = await callAs(org, user.key, 'GET', '/services/oauth2/userinfo');
      expect(info.body).toMatchObject({ user_id: user.id, preferred_username: user.username });
    }
    const stranger = await fetch(`${org.url}/services/oauth2/userinfo`, {
      headers: { authorization: `Bearer ${tokenOf(org, 'rep')}x` },
    });
    expect(stranger.status).toBe(401);
  });

  it('lets the rep query the Social Bridge objects and the viewer only the CRM records', async () => {
    const rep = connectionAs(org, 'rep');
    const viewer = connectionAs(org, 'viewer');
    const reps = await rep.query('SELECT Id, Status__c, Contact__r.Name FROM Social_Interaction__c LIMIT 2');
    expect(reps.records).toHaveLength(2);
    expect(await errorCodeOf(viewer.query('SELECT Id FROM Social_Interaction__c'))).toBe('INVALID_TYPE');
    expect(await errorCodeOf(viewer.query('SELECT Id FROM Social_Identity__c'))).toBe('INVALID_TYPE');
    expect((await viewer.query('SELECT Id, Name FROM Contact LIMIT 1')).records).toHaveLength(1);
  });

  it('answers GraphQL for the viewer as if the Social Bridge objects did not exist', async () => {
    const answer = await callAs(org, 'viewer', 'POST', `${V}/graphql`, {
      query: '{ uiapi { query { Social_Interaction__c { edges { node { Id } } } } } }',
    });
    expect(answer.status).toBe(200);
    expect(answer.body.data).toBeNull();
    expect(answer.body.errors[0].message).toMatch(/Field 'Social_Interaction__c' in type 'RecordQuery' is undefined/);
  });

  it('refuses writes the rep is not granted, with the platform codes, and keeps the record unchanged', async () => {
    const rep = connectionAs(org, 'rep');
    const interaction = inboundInteraction(org);
    const before = { ...org.store.get(interaction.Id)!.record };

    const readOnlyField = await callAs(org, 'rep', 'PATCH', `${V}/ui-api/records/${interaction.Id}`, {
      fields: { Sentiment__c: 'Positive' },
    });
    expect(readOnlyField.status).toBe(400);
    expect(readOnlyField.body.output.fieldErrors.Sentiment__c[0]).toMatchObject({
      errorCode: 'INVALID_FIELD_FOR_INSERT_UPDATE',
      message: expect.stringMatching(/^Unable to create\/update fields: Sentiment__c\. Please check the security/),
    });
    expect(await errorCodeOf(rep.sobject('Contact').create({ LastName: 'Nope' }))).toBe(
      'INSUFFICIENT_ACCESS_OR_READONLY',
    );
    expect(await errorCodeOf(rep.sobject('Social_Interaction__c').destroy(interaction.Id))).toBe(
      'INSUFFICIENT_ACCESS_OR_READONLY',
    );
    expect(org.store.get(interaction.Id)!.record).toEqual(before);
  });

  // SOAP API Developer Guide, "System Fields": CreatedById and LastModifiedById are the user who made
  // the change; OwnerId defaults to the creating user. A rep's saved defaults are a record the rep owns.
  it('stamps each write with the user who made it: created by and owned by the rep, then changed by the admin', async () => {
    const rep = users(org);
    const created = await callAs(org, 'rep', 'POST', `${V}/ui-api/records`, {
      apiName: 'Social_Rep_Preference__c',
      fields: { Page__c: 'Contact', Preference_Key__c: `${rep.rep}:Contact`, Timeline_Filter__c: '{}' },
    });
    expect(created.status).toBe(201);
    const id = String(created.body.id);
    expect(org.store.get(id)!.record).toMatchObject({
      CreatedById: rep.rep,
      LastModifiedById: rep.rep,
      OwnerId: rep.rep,
    });

    const changed = await connectionAs(org, 'admin').sobject('Social_Rep_Preference__c').update({
      Id: id,
      Timeline_Filter__c: '{"direction":"Inbound"}',
    });
    expect(changed).toMatchObject({ success: true });
    expect(org.store.get(id)!.record).toMatchObject({
      CreatedById: rep.rep,
      LastModifiedById: rep.admin,
      OwnerId: rep.rep,
    });
  });

  it('applies the same checks inside Collections, Composite and Bulk API 2.0', async () => {
    const rep = connectionAs(org, 'rep');
    const interaction = inboundInteraction(org);
    const collection = await callAs(org, 'rep', 'PATCH', `${V}/composite/sobjects`, {
      allOrNone: false,
      records: [
        { attributes: { type: 'Social_Interaction__c' }, id: interaction.Id, Status__c: 'Needs_Response' },
        { attributes: { type: 'Social_Interaction__c' }, id: interaction.Id, Intent__c: 'Complaint' },
      ],
    });
    expect(collection.body[0]).toMatchObject({ success: true });
    expect(collection.body[1]).toMatchObject({
      success: false,
      errors: [{ statusCode: 'INVALID_FIELD_FOR_INSERT_UPDATE', fields: ['Intent__c'] }],
    });

    const composite = await callAs(org, 'rep', 'POST', `${V}/composite`, {
      allOrNone: false,
      compositeRequest: [
        { method: 'POST', url: `${V}/sobjects/Account`, referenceId: 'account', body: { Name: 'Rep Co' } },
        { method: 'GET', url: `${V}/sobjects/Social_Interaction__c/${interaction.Id}`, referenceId: 'read' },
      ],
    });
    expect(composite.body.compositeResponse[0]).toMatchObject({
      httpStatusCode: 400,
      body: [{ errorCode: 'INSUFFICIENT_ACCESS_OR_READONLY' }],
    });
    expect(composite.body.compositeResponse[1]).toMatchObject({ httpStatusCode: 200 });

    rep.bulk2.pollInterval = 50;
    rep.bulk2.pollTimeout = 60_000;
    const results = await rep.bulk2.loadAndWaitForResults({
      object: 'Social_Interaction__c',
      operation: 'update',
      input: `Id,Status__c,Sentiment__c\n${interaction.Id},Closed,Negative\n`,
    });
    expect(results.successfulResults).toHaveLength(0);
    expect(String(results.failedResults[0]?.sf__Error)).toMatch(/^INVALID_FIELD_FOR_INSERT_UPDATE:/);
    const viewer = connectionAs(org, 'viewer');
    expect(await errorCodeOf(viewer.bulk2.query('SELECT Id FROM Social_Identity__c'))).toBe('INVALID_TYPE');
  });

  it('serves object info for the signed-in user', async () => {
    const interaction = await callAs(org, 'rep', 'GET', `${V}/ui-api/object-info/Social_Interaction__c`);
    expect(interaction.status).toBe(200);
    expect(interaction.body).toMatchObject({
      apiName: 'Social_Interaction__c',
      createable: true,
      updateable: true,
      deletable: false,
      queryable: true,
    });
    expect(interaction.body.fields.Status__c).toMatchObject({ createable: true, updateable: true });
    expect(interaction.body.fields.Sentiment__c).toMatchObject({ createable: false, updateable: false });
    const contact = await callAs(org, 'rep', 'GET', `${V}/ui-api/object-info/Contact`);
    expect(contact.body).toMatchObject({ createable: false, updateable: false, queryable: true });
    const batch = await callAs(org, 'viewer', 'GET', `${V}/ui-api/object-info/batch/Contact,Social_Interaction__c`);
    expect(batch.body.results.map((result: { statusCode: number }) => result.statusCode)).toEqual([200, 404]);
    // describe says the same (jsforce's describe, what sf and SDR read).
    const described = await connectionAs(org, 'rep').describe('Contact');
    expect(described).toMatchObject({ createable: false, updateable: false, queryable: true });
    const admin = await callAs(org, 'admin', 'GET', `${V}/ui-api/object-info/Social_Interaction__c`);
    expect(admin.body).toMatchObject({ createable: true, deletable: true });
    expect(admin.body.fields.Sentiment__c).toMatchObject({ updateable: true });
  });

  it('writes a status change with ifUnmodifiedSince once, and answers the stale second one 412', async () => {
    const interaction = inboundInteraction(org);
    const seen = isoOf(org.store.get(interaction.Id)!.record.LastModifiedDate as string);
    const first = await callAs(
      org,
      'rep',
      'PATCH',
      `${V}/ui-api/records/${interaction.Id}`,
      { fields: { Status__c: 'Closed', Status_Reason__c: 'first rep' } },
      { 'If-Unmodified-Since': seen },
    );
    expect(first.status).toBe(200);
    expect(first.body.fields.Status_Reason__c.value).toBe('first rep');
    const second = await callAs(
      org,
      'admin',
      'PATCH',
      `${V}/ui-api/records/${interaction.Id}`,
      { fields: { Status__c: 'Closed', Status_Reason__c: 'second rep' } },
      { 'If-Unmodified-Since': seen },
    );
    expect(second.status).toBe(412);
    expect(second.body[0]).toMatchObject({ errorCode: 'PRECONDITION_FAILED' });
    expect(org.store.get(interaction.Id)!.record.Status_Reason__c).toBe('first rep');
  });
});

describe('field-level security on reads', () => {
  // A copy of force-app whose rep permission set no longer grants Sentiment__c: the rep must then
  // not see the field anywhere, as in an org where an admin removed it.
  let org: LocalOrg;
  let forceAppDir: string;
  beforeAll(async () => {
    const root = mkdtempSync(join(tmpdir(), 'access-force-app-'));
    forceAppDir = join(root, 'force-app');
    cpSync(fileURLToPath(new URL('../../force-app', import.meta.url)), forceAppDir, { recursive: true });
    const file = join(forceAppDir, 'main/default/permissionsets/Social_Bridge_Rep.permissionset-meta.xml');
    const xml = readFileSync(file, 'utf8');
    const trimmed = xml.replace(
      /\s*<fieldPermissions>\s*<editable>\w+<\/editable>\s*<field>Social_Interaction__c\.Sentiment__c<\/field>\s*<readable>\w+<\/readable>\s*<\/fieldPermissions>/,
      '',
    );
    expect(trimmed).not.toBe(xml);
    writeFileSync(file, trimmed);
    org = await startLocalOrg({ seed: 3, forceAppDir });
  });
  afterAll(async () => {
    await org.stop();
    rmSync(join(forceAppDir, '..'), { recursive: true, force: true });
  });

  it('hides the field from SOQL, REST rows, GraphQL and object info', async () => {
    const rep = connectionAs(org, 'rep');
    const id = inboundInteraction(org).Id;
    const soql = await errorCodeOf(rep.query('SELECT Id, Sentiment__c FROM Social_Interaction__c'));
    expect(soql).toBe('INVALID_FIELD');
    const row = await callAs(org, 'rep', 'GET', `${V}/sobjects/Social_Interaction__c/${id}`);
    expect(row.body).toHaveProperty('Status__c');
    expect(row.body).not.toHaveProperty('Sentiment__c');
    const graphql = await callAs(org, 'rep', 'POST', `${V}/graphql`, {
      query: '{ uiapi { query { Social_Interaction__c(first: 1) { edges { node { Sentiment__c { value } } } } } } }',
    });
    expect(graphql.body.errors[0].message).toMatch(/Sentiment__c/);
    const info = await callAs(org, 'rep', 'GET', `${V}/ui-api/object-info/Social_Interaction__c`);
    expect(info.body.fields).not.toHaveProperty('Sentiment__c');
    const write = await callAs(org, 'rep', 'PATCH', `${V}/ui-api/records/${id}`, {
      fields: { Sentiment__c: 'Positive' },
    });
    expect(write.body.output.fieldErrors.Sentiment__c[0]).toMatchObject({ errorCode: 'INVALID_FIELD' });
    // The admin still sees it.
    const admin = connectionAs(org, 'admin');
    expect((await admin.query('SELECT Id, Sentiment__c FROM Social_Interaction__c LIMIT 1')).records).toHaveLength(1);
  });
});
