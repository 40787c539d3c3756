// Item 3 of #16: each endpoint Social Bridge calls, as Salesforce documents it (documented/*.json:
// the request, an example response, and the page it comes from), asked of the local org over HTTP:
// the same status, the same keys with the same JSON types, the same error shape, the documented
// headers. Differences are listed with the reason they remain (docs/contracts.md lists them all).
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { API_VERSION, call, startSession, type Session } from '../../local-org/localOrgSession.js';
import { shapeDifferences } from './responseShape.js';

interface DocumentedExchange {
  source: { title: string; url: string; observed?: string };
  request: {
    method: string;
    path: string;
    body?: unknown;
    headers?: Record<string, string>;
    /** A composite request of this many subrequests, each a copy of the first (referenceIds numbered). */
    repeatSubrequest?: number;
  };
  response: { status: number; headers?: Record<string, string>; body: never; openObjects?: string[] };
}

const dir = join(dirname(fileURLToPath(import.meta.url)), 'documented');
const exchanges = readdirSync(dir)
  .filter((file) => file.endsWith('.json'))
  .sort()
  .map(
    (file) =>
      [file.replace(/\.json$/, ''), JSON.parse(readFileSync(join(dir, file), 'utf8')) as DocumentedExchange] as const,
  );

// Known differences between the local org and the documented examples, each with why it stays.
const REMAINING: Record<string, string[]> = {
  uiApiObjectInfo: [
    // Not on the Field page nor in the lightning/uiObjectInfoApi types; Salesforce's Agentforce Mobile SDK
    // lists externalId among the UI API field properties (AgentforceUIAPIFields), so a real org may send
    // it. No component reads it.
    '$.fields.LastName.externalId is not in the documented example',
    // Theme Info (color, iconUrl) comes from the org's tab styles; no published table gives them and no
    // component reads them. null, which the lightning/uiObjectInfoApi types allow.
    '$.themeInfo is null, documented object',
  ],
};

let session: Session;
let contactId = '';
/** The locator of a query's last batch (queryMore reads it). */
let lastNextRecordsUrl = '';
/** A Bulk API 2.0 job that completed with one failed record of two (bulkIngestJobInfo reads it). */
let jobId = '';

/** The documented request with this run's version, record ids and query locator. */
function fill(text: string): string {
  return text
    .replaceAll('{version}', `v${API_VERSION}`)
    .replaceAll('{contactId}', contactId)
    .replaceAll('{lastNextRecordsUrl}', lastNextRecordsUrl)
    .replaceAll('{jobId}', jobId);
}

/** Runs a Bulk API 2.0 insert of `csv` into Contact to its end; returns the job's id and last info. */
async function runIngestJob(csv: string): Promise<{ id: string; info: Record<string, unknown> }> {
  const job = await call(session.org, 'POST', fill('/services/data/{version}/jobs/ingest'), {
    object: 'Contact',
    contentType: 'CSV',
    operation: 'insert',
    lineEnding: 'LF',
  });
  const id = (job.body as { id: string }).id;
  const upload = await call(session.org, 'PUT', fill(`/services/data/{version}/jobs/ingest/${id}/batches`), csv, {
    'content-type': 'text/csv',
  });
  expect(upload.status).toBe(201);
  await call(session.org, 'PATCH', fill(`/services/data/{version}/jobs/ingest/${id}`), { state: 'UploadComplete' });
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    const info = await call(session.org, 'GET', fill(`/services/data/{version}/jobs/ingest/${id}`));
    const body = info.body as Record<string, unknown>;
    if (body.state === 'JobComplete' || body.state === 'Failed') return { id, info: body };
  }
}

/** A result file's header and rows, the quotes taken off (the values here hold no comma or quote). */
async function resultFile(id: string, kind: string): Promise<{ header: string[]; rows: string[][] }> {
  const answer = await call(session.org, 'GET', fill(`/services/data/{version}/jobs/ingest/${id}/${kind}`));
  expect(answer.status).toBe(200);
  expect(answer.headers.get('content-type')).toMatch(/^text\/csv/);
  const [header, ...rows] = String(answer.body)
    .split(/\r?\n/)
    .filter((line) => line !== '')
    .map((line) => line.replaceAll('"', '').split(','));
  return { header: header!, rows };
}

