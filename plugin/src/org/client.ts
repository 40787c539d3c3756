// The few org operations a deploy needs, over a @salesforce/core Connection (jsforce), counting the
// API calls they cost: paged SOQL (a large scan as a Bulk API 2.0 query job), sObject Collections
// upsert, Bulk API 2.0 upsert and composite transactions. Each returns per-record results; nothing here decides what to write.
// When the org pushes back: brief outages (503, connection resets, the concurrent-request limit,
// locked rows, a Bulk job that fails half-way) are retried with exponential backoff and jitter, a
// bounded number of times; the DAILY API allowance ("TotalRequests Limit exceeded.") is never retried:
// the client stops calling the org, writes not yet sent come back as NOT_ATTEMPTED, and the command
// reports where it stopped and how to resume (every write is an upsert by external id, so a rerun is safe).
import type { Connection } from '@salesforce/core';
import { Readable } from 'node:stream';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  MAX_UPLOAD_BYTES,
  readAllRecords,
  readKeys,
  recordsInMemory,
  writeBulkCsv,
  type BulkRecords,
  type CsvUpload,
} from './bulkRecords.js';
import {
  discard,
  eachCsvRow,
  isExpiredSession,
  sendStreamed,
  sendStreamedWithHeaders,
  streamable,
  type StreamedRequest,
} from './streamedHttp.js';
import {
  DailyLimitError,
  errorCodeOf,
  formatSaveErrors,
  isLockError,
  messageOf,
  NOT_ATTEMPTED,
  subrequestError,
  transientKind,
} from './errors.js';
import {
  BULK_QUERY_CALLS,
  BULK_QUERY_RECORDS_PER_MS,
  BULK_RECORDS_PER_MS,
  COLLECTION_SIZE,
  COMPOSITE_QUERY_OPERATIONS,
} from './limits.js';
import { DEFAULT_PACING, JobPacing, type PacingSettings } from './jobPacing.js';
import { DEFAULT_RETRY, delay, type RetryPause, type RetryPolicy } from './retry.js';
import { CompactOutcomes, OutcomesByKey, type Outcomes } from './saveOutcomes.js';
import { collectGarbage } from '../memory/collectGarbage.js';

export interface SaveOutcome {
  success: boolean;
  id?: string;
  created?: boolean;
  /** A record written with it in the same transaction (the Lead created for an identity). */
  relatedId?: string;
  /** "STATUS_CODE: message (fields)" when it failed. */
  error?: string;
}

interface QueryPage<T> {
  done: boolean;
  totalSize?: number;
  nextRecordsUrl?: string;
  records: T[];
}

interface CollectionSaveResult {
  id?: string;
  success: boolean;
  created?: boolean;
  errors?: Array<{ statusCode?: string; message?: string; fields?: string[] }>;
}

/**
 * What the client needs of a connection: the @salesforce/core Connection a command gets from
 * --target-org is one, and so is a plain jsforce Connection (which it extends), used by tests.
 */
export type OrgConnection = Pick<Connection, 'request' | 'bulk2' | 'version'> &
  Partial<Pick<Connection, 'accessToken' | 'instanceUrl'>>;

interface RestRequest {
  method: string;
  url: string;
  /** A Buffer for a Bulk API upload: it stays outside V8's heap. */
  body?: string | Buffer;
  headers?: Record<string, string>;
}

interface CompositeSubresponse {
  referenceId: string;
  httpStatusCode: number;
  body: unknown;
}

export interface OrgClientOptions {
  retry?: Partial<RetryPolicy>;
  /** When Bulk API job status checks are made (jobPacing.ts); tests shorten the waits. */
  bulkPacing?: Partial<PacingSettings>;
  /** The most CSV bytes one Bulk API job uploads (default: what Salesforce documents, bulkRecords.ts). */
  maxUploadBytes?: number;
  /**
   * A scan (a query whose records go to a sink) with more REST calls left after its first page than a
   * Bulk API 2.0 query job's few goes as a query job; false keeps every read on REST. Default true.
   */
  bulkQueries?: boolean;
  /** For tests: the pause and the jitter source. */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

export class OrgClient {
  /** REST calls made so far (each Bulk API request counts too). */
  public apiCalls = 0;
  /** Scans read by a Bulk API 2.0 query job rather than REST pages. */
  public bulkQueryJobs = 0;
  /** Requests sent again after the org did not process them (or the connection dropped). */
  public retries = 0;
  /** Set once the org refused a call for the daily API allowance: no further call is sent. */
  public dailyLimit?: DailyLimitError;
  /** The pauses taken before retries, in order. */
  public readonly pauses: RetryPause[] = [];
  private readonly retry: RetryPolicy;
  private readonly pacing: JobPacing;
  private readonly maxUploadBytes: number;
  private readonly bulkQueries: boolean;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;
  /** Set once the org refused a chained `@{ref.nextRecordsUrl}` page: later pages go by their own URL. */
  public chainedPagesRefused = false;
  /** A session the org refused to a streamed request (sendLarge); those go through jsforce until it changes. */
  private refusedToken: string | undefined;

