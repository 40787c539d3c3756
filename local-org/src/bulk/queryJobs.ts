// Bulk API 2.0 query jobs: POST /jobs/query runs the SOQL through the same engine as REST, and
// GET .../results pages the CSV with Sforce-Locator / Sforce-NumberOfRecords and maxRecords.

import { formatDateTime } from '../data/fieldValues.js';
import { ApiError, jsonObject, notFound } from '../http/apiError.js';
import type { Route } from '../http/route.js';
import { apiVersion, dataRoute } from '../rest/paths.js';
import { readPath } from '../soql/fieldPath.js';
import { compileQuery, matchingRecords } from '../soql/query.js';
import { SoqlError } from '../soql/soqlError.js';
import { checkDialect, writeCsv, type CsvDialect } from './csvFormat.js';
import { csvAnswer } from './ingest.js';
import { newJobId } from './jobIds.js';

/**
 * Rows in a set of results when the client gives no maxRecords. Salesforce documents no number ("the
 * server uses a default value based on the service", Get Results for a Query Job); a client must follow
 * Sforce-Locator, and a set of 50,000 makes one that does not visible at a modest size.
 */
const DEFAULT_PAGE = 50_000;

interface QueryJob {
  id: string;
  operation: 'query' | 'queryAll';
  objectName: string;
  query: string;
  dialect: CsvDialect;
  apiVersion: string;
  state: 'UploadComplete' | 'InProgress' | 'JobComplete' | 'Failed' | 'Aborted';
  createdDate: string;
  createdById: string;
  header: string[];
  rows: string[][];
}

function csvValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T.*\+0000$/.test(value)) {
    // Bulk results write date-times in ISO form with Z, unlike REST's +0000.
    return value.replace('+0000', 'Z');
  }
  return String(value);
}

function info(job: QueryJob, full: boolean): Record<string, unknown> {
  return {
    id: job.id,
    operation: job.operation,
    object: job.objectName,
    createdById: job.createdById,
    createdDate: job.createdDate,
    systemModstamp: job.createdDate,
    state: job.state,
    concurrencyMode: 'Parallel',
    contentType: 'CSV',
    apiVersion: Number(job.apiVersion),
    lineEnding: job.dialect.lineEnding,
    columnDelimiter: job.dialect.columnDelimiter,
    ...(full
      ? {
          jobType: 'V2Query',
          numberRecordsProcessed: job.state === 'JobComplete' ? job.rows.length : 0,
          retries: 0,
          totalProcessingTime: 0,
        }
      : {}),
  };
}

export function queryJobRoutes(): Route[] {
  const jobs = new Map<string, QueryJob>();
  const jobOf = (id: string | undefined): QueryJob => {
    const job = id ? jobs.get(id) : undefined;
    if (!job) throw notFound();
    return job;
  };
  const base = '/jobs/query';
  return [
    dataRoute('POST', base, (request, ctx) => {
      const body = jsonObject(request.body);
      const operation =
        body.operation === 'queryAll'
          ? 'queryAll'
          : body.operation === 'query' || body.operation === undefined
            ? 'query'
            : undefined;
      if (!operation) {
        throw new ApiError(400, 'INVALIDJOB', `operation must be query or queryAll (got ${String(body.operation)}).`);
      }
      if (typeof body.query !== 'string') {
        throw new ApiError(
          400,
          'INVALIDJOB',
          'A query job needs "query", e.g. {"operation":"query","query":"SELECT Id FROM Contact"}.',
        );
      }
      const compiled = compileQuery(ctx.store.schema, ctx.store, body.query, { apiVersion: apiVersion(request) });
      if (compiled.countOnly || compiled.columns.some((column) => column.kind === 'count')) {
        throw new SoqlError(
          'MALFORMED_QUERY',
          'Bulk API query jobs do not support aggregate functions such as COUNT().',
        );
      }
      if (compiled.offset > 0) {
        throw new SoqlError('MALFORMED_QUERY', 'Bulk API query jobs do not support OFFSET.');
      }
      const records = matchingRecords(ctx.store, compiled, operation === 'queryAll');
      const paths = compiled.columns.flatMap((column) => (column.kind === 'field' ? [column.path] : []));
      const job: QueryJob = {
        id: newJobId(),
        operation,
        objectName: compiled.object.name,
        query: body.query,
        dialect: checkDialect(body.columnDelimiter, body.lineEnding),
        apiVersion: apiVersion(request),
        state: 'UploadComplete',
        createdDate: formatDateTime(new Date()),
        createdById: ctx.userId,
        header: paths.map((path) =>
          [...path.steps.map((step) => step.field.relationshipName!), path.field.name].join('.'),
        ),
        // The snapshot is taken now, as a real job reads the data it started with.
        rows: records.map((record) => paths.map((path) => csvValue(readPath(ctx.store, record, path)))),
      };
      jobs.set(job.id, job);
      setImmediate(() => {
        if (job.state === 'UploadComplete') job.state = 'JobComplete';
      });
      return { status: 200, body: info(job, false) };
    }),
    dataRoute('GET', base, () => ({
      status: 200,
      body: { done: true, records: [...jobs.values()].map((job) => info(job, false)), nextRecordsUrl: null },
    })),
    dataRoute('GET', `${base}/(?<job>\\w+)`, (request) => ({
      status: 200,
      body: info(jobOf(request.params.job), true),
    })),
    dataRoute('PATCH', `${base}/(?<job>\\w+)`, (request) => {
      const job = jobOf(request.params.job);
      if (jsonObject(request.body).state !== 'Aborted') {
        throw new ApiError(400, 'INVALIDJOBSTATE', 'A query job can only be set to Aborted.');
      }
      job.state = 'Aborted';
      return { status: 200, body: info(job, false) };
    }),
    dataRoute('DELETE', `${base}/(?<job>\\w+)`, (request) => {
      jobs.delete(jobOf(request.params.job).id);
      return { status: 204 };
    }),
    dataRoute('GET', `${base}/(?<job>\\w+)/results`, (request, ctx) => {
      const job = jobOf(request.params.job);
      if (job.state !== 'JobComplete') {
        throw new ApiError(
          400,
          'INVALIDJOBSTATE',
          `Job ${job.id} is ${job.state}; results are ready when it is JobComplete.`,
        );
      }
      const locator = request.query.get('locator');
      const start = locator && locator !== 'null' ? Number(Buffer.from(locator, 'base64url').toString('utf8')) : 0;
      if (!Number.isInteger(start) || start < 0) {
        throw new ApiError(400, 'INVALID_LOCATOR', `invalid locator: ${locator}`);
      }
      // Without maxRecords the org decides how many rows a set holds ("a default value based on the
      // service"); with it, the client does, and a set "is still subject to the size limits": the org
      // may cut it shorter (ctx.faults.bulkQueryResultRows stands for both).
      const asked = Number(request.query.get('maxRecords') ?? 0);
      const cut = ctx.faults.bulkQueryResultRows > 0 ? ctx.faults.bulkQueryResultRows : Infinity;
      const setRows = Math.min(Number.isInteger(asked) && asked > 0 ? asked : DEFAULT_PAGE, cut);
      const rows = job.rows.slice(start, start + setRows);
      const end = start + rows.length;
      const next = end < job.rows.length ? Buffer.from(String(end)).toString('base64url') : 'null';
      return csvAnswer(writeCsv(job.header, rows, job.dialect), {
        'Sforce-Locator': next,
        'Sforce-NumberOfRecords': String(rows.length),
      });
    }),
  ];
}
