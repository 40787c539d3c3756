// The REST surface against jsforce over real HTTP: CRUD, Salesforce's validation error codes,
// query paging, Collections (allOrNone), upsert idempotence, Composite, limits and auth.

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { API_VERSION, call, errorCodeOf, startSession, type Session } from './localOrgSession.js';

let session: Session;
const base = `/services/data/v${API_VERSION}`;

beforeAll(async () => {
  session = await startSession({ now: () => new Date('2026-11-20T12:00:00.000Z') });
});

afterAll(async () => {
  await session.org.stop();
});

describe('sObject rows', () => {
  it('creates, reads, updates and deletes a contact', async () => {
    const { conn, org } = session;
    const created = await conn
      .sobject('Contact')
      .create({ FirstName: 'Rita', LastName: 'Moreno', Email: 'rita@example.com' });
    expect(created.success).toBe(true);
    const id = created.id!;
    expect(id).toMatch(/^003[a-zA-Z0-9]{15}$/);
    const read = (await conn.sobject('Contact').retrieve(id)) as Record<string, unknown>;
    expect(read).toMatchObject({
      Name: 'Rita Moreno',
      Email: 'rita@example.com',
      OwnerId: org.ctx.userId,
      IsDeleted: false,
    });
    await conn.sobject('Contact').update({ Id: id, Title: 'Buyer' });
    expect(org.store.get(id)?.record.Title).toBe('Buyer');
    const partial = await call(org, 'GET', `${base}/sobjects/Contact/${id.slice(0, 15)}?fields=Title,Email`);
    expect(partial.body).toEqual({
      attributes: { type: 'Contact', url: `${base}/sobjects/Contact/${id}` },
      Title: 'Buyer',
      Email: 'rita@example.com',
      Id: id,
    });
    await conn.sobject('Contact').destroy(id);
    expect(org.store.get(id)).toBeUndefined();
    const again = await call(org, 'GET', `${base}/sobjects/Contact/${id}`);
    expect(again.status).toBe(404);
    expect(again.body).toEqual([{ errorCode: 'ENTITY_IS_DELETED', message: 'entity is deleted' }]);
    expect((await call(org, 'GET', `${base}/sobjects/Contact/003000000000000AAA`)).status).toBe(404);
  });

  it.each([
    ['an unknown field', 'Contact', { LastName: 'X', Nickname__c: 'x' }, 'INVALID_FIELD'],
    ['a read-only field', 'Contact', { LastName: 'X', Name: 'X' }, 'INVALID_FIELD_FOR_INSERT_UPDATE'],
    ['a missing required field', 'Contact', { FirstName: 'X' }, 'REQUIRED_FIELD_MISSING'],
    [
      'text over its length',
      'Social_Identity__c',
      { Name: 'n', External_Id__c: 'x:long', Network__c: 'x', Network_User_Id__c: 'long', Handle__c: 'h'.repeat(256) },
      'STRING_TOO_LONG',
    ],
    [
      'a value outside a restricted picklist',
      'Social_Identity__c',
      { Name: 'n', External_Id__c: 'x:pick', Network__c: 'x', Network_User_Id__c: 'p', Link_Status__c: 'Maybe' },
      'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
    ],
    [
      'a malformed lookup id',
      'Social_Identity__c',
      { Name: 'n', External_Id__c: 'x:bad', Network__c: 'x', Network_User_Id__c: 'b', Contact__c: 'not-an-id' },
      'MALFORMED_ID',
    ],
    [
      'a lookup to a record that does not exist',
      'Social_Identity__c',
      {
        Name: 'n',
        External_Id__c: 'x:gone',
        Network__c: 'x',
        Network_User_Id__c: 'g',
        Contact__c: '0038d00000zzzzzAAA',
      },
      'INVALID_CROSS_REFERENCE_KEY',
    ],
    [
      'text in a number field',
      'Social_Identity__c',
      { Name: 'n', External_Id__c: 'x:num', Network__c: 'x', Network_User_Id__c: 'n', Followers__c: 'many' },
      'INVALID_TYPE_ON_FIELD_IN_RECORD',
    ],
    [
      'a duplicate case-insensitive external id',
      'Social_Channel__c',
      { Name: 'X again', Network_Key__c: 'X' },
      'DUPLICATE_VALUE',
    ],
  ])('rejects %s (%s) with %s', async (_what, objectName, fields, code) => {
    const before = session.org.store.list(objectName).length;
    const response = await call(session.org, 'POST', `${base}/sobjects/${objectName}`, fields);
    expect(response.status).toBe(400);
    expect((response.body as Array<{ errorCode: string }>)[0]?.errorCode).toBe(code);
    expect(session.org.store.list(objectName)).toHaveLength(before);
  });

  it('treats case-sensitive external ids as different values', async () => {
    const { conn } = session;
    const fields = { Name: '@yt', Network__c: 'youtube', Network_User_Id__c: 'UCabc' };
    const upper = await conn.sobject('Social_Identity__c').create({ ...fields, External_Id__c: 'youtube:UCabc' });
    const lower = await conn.sobject('Social_Identity__c').create({ ...fields, External_Id__c: 'youtube:ucabc' });
    expect([upper.success, lower.success]).toEqual([true, true]);
    expect(
      await errorCodeOf(conn.sobject('Social_Identity__c').create({ ...fields, External_Id__c: 'youtube:UCabc' })),
    ).toBe('DUPLICATE_VALUE');
  });

  it('fills auto numbers, defaults and audit fields', async () => {
    const { conn, org } = session;
    const identity = org.store.list('Social_Identity__c')[0]!;
    const created = await conn.sobject('Social_Interaction__c').create({
      External_Id__c: 'x:auto-1',
      Network__c: 'x',
      Direction__c: 'Inbound',
      Visibility__c: 'Public',
      Posted_At__c: '2026-11-20T10:00:00Z',
      Identity__c: identity.Id,
    });
    const record = org.store.get(created.id!)!.record;
    expect(record.Name).toMatch(/^SI-\d{8}$/);
    expect(record.Status__c).toBe('New');
    expect(record.Posted_At__c).toBe('2026-11-20T10:00:00.000+0000');
    expect(record.CreatedDate).toBe('2026-11-20T12:00:00.000+0000');
    expect(record.Contains_Personal_Data__c).toBe(false);
  });
});