  public constructor(
    private readonly connection: OrgConnection,
    options: OrgClientOptions = {},
  ) {
    this.retry = { ...DEFAULT_RETRY, ...options.retry };
    this.pacing = new JobPacing(
      { ...DEFAULT_PACING, ...options.bulkPacing },
      { ingest: BULK_RECORDS_PER_MS, query: BULK_QUERY_RECORDS_PER_MS },
    );
    this.maxUploadBytes = options.maxUploadBytes ?? MAX_UPLOAD_BYTES;
    this.bulkQueries = options.bulkQueries ?? true;
    this.sleep = options.sleep ?? delay;
    this.random = options.random ?? Math.random;
  }

  private get base(): string {
    return `/services/data/v${this.connection.version}`;
  }

  /** Runs a query and follows nextRecordsUrl to the end: no silent cap on the number of records. */
  public async queryAll<T extends Record<string, unknown>>(soql: string): Promise<T[]> {
    const records: T[] = [];
    let page = await this.call<QueryPage<T>>({
      method: 'GET',
      url: `${this.base}/query?q=${encodeURIComponent(soql)}`,
    });
    records.push(...page.records);
    while (!page.done && page.nextRecordsUrl !== undefined) {
      page = await this.call<QueryPage<T>>({ method: 'GET', url: page.nextRecordsUrl });
      records.push(...page.records);
    }
    return records.map(withoutAttributes);
  }

  /**
   * Runs many queries in as few calls as the documented limits allow: a REST composite request
   * carries up to 5 query operations (a query or the next page of one) and counts as one call
   * against the API limit, and the SOQL travels in its body, so the 16,384-byte URI limit does not
   * cap the IN lists. Once a query's first page tells how many records it has, its next pages are
   * chained in one composite through `@{ref.nextRecordsUrl}` references rather than one call each.
   * Returns the records of each query, in the order of `queries`; a query the org refuses fails the
   * call with its error code and queryIndex. A query with a sink hands each record to it as its page
   * arrives and returns none: a scan of every Contact is then never held whole. A query with a sink that
   * `bulkScans` allows (its sink takes values as text: a CSV has no types) and whose first page says that
   * REST pages would cost more calls than a Bulk API 2.0 query job is read by such a job instead
   * (bulkQuery): its first page is dropped, and the job hands the sink every record once.
   */
  public async queryMany<T extends Record<string, unknown>>(
    queries: readonly string[],
    sinks: ReadonlyArray<((record: T) => void) | undefined> = [],
    bulkScans: ReadonlyArray<boolean | undefined> = [],
  ): Promise<T[][]> {
    const results: T[][] = queries.map(() => []);
    const received = queries.map(() => 0);
    // Scans that go on as Bulk API query jobs once every REST read is done: the query and its record count.
    const bulkReads: Array<{ query: number; records: number }> = [];
    // What is left to read: a URL, and how many pages are expected from it on.
    let pending = queries.map((soql, query) => ({
      query,
      url: `${this.base}/query?q=${encodeURIComponent(soql)}`,
      pages: 1,
    }));
    while (pending.length > 0) {
      const slots: Array<{ query: number; chained: boolean }> = [];
      const compositeRequest: Array<{ method: 'GET'; url: string; referenceId: string }> = [];
      while (slots.length < COMPOSITE_QUERY_OPERATIONS && pending.length > 0) {
        const read = pending.shift()!;
        const take = this.chainedPagesRefused ? 1 : Math.min(read.pages, COMPOSITE_QUERY_OPERATIONS - slots.length);
        for (let page = 0; page < take; page += 1) {
          const url = page === 0 ? read.url : `@{page${slots.length - 1}.nextRecordsUrl}`;
          compositeRequest.push({ method: 'GET', url, referenceId: `page${slots.length}` });
          slots.push({ query: read.query, chained: page > 0 });
        }
      }
      // Room left in the call: the last query's next pages go along, in case it has them. A first page
      // does not yet say how many follow; a page past the last fails alone, and costs no call.
      const last = slots.at(-1);
      if (last !== undefined && !last.chained && !this.chainedPagesRefused) {
        while (slots.length < COMPOSITE_QUERY_OPERATIONS) {
          compositeRequest.push({
            method: 'GET',
            url: `@{page${slots.length - 1}.nextRecordsUrl}`,
            referenceId: `page${slots.length}`,
          });
          slots.push({ query: last.query, chained: true });
        }
      }
      const response = await this.call<{ compositeResponse: CompositeSubresponse[] }>({
        method: 'POST',
        url: `${this.base}/composite`,
        body: JSON.stringify({ allOrNone: false, compositeRequest }),
        headers: { 'content-type': 'application/json' },
      });
      const next: typeof pending = [];
      const finished = new Set<number>();
      // The next page's URL of each query as last read in this call, and the queries whose chain broke.
      const nextUrl = new Map<number, string>();
      const broken = new Set<number>();
      response.compositeResponse.forEach((subresponse, index) => {
        const { query, chained } = slots[index]!;
        // A page chained after the query's last one has no URL to follow: nothing is missing.
        if (chained && (finished.has(query) || broken.has(query))) return;
        if (subresponse.httpStatusCode >= 400) {
          // No documented example uses a reference as a subrequest's whole url: an org may refuse it.
          // Then the page is read by its own URL in the next call, and this client chains no more.
          const url = nextUrl.get(query);
          if (!chained || url === undefined) throw subrequestError(subresponse, query);
          this.chainedPagesRefused = true;
          broken.add(query);
          next.push({ query, url, pages: 1 });
          return;
        }
        const page = subresponse.body as QueryPage<T>;
        const sink = sinks[query];
        if (sink !== undefined && bulkScans[query] === true && !chained && this.readByBulkQuery(page)) {
          // Nothing of the page goes to the sink (the job reads it again), nor its chained pages.
          finished.add(query);
          bulkReads.push({ query, records: page.totalSize ?? 0 });
          return;
        }
        const records = results[query]!;
        for (const record of page.records) {
          if (sink === undefined) records.push(withoutAttributes(record));
          else sink(withoutAttributes(record));
        }
        received[query] = received[query]! + page.records.length;
        if (page.done || page.nextRecordsUrl === undefined) {
          finished.add(query);
          return;
        }
        nextUrl.set(query, page.nextRecordsUrl);
        const chainGoesOn = slots[index + 1]?.query === query && slots[index + 1]?.chained === true;
        if (chainGoesOn) return;
        const remaining = (page.totalSize ?? 0) - received[query]!;
        const pages = Math.max(1, Math.ceil(remaining / Math.max(1, page.records.length)));
        next.push({ query, url: page.nextRecordsUrl, pages });
      });
      // Chains go first, so a long query advances in every call while other queries fill the rest.
      pending = [...next, ...pending];
    }
    for (const { query, records } of bulkReads) {
      const sink = sinks[query]!;
      await this.bulkQuery(queries[query]!, (record) => sink(record as T), records).catch((error: unknown) => {
        throw error instanceof DailyLimitError ? error : Object.assign(asError(error), { queryIndex: query });
      });
    }
    return results;
  }

