// Bulk API 2.0 takes at most 150 MB of base64 encoded CSV per job, which is 100 MB before encoding:
// "A request can provide CSV data that does not in total exceed 150 MB of base64 encoded content. When
// job data is uploaded, it is converted to base64. [...] To account for the base64 conversion
// increase, upload data that does not exceed 100 MB." (Bulk API 2.0 Developer Guide, Upload Job Data,
// https://developer.salesforce.com/docs/atlas.en-us.api_asynch.meta/api_asynch/upload_job_data.htm).
// The local org refuses a larger upload, and OrgClient cuts a large upsert into jobs that stay within
// it. The limits are lowered here so that a few hundred records cross them.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalOrg } from '../../local-org/src/main.js';
import { UPLOAD_LIMIT_BASE64_BYTES } from '../../local-org/src/bulk/ingest.js';
import { MAX_UPLOAD_BYTES, recordsInMemory, writeBulkCsv } from '../../plugin/src/org/bulkRecords.js';
import { OrgClient } from '../../plugin/src/org/client.js';
import { API_VERSION, connectTo, type TestOrg } from './localOrg.js';

/** Base64 bytes the test org takes per job: 3,000 bytes of CSV. */
const ORG_LIMIT = 4_000;
const base = `/services/data/v${API_VERSION}/jobs/ingest`;
let org: TestOrg;
let dir: string;

beforeAll(async () => {
  org = await startLocalOrg({ port: 0, empty: true, bulkUploadLimit: ORG_LIMIT });
  dir = await mkdtemp(join(tmpdir(), 'bulk-upload-limit-'));
});

afterAll(async () => {
  await org.stop();
  await rm(dir, { recursive: true, force: true });
});

async function call(method: string, path: string, body?: string, contentType = 'application/json') {
  const response = await fetch(`${org.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${org.accessToken}`, 'content-type': contentType },
    ...(body !== undefined ? { body } : {}),
  });
  return { status: response.status, body: (await response.json().catch(() => undefined)) as unknown };
}

async function openJob(): Promise<string> {
  const created = await call(
    'POST',
    base,
    JSON.stringify({ object: 'Social_Identity__c', operation: 'upsert', externalIdFieldName: 'External_Id__c' }),
  );
  return (created.body as { id: string }).id;
}

function identities(prefix: string, count: number): Array<Record<string, unknown>> {
  return Array.from({ length: count }, (_, index) => ({
    External_Id__c: `x:${prefix}-${index}`,
    Network__c: 'x',
    Network_User_Id__c: `${prefix}-${index}`,
    Display_Name__c: `Person ${index} with a name long enough to fill the upload`,
  }));
}

function client(maxUploadBytes?: number): OrgClient {
  return new OrgClient(connectTo(org), {
    bulkPacing: { first: 10, interval: 50 },
    ...(maxUploadBytes !== undefined ? { maxUploadBytes } : {}),
  });
}

describe('the documented limit', () => {
  it('is 150 MB of base64 in the local org and 100 MB of CSV in the client', () => {
    expect(UPLOAD_LIMIT_BASE64_BYTES).toBe(150_000_000);
    expect(MAX_UPLOAD_BYTES).toBe(100_000_000);
    // What the client sends stays within what the org takes once base64 encoded.
    expect(Math.ceil(MAX_UPLOAD_BYTES / 3) * 4).toBeLessThanOrEqual(UPLOAD_LIMIT_BASE64_BYTES);
  });
});

describe('the local org', () => {
  it('takes an upload whose base64 encoding is within the limit and refuses one byte more', async () => {
    const header = 'External_Id__c,Network__c,Network_User_Id__c\n';
    const fill = (bytes: number): string => header + 'x'.repeat(bytes - header.length - 1) + '\n';
    const atLimit = await openJob();
    expect((await call('PUT', `${base}/${atLimit}/batches`, fill(3_000), 'text/csv')).status).toBe(201);

    const above = await openJob();
    const refused = await call('PUT', `${base}/${above}/batches`, fill(3_001), 'text/csv');
    expect(refused.status).toBe(400);
    expect(refused.body).toEqual([
      expect.objectContaining({
        errorCode: 'CLIENTINPUTERROR',
        message: expect.stringMatching(/3001 bytes, 4004 after base64 encoding, above the 4000 bytes/),
      }),
    ]);
  });
});

describe('OrgClient.upsertBulk', () => {
  it('fails as a whole when the org refuses the upload (an answer that no retry changes)', async () => {
    await expect(
      client()
        .upsertBulk('Social_Identity__c', 'External_Id__c', identities('whole', 60))
        .then((outcomes) => outcomes.toArray()),
    ).rejects.toMatchObject({
      errorCode: 'CLIENTINPUTERROR',
      message: expect.stringMatching(/above the 4000 bytes of base64 encoded content a job takes/),
    });
    expect(org.store.findByExternalId('Social_Identity__c', 'External_Id__c', 'x:whole-0')).toHaveLength(0);
  });

  it('cuts the upload into jobs within the limit and settles every record from its own job', async () => {
    const records = identities('cut', 200);
    const jobsBefore = await call('GET', base).then((answer) => (answer.body as { records: unknown[] }).records);
    const outcomes = await client(3_000)
      .upsertBulk('Social_Identity__c', 'External_Id__c', records)
      .then((outcomes) => outcomes.toArray());
    expect(outcomes.filter((outcome) => outcome.success)).toHaveLength(200);
    expect(outcomes.every((outcome) => outcome.created)).toBe(true);
    for (const [index, outcome] of outcomes.entries()) {
      const [stored] = org.store.findByExternalId('Social_Identity__c', 'External_Id__c', `x:cut-${index}`);
      expect(stored?.Id).toBe(outcome.id);
    }
    const jobs = (await call('GET', base).then((answer) => answer.body as { records: unknown[] })).records;
    // One job per upload of at most 3,000 bytes.
    const uploads = await writeBulkCsv(recordsInMemory(records), undefined, dir, 3_000);
    expect(uploads.length).toBeGreaterThan(1);
    expect(jobs.length - jobsBefore.length).toBe(uploads.length);
  });
});

describe('writeBulkCsv', () => {
  it('starts a new upload, with the header again, before one would pass the limit', async () => {
    const records = recordsInMemory(identities('csv', 50));
    const uploads = await writeBulkCsv(records, undefined, dir, 1_000);
    expect(uploads.length).toBeGreaterThan(1);
    const rows: string[] = [];
    for (const upload of uploads) {
      const text = await readFile(upload.path, 'utf8');
      expect(Buffer.byteLength(text)).toBe(upload.bytes);
      expect(upload.bytes).toBeLessThanOrEqual(1_000);
      const lines = text.split('\n').slice(0, -1);
      expect(lines[0]).toBe('External_Id__c,Network__c,Network_User_Id__c,Display_Name__c');
      expect(lines).toHaveLength(upload.records + 1);
      rows.push(...lines.slice(1));
    }
    expect(rows.map((row) => row.split(',')[0])).toEqual(Array.from({ length: 50 }, (_, index) => `x:csv-${index}`));
  });
});