beforeAll(async () => {
  session = await startSession({ now: () => new Date('2026-11-20T12:00:00.000Z') });
  const created = await session.conn.sobject('Contact').create({ FirstName: 'John', LastName: 'Smith' });
  contactId = created.id!;
  // Enough contacts for more than one batch of 200, then the locator of the last batch.
  for (let index = session.org.store.list('Contact').length; index < 450; index++) {
    session.org.store.create('Contact', { LastName: `Batch ${index}` });
  }
  let page = await call(
    session.org,
    'GET',
    fill('/services/data/{version}/query/?q=SELECT+Id,+Name+FROM+Contact'),
    undefined,
    {
      'Sforce-Query-Options': 'batchSize=200',
    },
  );
  // Follow the locators up to the last batch without reading it: the local org lets a locator be read
  // once (whether a real org allows a second read is not documented in the pages cited here).
  let read = (page.body as { records: unknown[] }).records.length;
  const total = (page.body as { totalSize: number }).totalSize;
  for (;;) {
    lastNextRecordsUrl = (page.body as { nextRecordsUrl: string }).nextRecordsUrl;
    if (read + 200 >= total) break;
    page = await call(session.org, 'GET', lastNextRecordsUrl);
    read += (page.body as { records: unknown[] }).records.length;
  }
  // Contact's LastName is required: the second row fails.
  jobId = (await runIngestJob('FirstName,LastName\nGrace,Hopper\nNo,\n')).id;
});

afterAll(async () => {
  await session.org.stop();
});

/** The documented request's body with this run's values, its one subrequest repeated if asked. */
function requestBody(request: DocumentedExchange['request']): unknown {
  if (request.body === undefined) return undefined;
  const body = JSON.parse(fill(JSON.stringify(request.body))) as { compositeRequest?: Array<{ referenceId: string }> };
  if (request.repeatSubrequest !== undefined) {
    const [first] = body.compositeRequest!;
    body.compositeRequest = Array.from({ length: request.repeatSubrequest }, (_, index) => ({
      ...first!,
      referenceId: `${first!.referenceId}${index}`,
    }));
  }
  return body;
}

async function differencesFor(exchange: DocumentedExchange): Promise<string[]> {
  const body = requestBody(exchange.request);
  const answer = await call(
    session.org,
    exchange.request.method,
    fill(exchange.request.path),
    body,
    exchange.request.headers,
  );
  const differences: string[] = [];
  if (answer.status !== exchange.response.status) {
    differences.push(`status ${answer.status}, documented ${exchange.response.status}`);
  }
  for (const [name, pattern] of Object.entries(exchange.response.headers ?? {})) {
    const value = answer.headers.get(name);
    if (value === null || !new RegExp(pattern).test(value)) differences.push(`header ${name}: ${String(value)}`);
  }
  differences.push(
    ...shapeDifferences(exchange.response.body, answer.body, { openObjects: exchange.response.openObjects }),
  );
  return differences;
}