  /**
   * Whether a scan whose first page this is goes on as a Bulk API 2.0 query job: when the REST pages
   * left would take more calls (5 operations a composite call) than a query job's 3 (limits.ts), and the
   * job's results can be streamed (a session and no proxy: jsforce does not hand back Sforce-Locator).
   */
  private readByBulkQuery(page: QueryPage<unknown>): boolean {
    if (!this.bulkQueries || page.done || page.nextRecordsUrl === undefined || page.records.length === 0) return false;
    const session = { accessToken: this.connection.accessToken, instanceUrl: this.connection.instanceUrl };
    if (!streamable(session) || session.accessToken === this.refusedToken) return false;
    const remaining = (page.totalSize ?? 0) - page.records.length;
    return Math.ceil(remaining / page.records.length / COMPOSITE_QUERY_OPERATIONS) > BULK_QUERY_CALLS;
  }

  /**
   * Reads a query through a Bulk API 2.0 query job (create, wait for JobComplete, read the CSV results
   * set by set) and hands `onRecord` each record as its row arrives: nothing is held whole. Values come
   * as the CSV has them (text), an empty cell as null: Bulk API writes a null as an empty cell, and a
   * text field holds no empty string. Fields only: a relationship's field would come as a column
   * "Account.Name", not nested as REST gives it. `records` (how many the query has) sets the first wait and the records asked for in a set.
   */
  public async bulkQuery(
    soql: string,
    onRecord: (record: Record<string, unknown>) => void,
    records = 0,
    pollTimeoutMs = 10 * 60_000,
  ): Promise<void> {
    const jobs = `${this.base}/jobs/query`;
    // A repeated create after a dropped connection makes a second job, which is only read or left alone.
    const created = await this.call<{ id: string }>({
      method: 'POST',
      url: jobs,
      body: JSON.stringify({
        operation: 'query',
        query: soql,
        contentType: 'CSV',
        columnDelimiter: 'COMMA',
        lineEnding: 'LF',
      }),
      headers: { 'content-type': 'application/json' },
    });
    this.bulkQueryJobs += 1;
    const info = await this.waitForJob(`${jobs}/${created.id}`, 'query', records, pollTimeoutMs);
    if (info.state !== 'JobComplete') {
      throw Object.assign(
        new Error(
          `Bulk API query job ${created.id} ended ${info.state}${info.errorMessage ? `: ${info.errorMessage}` : ''}`,
        ),
        { errorCode: 'BULK_QUERY_FAILED' },
      );
    }
    await this.readQueryResults(`${jobs}/${created.id}`, records, (row) => {
      const record: Record<string, unknown> = {};
      for (const name in row) record[name] = row[name] === '' ? null : row[name];
      onRecord(record);
    });
  }

