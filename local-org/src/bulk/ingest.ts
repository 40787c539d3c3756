// Bulk API 2.0 ingest jobs: create, upload CSV (PUT .../batches), close (UploadComplete) or abort,
// then asynchronous processing in batches of 10,000 rows through the record store, and the
// successful / failed / unprocessed result files.

import { formatDateTime } from '../data/fieldValues.js';
import { bulkJobFailure } from '../faults/faults.js';
import type { SaveResult } from '../data/store.js';
import { ApiError, jsonObject, notFound } from '../http/apiError.js';
import type { OrgContext, Route } from '../http/route.js';
import { apiVersion, dataRoute } from '../rest/paths.js';
import { findField, findObject, type FieldSchema, type ObjectSchema } from '../schema/model.js';
import { checkDialect, parseCsv, writeCsv, type CsvDialect } from './csvFormat.js';
import { newJobId } from './jobIds.js';

export const INGEST_BATCH_SIZE = 10_000;
/**
 * Salesforce: "A request can provide CSV data that does not in total exceed 150 MB of base64 encoded
 * content. When job data is uploaded, it is converted to base64. [...] upload data that does not exceed
 * 100 MB." (Bulk API 2.0 Developer Guide, Upload Job Data,
 * https://developer.salesforce.com/docs/atlas.en-us.api_asynch.meta/api_asynch/upload_job_data.htm).
 * Counted here in decimal megabytes, the stricter reading, so what the local org takes a real org takes.
 */
export const UPLOAD_LIMIT_BASE64_BYTES = 150_000_000;
const OPERATIONS = ['insert', 'update', 'upsert', 'delete', 'hardDelete'] as const;
type Operation = (typeof OPERATIONS)[number];
type State = 'Open' | 'UploadComplete' | 'InProgress' | 'JobComplete' | 'Failed' | 'Aborted';

interface IngestJob {
  id: string;
  object: ObjectSchema;
  operation: Operation;
  externalIdFieldName?: string;
  dialect: CsvDialect;
  apiVersion: string;
  state: State;
  createdDate: string;
  systemModstamp: string;
  createdById: string;
  uploads: string[];
  /** Bytes uploaded so far, as sent (the limit counts them after base64 encoding). */
  uploadBytes: number;
  header: string[];
  processed: number;
  failed: number;
  errorMessage?: string;
  successful: unknown[][];
  failures: unknown[][];
  unprocessed: string[][];
  startedAt?: number;
  processingMs: number;
  /** Injected: the job fails after processing this many rows (FaultSettings.bulkFailJobs). */
  failAfterRows?: number;
}

function jobInfo(job: IngestJob, full: boolean): Record<string, unknown> {
  const info: Record<string, unknown> = {
    id: job.id,
    operation: job.operation,
    object: job.object.name,
    createdById: job.createdById,
    createdDate: job.createdDate,
    systemModstamp: job.systemModstamp,
    state: job.state,
    ...(job.externalIdFieldName ? { externalIdFieldName: job.externalIdFieldName } : {}),
    concurrencyMode: 'Parallel',
    contentType: 'CSV',
    apiVersion: Number(job.apiVersion),
    contentUrl: `services/data/v${job.apiVersion}/jobs/ingest/${job.id}/batches`,
    lineEnding: job.dialect.lineEnding,
    columnDelimiter: job.dialect.columnDelimiter,
  };
  if (full) {
    Object.assign(info, {
      jobType: 'V2Ingest',
      numberRecordsProcessed: job.processed,
      numberRecordsFailed: job.failed,
      retries: 0,
      totalProcessingTime: job.processingMs,
      apiActiveProcessingTime: job.processingMs,
      apexProcessingTime: 0,
      ...(job.errorMessage ? { errorMessage: job.errorMessage } : {}),
    });
  }
  return info;
}

/** How one CSV column writes into a record: a field, or a parent found by its external id (`Contact__r.Email`). */
type ColumnWriter =
  { kind: 'field'; name: string } | { kind: 'parent'; lookup: FieldSchema; parent: ObjectSchema; key: FieldSchema };