describe('queries', () => {
  it('filters, sorts and follows parent relationships', async () => {
    const result = await session.conn.query<Record<string, unknown>>(
      "SELECT Name, Email, Account.Name FROM Contact WHERE Account.Name = 'Northwind Outfitters' AND (Email LIKE '%@example.com' OR Title != null) ORDER BY LastName DESC NULLS LAST LIMIT 2",
    );
    expect(result.totalSize).toBe(2);
    expect(result.records.map((record) => (record.Account as { Name: string }).Name)).toEqual([
      'Northwind Outfitters',
      'Northwind Outfitters',
    ]);
    const lastNames = result.records.map((record) => String(record.Name).split(' ').at(-1));
    expect([...lastNames].sort().reverse()).toEqual(lastNames);
  });

  it('pages through nextRecordsUrl in batches of 2,000, or the batch size asked for', async () => {
    const { conn, org } = session;
    const total = org.store.list('Social_Interaction__c').length;
    expect(total).toBeGreaterThan(2000);
    const first = await call(
      org,
      'GET',
      `${base}/query?q=${encodeURIComponent('SELECT Id FROM Social_Interaction__c')}`,
    );
    const page = first.body as { totalSize: number; done: boolean; records: unknown[]; nextRecordsUrl: string };
    expect(page).toMatchObject({ totalSize: total, done: false });
    expect(page.records).toHaveLength(2000);
    expect(page.nextRecordsUrl).toMatch(new RegExp(`^${base}/query/01g\\w+-2000$`));
    const all = await conn.query('SELECT Id, Name FROM Social_Interaction__c', { autoFetch: true, maxFetch: 100_000 });
    expect(all.records).toHaveLength(total);
    expect(new Set(all.records.map((record) => record.Id)).size).toBe(total);
    const small = await call(
      org,
      'GET',
      `${base}/query?q=${encodeURIComponent('SELECT Id FROM Social_Interaction__c')}`,
      undefined,
      { 'Sforce-Query-Options': 'batchSize=500' },
    );
    expect((small.body as { records: unknown[] }).records).toHaveLength(500);
  });

  it('counts with COUNT() and COUNT(Id), and includes deleted rows only in queryAll', async () => {
    const { conn } = session;
    const channels = await conn.query('SELECT COUNT() FROM Social_Channel__c');
    expect(channels.totalSize).toBe(7);
    const aggregate = await conn.query<{ total: number }>(
      "SELECT COUNT(Id) total FROM Social_Channel__c WHERE Network_Key__c IN ('x', 'reddit')",
    );
    expect(aggregate.records[0]?.total).toBe(2);
    const created = await conn.sobject('Lead').create({ LastName: 'Gone', Company: 'Nowhere' });
    await conn.sobject('Lead').destroy(created.id!);
    const live = await conn.query(`SELECT Id FROM Lead WHERE Id = '${created.id}'`);
    const withDeleted = await conn.query(`SELECT Id, IsDeleted FROM Lead WHERE Id = '${created.id}'`, {
      scanAll: true,
    });
    expect(live.totalSize).toBe(0);
    expect(withDeleted.records).toEqual([expect.objectContaining({ Id: created.id, IsDeleted: true })]);
  });

  it('answers columnMetadata for &columns=true as sf data query needs', async () => {
    const response = await call(
      session.org,
      'GET',
      `${base}/query?q=${encodeURIComponent('SELECT Name, Account.Name FROM Contact')}&columns=true`,
    );
    const body = response.body as {
      columnMetadata: Array<{ columnName: string; joinColumns: Array<{ columnName: string }> }>;
      entityName: string;
    };
    expect(body.entityName).toBe('Contact');
    expect(body.columnMetadata.map((column) => column.columnName)).toEqual(['Name', 'Account']);
    expect(body.columnMetadata[1]?.joinColumns.map((column) => column.columnName)).toEqual(['Name']);
  });

  it.each([
    ['SELECT Id FROM Contact GROUP BY Name', 'MALFORMED_QUERY'],
    ['SELECT Id, (SELECT Id FROM Cases) FROM Contact', 'MALFORMED_QUERY'],
    ['SELECT Nope__c FROM Contact', 'INVALID_FIELD'],
    ['SELECT Id FROM Nope__c', 'INVALID_TYPE'],
    ['SELECT Id FROM Contact WHERE', 'MALFORMED_QUERY'],
    ["SELECT Id FROM Social_Interaction__c WHERE Body__c = 'x'", 'INVALID_FIELD'],
  ])('refuses %s with %s instead of guessing', async (soql, code) => {
    expect(await errorCodeOf(session.conn.query(soql))).toBe(code);
  });
});