  /**
   * Reads a query job's results set by set: each answer's Sforce-Locator names the next set, "null" after
   * the last (Get Results for a Query Job). maxRecords asks for the `expected` records in one set, as the
   * guide has a client do ("specify the maximum number of records your client is expecting to receive");
   * without it the org's default decides, which the guide does not give, and each further set is a call.
   * The org may still end a set sooner (a set "is still subject to the size limits"), and the client
   * follows the locator to the last whatever the sets hold. A set is streamed, row by row, so a large one
   * costs no memory. A set whose answer broke off is asked for again (a locator names the same set as
   * long as the job exists), and the rows of it already handed on are skipped. An expired session is
   * renewed by a status request through jsforce, and the set asked for again with the new one.
   */
  private async readQueryResults(
    job: string,
    expected: number,
    onRow: (row: Record<string, string>) => void,
  ): Promise<void> {
    const maxRecords = expected > 0 ? `maxRecords=${Math.ceil(expected)}` : '';
    let locator: string | undefined;
    do {
      const parameters = [...(locator === undefined ? [] : [`locator=${encodeURIComponent(locator)}`]), maxRecords];
      const query = parameters.filter((parameter) => parameter !== '').join('&');
      const url = `${job}/results${query === '' ? '' : `?${query}`}`;
      let handedOn = 0;
      const readSet = (): Promise<string | undefined> =>
        this.attempt(true, async () => {
          const session = { accessToken: this.connection.accessToken, instanceUrl: this.connection.instanceUrl };
          if (!streamable(session)) throw new Error('a Bulk API query needs a session to stream its results');
          const { body, headers } = await sendStreamedWithHeaders(session, { method: 'GET', url });
          let row = 0;
          await eachCsvRow(body, (values) => {
            row += 1;
            if (row <= handedOn) return;
            handedOn = row;
            onRow(values);
          });
          const next = headers.get('sforce-locator');
          return next === null || next === '' || next === 'null' ? undefined : next;
        });
      try {
        locator = await readSet();
      } catch (error) {
        if (!isExpiredSession(error)) throw error;
        await this.call({ method: 'GET', url: job });
        locator = await readSet();
      }
    } while (locator !== undefined);
  }

  /**
   * Asks for a Bulk API job's state until it is final. Each check is an API call: they come when the
   * job's size and the org's pace say it should be done (jobPacing.ts), so a large job is not asked
   * about every few seconds. `kind` names the jobs that share a pace ("ingest Contact", "query").
   */
  private async waitForJob(url: string, kind: string, records: number, pollTimeoutMs: number): Promise<BulkJobInfo> {
    const wait = this.pacing.start(kind, records);
    for (;;) {
      await this.sleep(wait.next);
      const info = await this.call<BulkJobInfo>({ method: 'GET', url });
      if (info.state === 'JobComplete' || info.state === 'Failed' || info.state === 'Aborted') {
        if (info.state === 'JobComplete') this.pacing.finished(kind, wait);
        return info;
      }
      if (Date.now() - wait.startedAt > pollTimeoutMs) {
        throw Object.assign(
          new Error(`Bulk API job ${info.id} was still ${info.state} after ${Math.round(pollTimeoutMs / 1000)} s`),
          { code: 'ETIMEDOUT' },
        );
      }
      this.pacing.checked(kind, wait, info.numberRecordsProcessed);
    }
  }

  /**
   * Upserts by an external id the way a load of this size goes: sObject Collections up to
   * `bulkThreshold` records, one Bulk API 2.0 job above it.
   */
  public async upsert(
    objectName: string,
    externalIdField: string,
    records: ReadonlyArray<Record<string, unknown>> | BulkRecords,
    bulkThreshold: number,
  ): Promise<{ outcomes: Outcomes; usedBulk: boolean }> {
    const count = isBulkRecords(records) ? records.count : records.length;
    if (count > bulkThreshold) {
      return { outcomes: await this.upsertBulk(objectName, externalIdField, records), usedBulk: true };
    }
    // At most the threshold's number of records: small enough to hold.
    const held = isBulkRecords(records) ? await readAllRecords(records) : records;
    return { outcomes: await this.upsertCollections(objectName, externalIdField, held), usedBulk: false };
  }

  /**
   * Upserts any number of records by an external id, 200 per request, allOrNone false. Never throws for
   * what the org did to a request: a request that still failed after its retries fails its records
   * (with the reason), and after the daily limit every record not sent is NOT_ATTEMPTED.
   */
  public async upsertCollections(
    objectName: string,
    externalIdField: string,
    records: ReadonlyArray<Record<string, unknown>>,
  ): Promise<SaveOutcome[]> {
    return this.collectionsWithLockRetries(records, (chunk) => this.upsertChunk(objectName, externalIdField, chunk));
  }