function columnWriters(ctx: OrgContext, job: IngestJob): ColumnWriter[] {
  return job.header.map((column) => {
    const [relationship, keyName] = column.split('.');
    if (keyName !== undefined) {
      const lookup = [...job.object.fields.values()].find(
        (field) => field.relationshipName?.toLowerCase() === relationship!.toLowerCase(),
      );
      const parent = lookup ? findObject(ctx.store.schema, lookup.referenceTo[0] ?? '') : undefined;
      const key = parent ? findField(parent, keyName) : undefined;
      if (!lookup || !parent || !key || !(key.externalId || key.idLookup)) {
        throw new Error(`InvalidBatch : Field name not found : ${column}`);
      }
      return { kind: 'parent', lookup, parent, key };
    }
    const field = findField(job.object, column);
    if (!field) {
      throw new Error(`InvalidBatch : Field name not found : ${column}`);
    }
    return { kind: 'field', name: field.name };
  });
}

function saveError(result: Extract<SaveResult, { success: false }>): string {
  return result.errors.map((error) => `${error.statusCode}:${error.message}:${error.fields.join(',')} --`).join(' ');
}

function processRow(ctx: OrgContext, job: IngestJob, writers: ColumnWriter[], row: string[]): SaveResult {
  const fields: Record<string, unknown> = {};
  for (const [index, writer] of writers.entries()) {
    const raw = row[index] ?? '';
    if (raw === '') continue; // empty: leave the field as it is
    const value = raw === '#N/A' ? null : raw;
    if (writer.kind === 'field') {
      fields[writer.name] = value;
    } else if (value === null) {
      fields[writer.lookup.name] = null;
    } else {
      const parents = ctx.store.findByExternalId(writer.parent.name, writer.key.name, value);
      if (parents.length !== 1) {
        return {
          success: false,
          errors: [
            {
              statusCode: parents.length === 0 ? 'INVALID_FIELD' : 'DUPLICATE_EXTERNAL_ID',
              message:
                parents.length === 0
                  ? `Foreign key external ID: ${value} not found for field ${writer.key.name} in entity ${writer.parent.name}`
                  : `Foreign key external ID: ${value} matched more than one ${writer.parent.name}`,
              fields: [writer.lookup.name],
            },
          ],
        };
      }
      fields[writer.lookup.name] = parents[0]!.Id;
    }
  }
  const id = typeof fields.Id === 'string' ? fields.Id : '';
  switch (job.operation) {
    case 'insert':
      return ctx.store.create(job.object.name, fields);
    case 'update': {
      if (!id)
        return {
          success: false,
          errors: [{ statusCode: 'MISSING_ARGUMENT', message: 'Id not specified in an update call', fields: ['Id'] }],
        };
      const { Id: _id, ...rest } = fields;
      return ctx.store.update(job.object.name, id, rest);
    }
    case 'upsert': {
      const keyField = findField(job.object, job.externalIdFieldName!)!;
      const key = fields[keyField.name];
      if (keyField.name === 'Id') {
        const { Id: _id, ...rest } = fields;
        return ctx.store.upsert(job.object.name, 'Id', id, rest);
      }
      if (typeof key !== 'string') {
        return {
          success: false,
          errors: [
            { statusCode: 'MISSING_ARGUMENT', message: `${keyField.name} not specified`, fields: [keyField.name] },
          ],
        };
      }
      return ctx.store.upsert(job.object.name, keyField.name, key, fields);
    }
    default:
      if (!id)
        return {
          success: false,
          errors: [{ statusCode: 'MISSING_ARGUMENT', message: 'Id not specified in a delete call', fields: ['Id'] }],
        };
      return ctx.store.delete(id);
  }
}