describe('sObject Collections', () => {
  it('rolls every record back when allOrNone and one fails, in request order', async () => {
    const { conn, org } = session;
    const before = org.store.list('Contact').length;
    const results = await conn
      .sobject('Contact')
      .create([{ LastName: 'One' }, { FirstName: 'No last name' }, { LastName: 'Three' }], { allOrNone: true });
    expect(results.map((result) => result.success)).toEqual([false, false, false]);
    const errors = results.map((result) =>
      result.success
        ? ''
        : ((result.errors[0] as { statusCode?: string; errorCode?: string }).statusCode ??
          (result.errors[0] as { errorCode?: string }).errorCode),
    );
    expect(errors).toEqual([
      'ALL_OR_NONE_OPERATION_ROLLED_BACK',
      'REQUIRED_FIELD_MISSING',
      'ALL_OR_NONE_OPERATION_ROLLED_BACK',
    ]);
    expect(org.store.list('Contact')).toHaveLength(before);
    const partial = await conn
      .sobject('Contact')
      .create([{ LastName: 'One' }, { FirstName: 'No last name' }], { allOrNone: false });
    expect(partial.map((result) => result.success)).toEqual([true, false]);
    expect(org.store.list('Contact')).toHaveLength(before + 1);
  });

  it('upserts by external id idempotently', async () => {
    const { conn, org } = session;
    const records = [1, 2, 3].map((n) => ({
      External_Id__c: `reddit:t2_upsert${n}`,
      Name: `u/upsert${n} (reddit)`,
      Network__c: 'reddit',
      Network_User_Id__c: `t2_upsert${n}`,
      Followers__c: n,
    }));
    const before = org.store.list('Social_Identity__c').length;
    const first = await conn.sobject('Social_Identity__c').upsert(records, 'External_Id__c');
    const second = await conn.sobject('Social_Identity__c').upsert(
      records.map((record) => ({ ...record, Followers__c: 10 })),
      'External_Id__c',
    );
    expect(first.map((result) => [result.success, result.created])).toEqual([
      [true, true],
      [true, true],
      [true, true],
    ]);
    expect(second.map((result) => [result.success, result.created])).toEqual([
      [true, false],
      [true, false],
      [true, false],
    ]);
    expect(second.map((result) => result.id)).toEqual(first.map((result) => result.id));
    expect(org.store.list('Social_Identity__c')).toHaveLength(before + 3);
    expect(org.store.get(first[0]!.id!)?.record.Followers__c).toBe(10);
  });

  it('rejects more than 200 records and duplicate keys within one upsert', async () => {
    const tooMany = Array.from({ length: 201 }, (_, index) => ({
      attributes: { type: 'Contact' },
      LastName: `Bulk ${index}`,
    }));
    const response = await call(session.org, 'POST', `${base}/composite/sobjects`, {
      allOrNone: false,
      records: tooMany,
    });
    expect(response.status).toBe(400);
    expect((response.body as Array<{ errorCode: string }>)[0]?.errorCode).toBe('EXCEEDED_ID_LIMIT');
    const duplicate = await call(session.org, 'PATCH', `${base}/composite/sobjects/Social_Channel__c/Network_Key__c`, {
      records: [
        { attributes: { type: 'Social_Channel__c' }, Network_Key__c: 'tiktok', Name: 'TikTok' },
        { attributes: { type: 'Social_Channel__c' }, Network_Key__c: 'TikTok', Name: 'TikTok' },
      ],
    });
    expect(
      (duplicate.body as Array<{ errors: Array<{ statusCode: string }> }>).map(
        (result) => result.errors[0]?.statusCode,
      ),
    ).toEqual(['DUPLICATE_EXTERNAL_ID', 'DUPLICATE_EXTERNAL_ID']);
  });
});