  /**
   * Writes `records` 200 a request with `writeChunk`. Records that failed only because another
   * transaction held a lock are sent again; every other error is final and reported as it is.
   */
  private async collectionsWithLockRetries<R extends Record<string, unknown>>(
    records: readonly R[],
    writeChunk: (chunk: R[]) => Promise<SaveOutcome[]>,
  ): Promise<SaveOutcome[]> {
    const outcomes: SaveOutcome[] = [];
    for (let start = 0; start < records.length; start += COLLECTION_SIZE) {
      outcomes.push(...(await writeChunk(records.slice(start, start + COLLECTION_SIZE))));
    }
    for (let attempt = 1; attempt < this.retry.attempts; attempt += 1) {
      const locked = outcomes.flatMap((outcome, index) => (isLockError(outcome.error) ? [index] : []));
      if (locked.length === 0 || this.dailyLimit) break;
      await this.pause(attempt, 'UNABLE_TO_LOCK_ROW', false);
      for (let start = 0; start < locked.length; start += COLLECTION_SIZE) {
        const chunk = locked.slice(start, start + COLLECTION_SIZE);
        const results = await writeChunk(chunk.map((index) => records[index]!));
        // A retry the daily limit stopped keeps the lock error: the record may still be sent by a rerun.
        chunk.forEach((index, position) => {
          const result = results[position]!;
          if (!result.error?.startsWith(NOT_ATTEMPTED)) outcomes[index] = result;
        });
      }
    }
    return outcomes;
  }

  private async upsertChunk(
    objectName: string,
    externalIdField: string,
    records: Array<Record<string, unknown>>,
  ): Promise<SaveOutcome[]> {
    return this.writeChunk(`${this.base}/composite/sobjects/${objectName}/${externalIdField}`, objectName, records);
  }

  /** One sObject Collections write (PATCH, allOrNone false); a request that failed as a whole fails each record. */
  private async writeChunk(
    url: string,
    objectName: string,
    records: ReadonlyArray<Record<string, unknown>>,
  ): Promise<SaveOutcome[]> {
    try {
      const results = await this.call<CollectionSaveResult[]>({
        method: 'PATCH',
        url,
        body: JSON.stringify({
          allOrNone: false,
          records: records.map((record) => ({ attributes: { type: objectName }, ...record })),
        }),
        headers: { 'content-type': 'application/json' },
      });
      return results.map(toOutcome);
    } catch (error) {
      return records.map(() => this.requestFailed(error));
    }
  }

  /**
   * Upserts through Bulk API 2.0 ingest jobs; results are matched back to the input by external id.
   * Null values go as #N/A, Bulk API's way to clear a field (an empty value leaves it as it is).
   * Records a job did not settle (it failed half-way, or it left them unprocessed) and records that
   * failed on a locked row go again in a new job, after a pause, a bounded number of times; whatever is
   * still unsettled then is reported failed with the reason, never dropped.
   */
  public async upsertBulk(
    objectName: string,
    externalIdField: string,
    records: ReadonlyArray<Record<string, unknown>> | BulkRecords,
    pollTimeoutMs = 10 * 60_000,
  ): Promise<CompactOutcomes> {
    const source = isBulkRecords(records) ? records : recordsInMemory(records);
    // Held until every row is reported: compact, a flag and an id a record (saveOutcomes.ts).
    const outcomes = new CompactOutcomes(source.count);
    // Positions still to settle; undefined: all of them (the first job), so no set of every position is held.
    let pending: Set<number> | undefined;
    let lastError = new Map<number, string>();
    // Why the last job could not be run at all: the reason of every record it was to carry.
    let jobError: string | undefined;
    for (let attempt = 1; (pending?.size ?? source.count) > 0 && attempt <= this.retry.attempts; attempt += 1) {
      if (attempt > 1) await this.pause(attempt - 1, 'Bulk API job did not settle every record', false);
      // Each job's records are read again, as soon as its results are in, to match each to its result by
      // external id (the jobs take the records in order, each the next `records` of them); the job's
      // results are then let go, so no more than one job's are held (some 25 MB for 500,000 records).
      const next = new Set<number>();
      const nextError = new Map<number, string>();
      // Only the external ids are read back (readKeys): records kept as JSON text are not parsed whole.
      const reader = readKeys(source, externalIdField)[Symbol.asyncIterator]();
      let index = -1;
      const settle = async (job: BulkJobOutcome): Promise<void> => {
        for (let inJob = 0; inJob < job.records;) {
          const step = await reader.next();
          if (step.done === true) break;
          index += 1;
          if (pending !== undefined && !pending.has(index)) continue;
          inJob += 1;
          const settled = job.byKey.get(step.value);
          if (settled?.success || (settled && !isLockError(settled.error))) {
            outcomes.set(index, settled);
          } else {
            next.add(index);
            nextError.set(
              index,
              settled?.error ??
                `UNPROCESSED: Bulk API job ${job.id} ended ${job.state}${job.errorMessage ? ` (${job.errorMessage})` : ''} without processing this record`,
            );
          }
        }
      };
      try {
        await this.runIngestJobs(objectName, externalIdField, source, pending, pollTimeoutMs, settle);
      } catch (error) {
        if (error instanceof DailyLimitError || transientKind(error) === undefined) {
          for (const position of positions(source.count, pending)) outcomes.set(position, this.requestFailed(error));
          return outcomes;
        }
        // The job could not be run (the org kept refusing or dropping the calls): try a new one.
        jobError = `the Bulk API job could not be run: ${messageOf(error)}`;
        lastError = new Map();
        continue;
      } finally {
        await reader.return?.(undefined);
      }
      pending = next;
      lastError = nextError;
      jobError = undefined;
    }
    for (const index of positions(source.count, pending)) {
      outcomes.set(index, {
        success: false,
        error: `${lastError.get(index) ?? jobError ?? 'UNPROCESSED: the Bulk API job did not process this record'}; run the command again`,
      });
    }
    return outcomes;
  }