async function processJob(ctx: OrgContext, job: IngestJob): Promise<void> {
  job.state = 'InProgress';
  job.startedAt = Date.now();
  const finish = (state: State, errorMessage?: string) => {
    job.state = job.state === 'Aborted' ? 'Aborted' : state;
    job.errorMessage = errorMessage;
    job.processingMs = Date.now() - (job.startedAt ?? Date.now());
    job.systemModstamp = formatDateTime(new Date());
  };
  let rows: string[][];
  let writers: ColumnWriter[];
  try {
    const parsed = job.uploads.map((upload) => parseCsv(upload, job.dialect));
    if (parsed.length === 0) {
      finish(
        'Failed',
        'InvalidBatch : No data was uploaded for this job. Upload CSV with PUT .../batches before setting the state to UploadComplete.',
      );
      return;
    }
    job.header = parsed[0]!.header;
    rows = parsed.flatMap((part) => part.rows);
    writers = columnWriters(ctx, job);
    if (
      job.operation === 'upsert' &&
      !job.header.some((column) => column.toLowerCase() === job.externalIdFieldName!.toLowerCase())
    ) {
      throw new Error(
        `InvalidBatch : Field name not found : ${job.externalIdFieldName} (the external id column is required for upsert)`,
      );
    }
  } catch (error) {
    finish('Failed', (error as Error).message);
    return;
  }
  // A pace set by the fault settings: rows in smaller steps, each no sooner than the pace allows.
  const pace = ctx.faults.bulkIngestRowsPerSecond;
  const step = pace > 0 ? Math.max(1, Math.min(INGEST_BATCH_SIZE, Math.round(pace / 10))) : INGEST_BATCH_SIZE;
  for (let start = 0; start < rows.length; start += step) {
    // Yield between batches so the server keeps answering (status polls) while a big job runs.
    const due = pace > 0 ? (job.startedAt ?? 0) + (start * 1000) / pace - Date.now() : 0;
    await new Promise((resolve) => (due > 0 ? setTimeout(resolve, due) : setImmediate(resolve)));
    if ((job.state as State) === 'Aborted') {
      job.unprocessed = rows.slice(start);
      return;
    }
    for (const [offset, row] of rows.slice(start, start + step).entries()) {
      if (job.failAfterRows !== undefined && job.processed >= job.failAfterRows) {
        // As when a real job fails half-way: the rows processed so far keep their results, the rest are
        // listed as unprocessed, and the job says why it failed.
        job.unprocessed = rows.slice(start + offset);
        finish(
          'Failed',
          `InternalServerError : the job failed after ${job.processed} of ${rows.length} records (injected by the local org fault settings); resubmit the unprocessed records`,
        );
        return;
      }
      const result = processRow(ctx, job, writers, row);
      job.processed++;
      if (result.success) {
        job.successful.push([result.id, String(result.created), ...row]);
      } else {
        job.failed++;
        const idColumn = job.header.findIndex((column) => column.toLowerCase() === 'id');
        job.failures.push([idColumn >= 0 ? (row[idColumn] ?? '') : '', saveError(result), ...row]);
      }
    }
  }
  finish('JobComplete');
}