describe('upsert, composite, limits and auth', () => {
  it('answers a single-record upsert 201 when created and 200 when updated', async () => {
    const path = `${base}/sobjects/Social_Channel__c/Network_Key__c/mastodon`;
    const created = await call(session.org, 'PATCH', path, { Name: 'Mastodon', Public_Reply_Limit__c: 500 });
    const updated = await call(session.org, 'PATCH', path, { Public_Reply_Limit__c: 500 });
    expect([created.status, updated.status]).toEqual([201, 200]);
    expect(created.body).toMatchObject({ success: true, created: true });
    expect(updated.body).toMatchObject({ success: true, created: false, id: (created.body as { id: string }).id });
    const old = await call(
      session.org,
      'PATCH',
      `/services/data/v45.0/sobjects/Social_Channel__c/Network_Key__c/mastodon`,
      { Public_Reply_Limit__c: 400 },
    );
    expect(old.status).toBe(204);
  });

  it('answers 300 with the candidates when an external id matches several records', async () => {
    const { org } = session;
    const identity = org.store.list('Social_Identity__c')[0]!;
    for (const post of ['dup-a', 'dup-b']) {
      const fields = {
        External_Id__c: `x:${post}`,
        Thread_Key__c: 'x:shared-thread',
        Network__c: 'x',
        Direction__c: 'Inbound',
        Visibility__c: 'Public',
        Posted_At__c: '2026-11-20T10:00:00Z',
        Identity__c: identity.Id,
      };
      expect((await call(org, 'POST', `${base}/sobjects/Social_Interaction__c`, fields)).status).toBe(201);
    }
    const response = await call(org, 'PATCH', `${base}/sobjects/Social_Interaction__c/Thread_Key__c/x:shared-thread`, {
      Status__c: 'Closed',
    });
    expect(response.status).toBe(300);
    expect(response.body).toHaveLength(2);
    expect((response.body as string[])[0]).toMatch(new RegExp(`^${base}/sobjects/Social_Interaction__c/a`));
  });

  it('deletes through Collections and clears lookups to the deleted record', async () => {
    const { org, conn } = session;
    const contact = await conn.sobject('Contact').create({ LastName: 'Leaving' });
    const identity = await conn.sobject('Social_Identity__c').create({
      Name: '@leaving (x)',
      External_Id__c: 'x:leaving',
      Network__c: 'x',
      Network_User_Id__c: 'leaving',
      Contact__c: contact.id,
      Link_Status__c: 'Linked',
    });
    const response = await call(
      org,
      'DELETE',
      `${base}/composite/sobjects?ids=${contact.id},003000000000000AAA&allOrNone=false`,
    );
    const results = response.body as Array<{ id: string; success: boolean; errors: Array<{ statusCode: string }> }>;
    expect(results.map((result) => [result.id, result.success])).toEqual([
      [contact.id, true],
      ['003000000000000AAA', false],
    ]);
    expect(org.store.get(identity.id!)?.record.Contact__c).toBeNull();
  });

  it('runs composite subrequests with references and rolls back on allOrNone', async () => {
    const { org } = session;
    const ok = await call(org, 'POST', `${base}/composite`, {
      allOrNone: true,
      compositeRequest: [
        { method: 'POST', url: `${base}/sobjects/Account`, referenceId: 'acct', body: { Name: 'Composite Co' } },
        {
          method: 'POST',
          url: `${base}/sobjects/Contact`,
          referenceId: 'person',
          body: { LastName: 'Comp', AccountId: '@{acct.id}' },
        },
        { method: 'GET', url: `${base}/sobjects/Contact/@{person.id}?fields=AccountId`, referenceId: 'check' },
      ],
    });
    const responses = (
      ok.body as { compositeResponse: Array<{ httpStatusCode: number; body: { id?: string; AccountId?: string } }> }
    ).compositeResponse;
    expect(responses.map((response) => response.httpStatusCode)).toEqual([201, 201, 200]);
    expect(responses[2]?.body.AccountId).toBe(responses[0]?.body.id);
    const accounts = org.store.list('Account').length;
    const failed = await call(org, 'POST', `${base}/composite`, {
      allOrNone: true,
      compositeRequest: [
        { method: 'POST', url: `${base}/sobjects/Account`, referenceId: 'acct', body: { Name: 'Rolled Back Co' } },
        { method: 'POST', url: `${base}/sobjects/Contact`, referenceId: 'person', body: { AccountId: '@{acct.id}' } },
      ],
    });
    const codes = (
      failed.body as { compositeResponse: Array<{ body: Array<{ errorCode: string }> }> }
    ).compositeResponse.map((response) => response.body[0]?.errorCode);
    expect(codes).toEqual(['PROCESSING_HALTED', 'REQUIRED_FIELD_MISSING']);
    expect(org.store.list('Account')).toHaveLength(accounts);
  });

  it('runs queries and next pages inside composite, at most 5 query operations, as one API call', async () => {
    const { org } = session;
    const query = (soql: string): string => `${base}/query?q=${encodeURIComponent(soql)}`;
    const before = org.ctx.apiCalls.used;
    const response = await call(org, 'POST', `${base}/composite`, {
      allOrNone: false,
      compositeRequest: [
        { method: 'GET', url: query('SELECT Id FROM Social_Interaction__c'), referenceId: 'all' },
        { method: 'GET', url: query("SELECT Id FROM Contact WHERE LastName = 'No\\'body Here'"), referenceId: 'none' },
        { method: 'GET', url: query('SELECT Id FROM Nope__c'), referenceId: 'bad' },
      ],
    });
    expect(org.ctx.apiCalls.used).toBe(before + 1);
    const [all, none, bad] = (
      response.body as {
        compositeResponse: Array<{
          httpStatusCode: number;
          body: { done?: boolean; records?: unknown[]; nextRecordsUrl?: string } & Array<{ errorCode: string }>;
        }>;
      }
    ).compositeResponse;
    expect(all?.httpStatusCode).toBe(200);
    expect(all?.body.records).toHaveLength(2000);
    expect(all?.body.done).toBe(false);
    expect(none?.body).toMatchObject({ done: true, totalSize: 0, records: [] });
    expect(bad?.httpStatusCode).toBe(400);
    expect(bad?.body[0]?.errorCode).toBe('INVALID_TYPE');

    const next = await call(org, 'POST', `${base}/composite`, {
      compositeRequest: [{ method: 'GET', url: all!.body.nextRecordsUrl, referenceId: 'page2' }],
    });
    const page2 = (next.body as { compositeResponse: Array<{ body: { records: unknown[] } }> }).compositeResponse[0];
    expect(page2?.body.records.length).toBeGreaterThan(0);

    const tooMany = await call(org, 'POST', `${base}/composite`, {
      compositeRequest: Array.from({ length: 6 }, (_, index) => ({
        method: 'GET',
        url: query('SELECT Id FROM Contact'),
        referenceId: `q${index}`,
      })),
    });
    // As a real org answers a composite over its limits: one failed subrequest, no referenceId, in a 200.
    expect(tooMany.status).toBe(200);
    expect((tooMany.body as { compositeResponse: unknown[] }).compositeResponse).toEqual([
      {
        body: [
          {
            errorCode: 'LIMIT_EXCEEDED',
            message: 'The request can’t contain more than 5 sObject Collections or query operations (got 6).',
          },
        ],
        httpHeaders: {},
        httpStatusCode: 400,
        referenceId: null,
      },
    ]);
  });

  it('counts API calls in Sforce-Limit-Info and /limits', async () => {
    const { org } = session;
    const before = org.ctx.apiCalls.used;
    const response = await call(org, 'GET', `${base}/limits`);
    expect(org.ctx.apiCalls.used).toBe(before + 1);
    expect(response.headers.get('sforce-limit-info')).toBe(`api-usage=${before + 1}/${org.ctx.apiCalls.max}`);
    expect((response.body as { DailyApiRequests: { Remaining: number } }).DailyApiRequests.Remaining).toBe(
      org.ctx.apiCalls.max - before - 1,
    );
  });

  it('refuses a wrong token with INVALID_SESSION_ID and collapses leading slashes', async () => {
    const wrong = await fetch(`${session.org.url}${base}/limits`, {
      headers: { authorization: 'Bearer 00D000000000001!nope' },
    });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toEqual([{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }]);
    const doubled = await call(session.org, 'GET', `/${base}/sobjects/Social_Channel__c/describe`);
    expect(doubled.status).toBe(200);
    const fields = (
      doubled.body as {
        fields: Array<{
          name: string;
          externalId: boolean;
          unique: boolean;
          caseSensitive: boolean;
          nillable: boolean;
        }>;
      }
    ).fields;
    expect(fields.find((field) => field.name === 'Network_Key__c')).toMatchObject({
      externalId: true,
      unique: true,
      caseSensitive: false,
      nillable: false,
    });
  });
});