  /**
   * The ingest jobs for the records at the positions `include` (all when undefined): one, or as many as
   * keep each upload within what Bulk API 2.0 takes, one after another. Each: create, upload, close,
   * wait, read the results, hand them to `settle`. Each call is retried like any other; a job whose
   * upload did not arrive whole is aborted and the error thrown, so the caller starts anew.
   */
  private async runIngestJobs(
    objectName: string,
    externalIdField: string,
    records: BulkRecords,
    include: ReadonlySet<number> | undefined,
    pollTimeoutMs: number,
    settle: (job: BulkJobOutcome) => Promise<void>,
  ): Promise<void> {
    const dir = await mkdtemp(join(tmpdir(), 'social-bulk-'));
    try {
      for (const upload of await writeBulkCsv(records, include, dir, this.maxUploadBytes)) {
        const job = await this.ingest(objectName, externalIdField, upload, pollTimeoutMs);
        await rm(upload.path, { force: true });
        await settle({ ...job, records: upload.records });
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  private async ingest(
    objectName: string,
    externalIdField: string,
    upload: CsvUpload,
    pollTimeoutMs: number,
  ): Promise<Omit<BulkJobOutcome, 'records'>> {
    const { path: csv, records: recordCount } = upload;
    const jobs = `${this.base}/jobs/ingest`;
    const json = { 'content-type': 'application/json' };
    const created = await this.call<{ id: string }>({
      method: 'POST',
      url: jobs,
      body: JSON.stringify({
        object: objectName,
        operation: 'upsert',
        externalIdFieldName: externalIdField,
        contentType: 'CSV',
        lineEnding: 'LF',
        columnDelimiter: 'COMMA',
      }),
      headers: json,
    });
    const id = created.id;
    try {
      // Not repeated on a dropped connection: the data may have arrived, and a second upload would double it.
      await this.sendLarge(
        { method: 'PUT', url: `${jobs}/${id}/batches`, body: () => createReadStream(csv), contentType: 'text/csv' },
        false,
        discard,
      );
      // A large upload's chunks (up to 100 MB, outside V8's heap) are garbage now, but little is allocated
      // while the job runs, so V8 kept them until the results were read, on top of those: 15 MB more at
      // the peak of a 600,000-identity deploy's write stage. A collection costs 100-200 ms (collectGarbage.ts).
      if (upload.bytes >= COLLECT_AFTER_UPLOAD_BYTES) collectGarbage();
      await this.call({
        method: 'PATCH',
        url: `${jobs}/${id}`,
        body: JSON.stringify({ state: 'UploadComplete' }),
        headers: json,
      });
    } catch (error) {
      if (error instanceof DailyLimitError) throw error;
      // A close whose answer was lost may still have closed the job (its retry then gets 409): if the
      // job is closed, wait for it; if it is still open, abort it and let the caller start a new one.
      const info = await this.call<BulkJobInfo>({ method: 'GET', url: `${jobs}/${id}` }).catch(() => undefined);
      if (info === undefined || info.state === 'Open') {
        await this.call({ method: 'PATCH', url: `${jobs}/${id}`, body: '{"state":"Aborted"}', headers: json }).catch(
          () => undefined,
        );
        throw error;
      }
      if (info.state === 'Aborted') throw error;
    }

    const info = await this.waitForJob(`${jobs}/${id}`, `ingest ${objectName}`, recordCount, pollTimeoutMs);

    // Held compactly (keys and ids as bytes), since a job takes up to 100 MB of records.
    const byKey = new OutcomesByKey(recordCount);
    // Result files are read row by row, and only the columns that settle a record are kept: a result
    // file repeats every uploaded column.
    const results = (name: string, settle: (row: Record<string, string>) => SaveOutcome): Promise<void> =>
      this.sendLarge({ method: 'GET', url: `${jobs}/${id}/${name}` }, true, (body) =>
        eachCsvRow(body, (row) => byKey.set(String(row[externalIdField]), settle(row))),
      );
    await results('successfulResults', (row) => ({
      success: true,
      id: row.sf__Id!,
      created: row.sf__Created === 'true',
    }));
    await results('failedResults', (row) => ({
      success: false,
      error: detached(row.sf__Error || 'failed without an error'),
    }));
    return { id, state: info.state, ...(info.errorMessage ? { errorMessage: info.errorMessage } : {}), byKey };
  }

  /**
   * Updates records by Id, 200 per request (sObject Collections PATCH), allOrNone false, locked rows
   * sent again as upsertCollections does. It never throws for what the org did to a request: each record
   * gets its outcome. Safe to repeat on a dropped connection: writing the same values by Id again
   * changes nothing more.
   */
  public async updateCollections(
    objectName: string,
    records: ReadonlyArray<Record<string, unknown> & { Id: string }>,
  ): Promise<SaveOutcome[]> {
    return this.collectionsWithLockRetries(records, (chunk) =>
      this.writeChunk(`${this.base}/composite/sobjects`, objectName, chunk),
    );
  }

  /**
   * Deletes records by id, 200 per request (sObject Collections DELETE, allOrNone false), one outcome
   * per id in order. Repeating a delete is harmless (the second says ENTITY_IS_DELETED), so a dropped
   * connection is retried like an upsert; what still fails fails its records, with the reason.
   */
  public async deleteCollections(ids: readonly string[]): Promise<SaveOutcome[]> {
    const outcomes: SaveOutcome[] = [];
    for (let start = 0; start < ids.length; start += COLLECTION_SIZE) {
      const chunk = ids.slice(start, start + COLLECTION_SIZE);
      try {
        const results = await this.call<CollectionSaveResult[]>({
          method: 'DELETE',
          url: `${this.base}/composite/sobjects?allOrNone=false&ids=${chunk.map(encodeURIComponent).join(',')}`,
        });
        outcomes.push(...results.map(toOutcome));
      } catch (error) {
        outcomes.push(...chunk.map(() => this.requestFailed(error)));
      }
    }
    return outcomes;
  }

  /**
   * Runs up to 25 independent subrequests in one call (REST composite, allOrNone false), each with its
   * own httpHeaders (e.g. If-Unmodified-Since for a conditional update), and returns each one's answer
   * in order. The caller must make its subrequests safe to repeat: a dropped connection sends them again.
   */
  public async compositeEach(
    subrequests: ReadonlyArray<{
      method: 'GET' | 'PATCH' | 'POST';
      url: string;
      referenceId: string;
      body?: Record<string, unknown>;
      httpHeaders?: Record<string, string>;
    }>,
  ): Promise<Array<{ referenceId: string; httpStatusCode: number; body: unknown }>> {
    return (await this.composite(subrequests, false, true)).compositeResponse;
  }

  /** One REST composite request; subrequest URLs are given below /services/data/vXX.X. */
  private composite(
    subrequests: ReadonlyArray<{ url: string }>,
    allOrNone: boolean,
    repeatable: boolean,
  ): Promise<{ compositeResponse: CompositeSubresponse[] }> {
    return this.call(
      {
        method: 'POST',
        url: `${this.base}/composite`,
        body: JSON.stringify({
          allOrNone,
          compositeRequest: subrequests.map((request) => ({ ...request, url: `${this.base}${request.url}` })),
        }),
        headers: { 'content-type': 'application/json' },
      },
      repeatable,
    );
  }

  /**
   * Runs subrequests in one all-or-none transaction (REST composite), for writes that must happen
   * together or not at all. Never retried after a dropped connection: it may have committed.
   */
  public async compositeTransaction(
    subrequests: Array<{ method: 'POST' | 'PATCH'; url: string; referenceId: string; body: Record<string, unknown> }>,
  ): Promise<Array<{ referenceId: string; httpStatusCode: number; body: unknown }>> {
    const response = await this.composite(subrequests, true, false).catch((error: unknown) => {
      // The caller reports the error on every record of the transaction: say they were not sent.
      throw error instanceof DailyLimitError ? new Error(error.notAttempted) : error;
    });
    return response.compositeResponse;
  }

  /** One REST request through the connection (jsforce), retried as `attempt` says. */
  private async call<T>(request: RestRequest, repeatable = true, options: { responseType?: string } = {}): Promise<T> {
    return this.attempt(repeatable, () => {
      // A fresh copy each time: the connection rewrites the headers it is given (lowercased, plus its own
      // Authorization), and sending that object again would carry the token twice and be refused (401).
      const attemptRequest = { ...request, ...(request.headers ? { headers: { ...request.headers } } : {}) };
      return this.connection.request<T>(attemptRequest as Parameters<Connection['request']>[0], {
        ...options,
        retry: { maxRetries: 0 },
      }) as Promise<T>;
    });
  }

  /**
   * A request with a large body or answer (streamedHttp.ts), retried like any other: `use` reads the
   * answer and is part of the attempt, so an answer cut off half-way is asked for again. Without a
   * session to send it with (a session that expired, a connection that has none), or behind a proxy,
   * it goes through jsforce, which refreshes the session and uses the proxy, and holds the body and
   * answer in memory.
   */
  private async sendLarge(
    request: StreamedRequest,
    repeatable: boolean,
    use: (body: Readable) => Promise<void>,
  ): Promise<void> {
    const session = { accessToken: this.connection.accessToken, instanceUrl: this.connection.instanceUrl };
    if (streamable(session) && session.accessToken !== this.refusedToken) {
      try {
        return await this.attempt(repeatable, async () => use(await sendStreamed(session, request)));
      } catch (error) {
        if (!isExpiredSession(error)) throw error;
        // Not tried again with this session: jsforce refreshes it, and the next request uses the new one.
        this.refusedToken = session.accessToken;
      }
    }
    const body = request.body ? await buffered(request.body()) : undefined;
    const answer = await this.call<string>(
      {
        method: request.method,
        url: request.url,
        ...(body ? { body } : {}),
        ...(request.contentType ? { headers: { 'content-type': request.contentType } } : {}),
      },
      repeatable,
      { responseType: 'text/plain' },
    );
    await use(Readable.from([String(answer ?? '')]));
  }

  /**
   * Sends a request, retried with backoff when the org answered that it did not process it (503,
   * concurrent-request limit) or, for requests safe to repeat, when the connection dropped. Queries and
   * upserts by external id are safe to repeat; a composite creating Leads is not (`repeatable` false):
   * a dropped connection may hide a commit, and a repeat would create the Leads twice. The daily limit
   * is not retried: it throws DailyLimitError, and every later call throws it without reaching the org.
   * jsforce's own retries are off, so this is the one place that decides, and counts, what is sent.
   */
  private async attempt<T>(repeatable: boolean, send: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      if (this.dailyLimit) throw this.dailyLimit;
      this.apiCalls += 1;
      try {
        return await send();
      } catch (error) {
        const kind = transientKind(error);
        if (kind === 'daily-limit') {
          this.dailyLimit = new DailyLimitError(messageOf(error), this.usage());
          throw this.dailyLimit;
        }
        const retry = kind === 'not-processed' || kind === 'concurrent-limit' || (kind === 'connection' && repeatable);
        if (!retry || attempt >= this.retry.attempts) throw error;
        this.retries += 1;
        await this.pause(attempt, `${errorCodeOf(error) ?? kind}: ${messageOf(error)}`, kind === 'concurrent-limit');
      }
    }
  }

  /** Waits before retry `attempt` (1 = the first retry): exponential, with jitter, capped. */
  private async pause(attempt: number, reason: string, concurrentLimit: boolean): Promise<void> {
    const ceiling = Math.min(
      this.retry.capMs,
      this.retry.baseMs * 2 ** (attempt - 1) * (concurrentLimit ? this.retry.limitFactor : 1),
    );
    const ms = Math.round(ceiling / 2 + (this.random() * ceiling) / 2);
    this.pauses.push({ attempt, ms, reason });
    await this.sleep(ms);
  }

  /** The org's API usage as its last answer reported it (Sforce-Limit-Info, read by jsforce). */
  private usage(): { used: number; max: number } | undefined {
    const info = (this.connection as { limitInfo?: { apiUsage?: { used: number; limit: number } } }).limitInfo;
    return info?.apiUsage ? { used: info.apiUsage.used, max: info.apiUsage.limit } : undefined;
  }

  /** The outcome of a record whose request failed as a whole. */
  private requestFailed(error: unknown): SaveOutcome {
    if (error instanceof DailyLimitError) return { success: false, error: error.notAttempted };
    if (transientKind(error) === undefined) throw error;
    return {
      success: false,
      error: `${errorCodeOf(error) ?? 'REQUEST_FAILED'}: ${messageOf(error)} (after ${this.retry.attempts} attempts); run the command again`,
    };
  }
}

/** Uploads at least this large are followed by a full collection. */
const COLLECT_AFTER_UPLOAD_BYTES = 32 * 1024 * 1024;

interface BulkJobInfo {
  id: string;
  state: 'Open' | 'UploadComplete' | 'InProgress' | 'JobComplete' | 'Failed' | 'Aborted';
  errorMessage?: string;
  /** In a full job info (Get Job Info): "the number of records already processed". */
  numberRecordsProcessed?: number;
}

interface BulkJobOutcome {
  id: string;
  state: BulkJobInfo['state'];
  errorMessage?: string;
  /** What the job's result files say, by external id; a record in neither file was not settled. */
  byKey: OutcomesByKey;
  /** How many records the job's upload carried. */
  records: number;
}

function toOutcome(result: CollectionSaveResult): SaveOutcome {
  if (result.success)
    return { success: true, ...(result.id ? { id: result.id } : {}), created: result.created ?? false };
  return { success: false, error: formatSaveErrors(result.errors ?? []) };
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

function withoutAttributes<T extends Record<string, unknown>>(record: T): T {
  const { attributes: _attributes, ...rest } = record;
  return rest as T;
}

async function buffered(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks);
}

function isBulkRecords(records: ReadonlyArray<Record<string, unknown>> | BulkRecords): records is BulkRecords {
  return !Array.isArray(records);
}

/** The positions `pending` names, or all of 0..count-1 when it is undefined. */
function* positions(count: number, pending: ReadonlySet<number> | undefined): Iterable<number> {
  if (pending !== undefined) yield* pending;
  else for (let index = 0; index < count; index += 1) yield index;
}

/**
 * A copy of a value cut from a result file's text that does not keep that text alive (errors; keys and
 * ids go into bytes). The CSV reader hands out substrings, which V8 makes as views of the chunk they were
 * cut from (for 13 characters and more): one kept external id or record id kept its whole 64 KB chunk,
 * so a job's outcomes held the whole result file (100,000 rows: 52 against 19 MB of heap in a test of
 * that alone; peak RSS of a 100,000-row import 445 against 312 MB).
 */
function detached(text: string): string {
  return Buffer.from(text, 'utf8').toString('utf8');
}