export function ingestRoutes(): Route[] {
  const jobs = new Map<string, IngestJob>();
  const jobOf = (id: string | undefined): IngestJob => {
    const job = id ? jobs.get(id) : undefined;
    if (!job) throw notFound();
    return job;
  };
  const base = '/jobs/ingest';
  return [
    dataRoute('POST', base, (request, ctx) => {
      const body = jsonObject(request.body);
      const object = typeof body.object === 'string' ? findObject(ctx.store.schema, body.object) : undefined;
      if (!object) {
        throw new ApiError(
          400,
          'INVALIDJOB',
          `InvalidJob : Invalid object: ${String(body.object)}. Name an object of the org, e.g. Social_Identity__c.`,
        );
      }
      const operation = OPERATIONS.find((name) => name === body.operation);
      if (!operation) {
        throw new ApiError(400, 'INVALIDJOB', `InvalidJob : operation must be one of ${OPERATIONS.join(', ')}.`);
      }
      let externalIdFieldName: string | undefined;
      if (operation === 'upsert') {
        const field =
          typeof body.externalIdFieldName === 'string' ? findField(object, body.externalIdFieldName) : undefined;
        if (!field || !(field.externalId || field.idLookup)) {
          throw new ApiError(
            400,
            'INVALIDJOB',
            `InvalidJob : upsert needs externalIdFieldName naming an external id field of ${object.name} (got ${String(body.externalIdFieldName)}).`,
          );
        }
        externalIdFieldName = field.name;
      }
      if (body.contentType !== undefined && body.contentType !== 'CSV') {
        throw new ApiError(400, 'INVALIDJOB', 'InvalidJob : contentType must be CSV.');
      }
      const now = formatDateTime(new Date());
      const job: IngestJob = {
        id: newJobId(),
        object,
        operation,
        externalIdFieldName,
        dialect: checkDialect(body.columnDelimiter, body.lineEnding),
        apiVersion: apiVersion(request),
        state: 'Open',
        createdDate: now,
        systemModstamp: now,
        createdById: ctx.userId,
        uploads: [],
        uploadBytes: 0,
        header: [],
        processed: 0,
        failed: 0,
        successful: [],
        failures: [],
        unprocessed: [],
        processingMs: 0,
      };
      jobs.set(job.id, job);
      return { status: 200, body: jobInfo(job, false) };
    }),
    dataRoute('GET', base, () => ({
      status: 200,
      body: { done: true, records: [...jobs.values()].map((job) => jobInfo(job, false)), nextRecordsUrl: null },
    })),
    dataRoute('PUT', `${base}/(?<job>\\w+)/batches`, (request, ctx) => {
      const job = jobOf(request.params.job);
      if (job.state !== 'Open') {
        throw new ApiError(
          409,
          'INVALIDJOBSTATE',
          `Job ${job.id} is ${job.state}: data can only be uploaded while it is Open.`,
        );
      }
      const limit = ctx.bulkUploadLimit ?? UPLOAD_LIMIT_BASE64_BYTES;
      const bytes = job.uploadBytes + request.body.length;
      // Salesforce documents the limit, not the answer to an upload above it: the error code is Bulk
      // API 2.0's ClientInputError, the message says what to do.
      if (base64Length(bytes) > limit) {
        throw new ApiError(
          400,
          'CLIENTINPUTERROR',
          `ClientInputError : Job ${job.id}'s data is ${bytes} bytes, ${base64Length(bytes)} after base64 encoding, above the ${limit} bytes of base64 encoded content a job takes; upload at most ${Math.floor(limit / 4) * 3} bytes of CSV per job and split larger data into several jobs.`,
        );
      }
      job.uploadBytes = bytes;
      job.uploads.push(request.body.toString('utf8'));
      return { status: 201 };
    }),
    dataRoute('PATCH', `${base}/(?<job>\\w+)`, (request, ctx) => {
      const job = jobOf(request.params.job);
      const state = jsonObject(request.body).state;
      if (state === 'UploadComplete') {
        if (job.state !== 'Open') {
          throw new ApiError(409, 'INVALIDJOBSTATE', `Job ${job.id} is ${job.state}; only an Open job can be closed.`);
        }
        job.state = 'UploadComplete';
        const failure = bulkJobFailure(ctx.faults);
        if (failure) job.failAfterRows = failure.failAfterRows;
        setImmediate(() => void processJob(ctx, job));
      } else if (state === 'Aborted') {
        if (job.state === 'JobComplete' || job.state === 'Failed') {
          throw new ApiError(409, 'INVALIDJOBSTATE', `Job ${job.id} is already ${job.state}.`);
        }
        job.state = 'Aborted';
      } else {
        throw new ApiError(400, 'INVALIDJOBSTATE', `state must be UploadComplete or Aborted (got ${String(state)}).`);
      }
      return { status: 200, body: jobInfo(job, false) };
    }),
    dataRoute('GET', `${base}/(?<job>\\w+)`, (request) => ({
      status: 200,
      body: jobInfo(jobOf(request.params.job), true),
    })),
    dataRoute('DELETE', `${base}/(?<job>\\w+)`, (request) => {
      const job = jobOf(request.params.job);
      if (job.state === 'Open' || job.state === 'UploadComplete' || job.state === 'InProgress') {
        throw new ApiError(
          409,
          'INVALIDJOBSTATE',
          `Job ${job.id} is ${job.state}; abort it or let it finish before deleting.`,
        );
      }
      jobs.delete(job.id);
      return { status: 204 };
    }),
    dataRoute('GET', `${base}/(?<job>\\w+)/successfulResults`, (request) => {
      const job = jobOf(request.params.job);
      return csvAnswer(writeCsv(['sf__Id', 'sf__Created', ...job.header], job.successful, job.dialect));
    }),
    dataRoute('GET', `${base}/(?<job>\\w+)/failedResults`, (request) => {
      const job = jobOf(request.params.job);
      return csvAnswer(writeCsv(['sf__Id', 'sf__Error', ...job.header], job.failures, job.dialect));
    }),
    dataRoute('GET', `${base}/(?<job>\\w+)/unprocessedrecords`, (request) => {
      const job = jobOf(request.params.job);
      const unprocessed =
        job.state === 'Aborted' && job.processed === 0
          ? job.uploads.flatMap((upload) => parseCsv(upload, job.dialect).rows)
          : job.unprocessed;
      const header =
        job.header.length > 0 ? job.header : job.uploads[0] ? parseCsv(job.uploads[0], job.dialect).header : [];
      return csvAnswer(writeCsv(header, unprocessed, job.dialect));
    }),
  ];
}

export function csvAnswer(csv: string, headers: Record<string, string> = {}) {
  return { status: 200, body: csv, headers: { 'Content-Type': 'text/csv', ...headers } };
}

/** Bytes of base64 text for `bytes` bytes of data (padded, without line breaks). */
function base64Length(bytes: number): number {
  return Math.ceil(bytes / 3) * 4;
}