describe('the local org answers as Salesforce documents (test/contracts/rest/documented)', () => {
  it.each(exchanges)('%s', async (name, exchange) => {
    expect(exchange.source.url).toMatch(/^https:\/\/(developer|help)\.salesforce\.com\//);
    expect(await differencesFor(exchange)).toEqual(REMAINING[name] ?? []);
  });

  // Bulk API 2.0 Developer Guide, "Get Job Successful Record Results"
  // (https://developer.salesforce.com/docs/platform/api-asynch/guide/get-job-successful-results.html):
  // a CSV whose columns are sf__Id and sf__Created, then the columns of the uploaded data.
  it('bulkIngestResults: successful results are CSV with sf__Id, sf__Created, then the uploaded columns', async () => {
    const { id } = await runIngestJob('FirstName,LastName\nAda,Lovelace\n');
    const { header, rows } = await resultFile(id, 'successfulResults');
    expect(header).toEqual(['sf__Id', 'sf__Created', 'FirstName', 'LastName']);
    expect(rows).toEqual([[expect.stringMatching(/^003\w{15}$/), 'true', 'Ada', 'Lovelace']]);
  });

  // Bulk API 2.0 Developer Guide, "Get Job Failed Record Results"
  // (https://developer.salesforce.com/docs/platform/api-asynch/guide/get-job-failed-results.html): CSV
  // with sf__Id (the record's id, empty where none was made), sf__Error (code and message), then the
  // uploaded columns; the job counts the row in numberRecordsFailed and still ends JobComplete.
  it('bulkIngestResults: failed results are CSV with sf__Id, sf__Error, then the uploaded columns', async () => {
    const info = (await call(session.org, 'GET', fill('/services/data/{version}/jobs/ingest/{jobId}'))).body;
    expect(info).toMatchObject({ state: 'JobComplete', numberRecordsProcessed: 2, numberRecordsFailed: 1 });
    expect(info).not.toHaveProperty('errorMessage');
    const { header, rows } = await resultFile(jobId, 'failedResults');
    expect(header).toEqual(['sf__Id', 'sf__Error', 'FirstName', 'LastName']);
    expect(rows).toEqual([['', expect.stringMatching(/^REQUIRED_FIELD_MISSING:.*LastName/), 'No', '']]);
    expect((await resultFile(jobId, 'successfulResults')).rows).toHaveLength(1);
  });

  // "Get Job Unprocessed Record Results"
  // (https://developer.salesforce.com/docs/platform/api-asynch/guide/get-job-unprocessed-results.html):
  // for failed or aborted jobs, CSV of the rows not processed, in the uploaded columns only; a failed
  // job says why in errorMessage (Get Job Info). The local org fails this job after one row on purpose.
  it('bulkIngestResults: a failed job lists its unprocessed rows in the uploaded columns, and says why', async () => {
    Object.assign(session.org.ctx.faults, { bulkFailJobs: 1, bulkFailAfterRows: 1 });
    const { id, info } = await runIngestJob('FirstName,LastName\nAlan,Turing\nEdsger,Dijkstra\nBarbara,Liskov\n');
    expect(info).toMatchObject({ state: 'Failed', numberRecordsProcessed: 1, errorMessage: expect.any(String) });
    const documented = exchanges.find(([name]) => name === 'bulkIngestJobInfo')![1].response.body as Record<
      string,
      unknown
    >;
    expect(shapeDifferences({ ...documented, errorMessage: 'InternalServerError' }, info)).toEqual([]);
    expect(await resultFile(id, 'unprocessedrecords')).toEqual({
      header: ['FirstName', 'LastName'],
      rows: [
        ['Edsger', 'Dijkstra'],
        ['Barbara', 'Liskov'],
      ],
    });
  });

  it('notices a job info without numberRecordsFailed (a deliberate mistake in the local org answer)', async () => {
    const documented = exchanges.find(([name]) => name === 'bulkIngestJobInfo')![1].response.body;
    const info = (await call(session.org, 'GET', fill('/services/data/{version}/jobs/ingest/{jobId}'))).body;
    const mistaken = JSON.parse(JSON.stringify(info).replace('"numberRecordsFailed"', '"numberFailed"'));
    expect(shapeDifferences(documented, mistaken)).toEqual([
      '$.numberRecordsFailed missing',
      '$.numberFailed is not in the documented example',
    ]);
  });

  // Composite's limits (compositeTooMany*.json): nothing runs, and the refusal is the single failed
  // subrequest a real org answers with; 25 subrequests, 5 of them queries or Collections, still run.
  it('composite limits: over 25 subrequests or 5 queries/Collections nothing runs; at the limits all run', async () => {
    const contacts = session.org.store.list('Contact').length;
    const refusals = [];
    for (const name of ['compositeTooManySubrequests', 'compositeTooManyQueries']) {
      const { request } = exchanges.find(([file]) => file === name)![1];
      const answer = await call(session.org, 'POST', fill(request.path), requestBody(request));
      refusals.push((answer.body as { compositeResponse: unknown[] }).compositeResponse);
    }
    expect(refusals).toEqual([
      [
        {
          body: [{ errorCode: 'LIMIT_EXCEEDED', message: 'The request can’t contain more than 25 operations.' }],
          httpHeaders: {},
          httpStatusCode: 400,
          referenceId: null,
        },
      ],
      [expect.objectContaining({ httpStatusCode: 400, referenceId: null })],
    ]);
    expect(session.org.store.list('Contact')).toHaveLength(contacts);

    const query = { method: 'GET', url: fill('/services/data/{version}/query/?q=SELECT+Id+FROM+Contact+LIMIT+1') };
    const collection = {
      method: 'POST',
      url: fill('/services/data/{version}/composite/sobjects'),
      body: { allOrNone: false, records: [{ attributes: { type: 'Contact' }, LastName: 'Collected' }] },
    };
    const create = {
      method: 'POST',
      url: fill('/services/data/{version}/sobjects/Contact'),
      body: { LastName: 'At the limit' },
    };
    const atLimits = await call(session.org, 'POST', fill('/services/data/{version}/composite'), {
      compositeRequest: [query, query, query, collection, collection, ...Array.from({ length: 20 }, () => create)].map(
        (sub, index) => ({ ...sub, referenceId: `sub${index}` }),
      ),
    });
    const statuses = (atLimits.body as { compositeResponse: Array<{ httpStatusCode: number }> }).compositeResponse.map(
      (sub) => sub.httpStatusCode,
    );
    expect(statuses).toEqual([200, 200, 200, 200, 200, ...Array.from({ length: 20 }, () => 201)]);

    // A sixth of the limited kind, a Collection this time, is refused like a sixth query.
    const sixth = await call(session.org, 'POST', fill('/services/data/{version}/composite'), {
      compositeRequest: [query, query, query, collection, collection, collection].map((sub, index) => ({
        ...sub,
        referenceId: `sub${index}`,
      })),
    });
    expect((sixth.body as { compositeResponse: Array<{ referenceId: unknown }> }).compositeResponse).toEqual([
      expect.objectContaining({ httpStatusCode: 400, referenceId: null }),
    ]);
  });

  it('notices the composite refusal in the shape the local org used to give (a deliberate mistake)', () => {
    const documented = exchanges.find(([name]) => name === 'compositeTooManySubrequests')![1].response.body;
    const before = [
      { message: 'A composite request can have at most 25 subrequests (got 26).', errorCode: 'LIMIT_EXCEEDED' },
    ];
    expect(shapeDifferences(documented, before)).toEqual(['$ is array, documented object']);
  });

  // GraphQL API Developer Guide, "Status Codes and Error Responses": an error's ErrorType is one of five.
  it('graphql errors: HTTP 200, each error with one of the documented ErrorType values', async () => {
    const { request } = exchanges.find(([name]) => name === 'graphqlValidationError')![1];
    const syntax = { query: 'query { uiapi {' };
    const types = [];
    for (const body of [request.body, syntax]) {
      const answer = await call(session.org, 'POST', fill(request.path), body);
      expect(answer.status).toBe(200);
      const { errors } = answer.body as { errors: Array<{ extensions: { ErrorType: string } }> };
      types.push(...errors.map((error) => error.extensions.ErrorType));
    }
    expect(types).toEqual(['ValidationError', 'InvalidSyntax']);
    const documented = [
      'InvalidSyntax',
      'ValidationError',
      'DataFetchingException',
      'OperationNotSupported',
      'ExecutionAborted',
    ];
    expect(types.filter((type) => !documented.includes(type))).toEqual([]);
  });

  it('notices a graphql error without extensions.ErrorType (a deliberate mistake)', async () => {
    const { request, response } = exchanges.find(([name]) => name === 'graphqlValidationError')![1];
    const answer = await call(session.org, 'POST', fill(request.path), request.body);
    const mistaken = JSON.parse(JSON.stringify(answer.body).replaceAll('"ErrorType"', '"errorType"'));
    expect(shapeDifferences(response.body, mistaken, { openObjects: response.openObjects })).toEqual([
      '$.errors[0].extensions.ErrorType missing',
    ]);
  });

  it('notices an object info without eTag, as the local org gave it (a deliberate mistake)', async () => {
    const documented = exchanges.find(([name]) => name === 'uiApiObjectInfo')![1].response;
    const answer = await call(session.org, 'GET', fill('/services/data/{version}/ui-api/object-info/Contact'));
    const { eTag: _eTag, ...before } = answer.body as Record<string, unknown>;
    expect(shapeDifferences(documented.body, before, { openObjects: documented.openObjects })).toContain(
      '$.eTag missing',
    );
  });

  it('notices a wrong response key (a deliberate mistake in the comparison)', () => {
    const documented = exchanges.find(([name]) => name === 'query')![1].response.body;
    const renamed = JSON.parse(JSON.stringify(documented).replace('"totalSize"', '"total_size"'));
    expect(shapeDifferences(documented, renamed)).toEqual([
      '$.totalSize missing',
      '$.total_size is not in the documented example',
    ]);
  });
});
