// Bulk API 2.0 against jsforce's bulk2 client over real HTTP: ingest with a failing row, upsert by
// external id, delete, job states, result files, and query jobs with locator paging.

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { API_VERSION, call, startSession, type Session } from './localOrgSession.js';

let session: Session;
const base = `/services/data/v${API_VERSION}/jobs`;

beforeAll(async () => {
  session = await startSession();
  session.conn.bulk2.pollInterval = 50;
  session.conn.bulk2.pollTimeout = 20_000;
});

afterAll(async () => {
  await session.org.stop();
});

describe('Bulk API 2.0 ingest', () => {
  it('inserts rows, reports the failing one with its error, and keeps the rest', async () => {
    const { conn, org } = session;
    const csv = [
      'External_Id__c,Name,Network__c,Network_User_Id__c,Link_Status__c,Followers__c',
      'x:bulk-1,@bulk1 (x),x,bulk-1,Unlinked,10',
      'x:bulk-2,@bulk2 (x),x,bulk-2,Sideways,20',
      'x:bulk-3,"@bulk3, with comma (x)",x,bulk-3,Linked,',
    ].join('\n');
    const results = await conn.bulk2.loadAndWaitForResults({
      object: 'Social_Identity__c',
      operation: 'insert',
      input: csv,
    });
    expect(
      results.successfulResults.map((row) => [row.sf__Created, (row as Record<string, unknown>).External_Id__c]),
    ).toEqual([
      ['true', 'x:bulk-1'],
      ['true', 'x:bulk-3'],
    ]);
    expect(results.failedResults).toHaveLength(1);
    expect(results.failedResults[0]).toMatchObject({ External_Id__c: 'x:bulk-2', sf__Id: '' });
    expect(String(results.failedResults[0]?.sf__Error)).toMatch(
      /^INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST:.*Sideways:Link_Status__c --$/,
    );
    const stored = org.store.findByExternalId('Social_Identity__c', 'External_Id__c', 'x:bulk-3')[0];
    expect(stored).toMatchObject({
      Name: '@bulk3, with comma (x)',
      Followers__c: null,
      Id: results.successfulResults[1]?.sf__Id,
    });
  });

  it('upserts by external id: created first, updated on the second run, and #N/A clears a field', async () => {
    const { conn, org } = session;
    const csv =
      'External_Id__c,Name,Network__c,Network_User_Id__c,Handle__c\r\nreddit:t2_bulkup,u/bulkup (reddit),reddit,t2_bulkup,bulkup\r\n';
    const first = await conn.bulk2.loadAndWaitForResults({
      object: 'Social_Identity__c',
      operation: 'upsert',
      externalIdFieldName: 'External_Id__c',
      lineEnding: 'CRLF',
      input: csv,
    });
    const second = await conn.bulk2.loadAndWaitForResults({
      object: 'Social_Identity__c',
      operation: 'upsert',
      externalIdFieldName: 'External_Id__c',
      input: 'External_Id__c,Handle__c\nreddit:t2_bulkup,#N/A\n',
    });
    expect(first.successfulResults[0]?.sf__Created).toBe('true');
    expect(second.successfulResults[0]).toMatchObject({
      sf__Created: 'false',
      sf__Id: first.successfulResults[0]?.sf__Id,
    });
    expect(
      org.store.findByExternalId('Social_Identity__c', 'External_Id__c', 'reddit:t2_bulkup')[0]?.Handle__c,
    ).toBeNull();
  });

  it('deletes by Id and reports job counts; a job with an unknown column fails as a whole', async () => {
    const { conn, org } = session;
    const lead = org.store.create('Lead', { LastName: 'Bulk', Company: 'Bulk Co' });
    if (!lead.success) throw new Error('seed lead failed');
    const deleted = await conn.bulk2.loadAndWaitForResults({
      object: 'Lead',
      operation: 'delete',
      input: `Id\n${lead.id}\n`,
    });
    expect(deleted.successfulResults.map((row) => row.sf__Id)).toEqual([lead.id]);
    expect(org.store.get(lead.id)).toBeUndefined();

    const job = await call(org, 'POST', `${base}/ingest`, {
      object: 'Contact',
      operation: 'insert',
      contentType: 'CSV',
      lineEnding: 'LF',
    });
    const id = (job.body as { id: string }).id;
    expect((job.body as { state: string }).state).toBe('Open');
    const upload = await call(org, 'PUT', `${base}/ingest/${id}/batches`, 'LastName,Shoe_Size__c\nDoe,42\n', {
      'content-type': 'text/csv',
    });
    expect(upload.status).toBe(201);
    await call(org, 'PATCH', `${base}/ingest/${id}`, { state: 'UploadComplete' });
    let info: { state: string; errorMessage?: string; numberRecordsProcessed: number } = {
      state: 'UploadComplete',
      numberRecordsProcessed: 0,
    };
    for (let attempt = 0; attempt < 50 && !['JobComplete', 'Failed'].includes(info.state); attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      info = (await call(org, 'GET', `${base}/ingest/${id}`)).body as typeof info;
    }
    expect(info.state).toBe('Failed');
    expect(info.errorMessage).toContain('Shoe_Size__c');
  });
});

describe('Bulk API 2.0 query', () => {
  it('returns CSV pages with Sforce-Locator and Sforce-NumberOfRecords', async () => {
    const { org, conn } = session;
    const created = await call(org, 'POST', `${base}/query`, {
      operation: 'query',
      query: 'SELECT Id, Name, Account.Name FROM Contact WHERE Account.Name != null ORDER BY Name',
    });
    const id = (created.body as { id: string }).id;
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(((await call(org, 'GET', `${base}/query/${id}`)).body as { state: string }).state).toBe('JobComplete');
    const first = await call(org, 'GET', `${base}/query/${id}/results?maxRecords=10`);
    expect(first.headers.get('sforce-numberofrecords')).toBe('10');
    const locator = first.headers.get('sforce-locator')!;
    expect(locator).not.toBe('null');
    const lines = String(first.body).trim().split('\n');
    expect(lines[0]).toBe('"Id","Name","Account.Name"');
    expect(lines).toHaveLength(11);
    const rest = await call(org, 'GET', `${base}/query/${id}/results?locator=${locator}&maxRecords=1000`);
    expect(rest.headers.get('sforce-locator')).toBe('null');
    const total = org.store.list('Contact').filter((contact) => contact.AccountId !== null).length;
    expect(10 + Number(rest.headers.get('sforce-numberofrecords'))).toBe(total);

    // The org may end a set sooner than maxRecords asks ("still subject to the size limits"): a set
    // cut at 7 rows when 1,000 are asked for still names the next set.
    org.ctx.faults.bulkQueryResultRows = 7;
    try {
      const cut = await call(org, 'GET', `${base}/query/${id}/results?maxRecords=1000`);
      expect(cut.headers.get('sforce-numberofrecords')).toBe('7');
      expect(cut.headers.get('sforce-locator')).not.toBe('null');
    } finally {
      org.ctx.faults.bulkQueryResultRows = 0;
    }

    const viaJsforce = await conn.bulk2.query('SELECT Id, Network_Key__c FROM Social_Channel__c');
    const rows: Array<Record<string, string>> = [];
    for await (const row of viaJsforce) rows.push(row as Record<string, string>);
    expect(rows.map((row) => row.Network_Key__c).sort()).toEqual([
      'community',
      'facebook',
      'instagram',
      'linkedin',
      'reddit',
      'x',
      'youtube',
    ]);
  });
});
