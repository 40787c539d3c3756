// The few org operations a deploy needs, over a @salesforce/core Connection (jsforce), counting the
// API calls they cost: paged SOQL, sObject Collections upsert, Bulk API 2.0 upsert and composite
// transactions. Each returns per-record results; nothing here decides what to write. Brief outages
// (503, concurrent-request limits, dropped connections, locked rows) are retried with backoff.
import type { Connection } from '@salesforce/core';
import { stringify } from 'csv-stringify/sync';

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
export type OrgConnection = Pick<Connection, 'request' | 'bulk2' | 'version'>;

interface RestRequest {
  method: string;
  url: string;
  body?: string;
  headers?: Record<string, string>;
}

/** sObject Collections take at most 200 records per request. */
export const COLLECTION_SIZE = 200;

/** Attempts per request, and the first pause between them (doubled each time). */
const DEFAULT_ATTEMPTS = 4;
const DEFAULT_BACKOFF_MS = 250;

export class OrgClient {
  /** REST calls made so far (each Bulk API request counts too). */
  public apiCalls = 0;
  private readonly attempts: number;
  private readonly backoffMs: number;

  public constructor(
    private readonly connection: OrgConnection,
    options: { attempts?: number; backoffMs?: number } = {},
  ) {
    this.attempts = options.attempts ?? DEFAULT_ATTEMPTS;
    this.backoffMs = options.backoffMs ?? DEFAULT_BACKOFF_MS;
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

  /** Upserts any number of records by an external id, 200 per request, allOrNone false. */
  public async upsertCollections(
    objectName: string,
    externalIdField: string,
    records: Array<Record<string, unknown>>,
  ): Promise<SaveOutcome[]> {
    const outcomes: SaveOutcome[] = [];
    for (let start = 0; start < records.length; start += COLLECTION_SIZE) {
      outcomes.push(
        ...(await this.upsertChunk(objectName, externalIdField, records.slice(start, start + COLLECTION_SIZE))),
      );
    }
    // Records that failed only because another transaction held a lock are sent again; every other
    // error is final and reported as it is.
    for (let attempt = 1; attempt < this.attempts; attempt += 1) {
      const locked = outcomes.flatMap((outcome, index) =>
        outcome.error?.startsWith('UNABLE_TO_LOCK_ROW') ? [index] : [],
      );
      if (locked.length === 0) break;
      await delay(this.backoffMs * 2 ** (attempt - 1));
      for (let start = 0; start < locked.length; start += COLLECTION_SIZE) {
        const chunk = locked.slice(start, start + COLLECTION_SIZE);
        const results = await this.upsertChunk(
          objectName,
          externalIdField,
          chunk.map((index) => records[index]!),
        );
        chunk.forEach((index, position) => (outcomes[index] = results[position]!));
      }
    }
    return outcomes;
  }

  private async upsertChunk(
    objectName: string,
    externalIdField: string,
    records: Array<Record<string, unknown>>,
  ): Promise<SaveOutcome[]> {
    const results = await this.call<CollectionSaveResult[]>({
      method: 'PATCH',
      url: `${this.base}/composite/sobjects/${objectName}/${externalIdField}`,
      body: JSON.stringify({
        allOrNone: false,
        records: records.map((record) => ({ attributes: { type: objectName }, ...record })),
      }),
      headers: { 'content-type': 'application/json' },
    });
    return results.map(toOutcome);
  }

  /**
   * Upserts through a Bulk API 2.0 ingest job; results are matched back to the input by external id.
   * Null values go as #N/A, Bulk API's way to clear a field (an empty value leaves it as it is).
   */
  public async upsertBulk(
    objectName: string,
    externalIdField: string,
    records: Array<Record<string, unknown>>,
    pollTimeoutMs = 10 * 60_000,
  ): Promise<SaveOutcome[]> {
    const columns = [...new Set(records.flatMap((record) => Object.keys(record)))];
    const csv = stringify(
      records.map((record) => columns.map((column) => bulkValue(record[column]))),
      { header: true, columns, record_delimiter: 'unix' },
    );
    const results = await this.connection.bulk2.loadAndWaitForResults({
      object: objectName,
      operation: 'upsert',
      externalIdFieldName: externalIdField,
      lineEnding: 'LF',
      input: csv,
      pollInterval: 500,
      pollTimeout: pollTimeoutMs,
    });
    // create job, upload, close, at least one poll, three result downloads
    this.apiCalls += 7;
    const byKey = new Map<string, SaveOutcome>();
    for (const row of results.successfulResults as unknown as Array<Record<string, string>>) {
      byKey.set(String(row[externalIdField]), { success: true, id: row.sf__Id!, created: row.sf__Created === 'true' });
    }
    for (const row of results.failedResults as unknown as Array<Record<string, string>>) {
      byKey.set(String(row[externalIdField]), { success: false, error: row.sf__Error ?? 'failed' });
    }
    return records.map(
      (record) =>
        byKey.get(String(record[externalIdField])) ?? {
          success: false,
          error: 'UNPROCESSED: the Bulk API job did not process this record; run the deploy again',
        },
    );
  }

  /**
   * Runs subrequests in one all-or-none transaction (REST composite): used where two writes must
   * happen together or not at all, e.g. a new Lead and the identity that links to it.
   */
  public async compositeTransaction(
    subrequests: Array<{ method: 'POST' | 'PATCH'; url: string; referenceId: string; body: Record<string, unknown> }>,
  ): Promise<Array<{ referenceId: string; httpStatusCode: number; body: unknown }>> {
    const response = await this.call<{
      compositeResponse: Array<{ referenceId: string; httpStatusCode: number; body: unknown }>;
    }>(
      {
        method: 'POST',
        url: `${this.base}/composite`,
        body: JSON.stringify({
          allOrNone: true,
          compositeRequest: subrequests.map((request) => ({ ...request, url: `${this.base}${request.url}` })),
        }),
        headers: { 'content-type': 'application/json' },
      },
      false,
    );
    return response.compositeResponse;
  }

  /**
   * One REST request, retried with backoff when the org answered that it did not process it (503,
   * concurrent-request limit) or, for requests safe to repeat, when the connection dropped. Queries and
   * upserts by external id are safe to repeat; a composite creating Leads is not (`repeatable` false):
   * a dropped connection may hide a commit, and a repeat would create the Leads twice.
   */
  private async call<T>(request: RestRequest, repeatable = true): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      this.apiCalls += 1;
      try {
        return (await this.connection.request<T>(request as Parameters<Connection['request']>[0])) as T;
      } catch (error) {
        const kind = transientKind(error);
        const retry = kind === 'not-processed' || (kind === 'connection' && repeatable);
        if (!retry || attempt >= this.attempts) throw error;
        await delay(this.backoffMs * 2 ** (attempt - 1));
      }
    }
  }
}

function transientKind(error: unknown): 'not-processed' | 'connection' | undefined {
  const { errorCode, code, message } = (error ?? {}) as { errorCode?: string; code?: string; message?: string };
  if (['SERVER_UNAVAILABLE', 'ERROR_HTTP_503', 'REQUEST_LIMIT_EXCEEDED'].includes(errorCode ?? ''))
    return 'not-processed';
  if (
    ['ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ECONNREFUSED', 'UND_ERR_SOCKET'].includes(code ?? '') ||
    /socket hang up|ECONNRESET|other side closed/i.test(message ?? '')
  ) {
    return 'connection';
  }
  return undefined;
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function toOutcome(result: CollectionSaveResult): SaveOutcome {
  if (result.success)
    return { success: true, ...(result.id ? { id: result.id } : {}), created: result.created ?? false };
  return { success: false, error: formatSaveErrors(result.errors ?? []) };
}

export function formatSaveErrors(
  errors: Array<{ statusCode?: string; errorCode?: string; message?: string; fields?: string[] }>,
): string {
  if (errors.length === 0) return 'failed without an error message';
  return errors
    .map(
      (error) =>
        `${error.statusCode ?? error.errorCode ?? 'ERROR'}: ${error.message ?? ''}${error.fields && error.fields.length > 0 ? ` (${error.fields.join(', ')})` : ''}`,
    )
    .join('; ');
}

function bulkValue(value: unknown): string {
  if (value === null) return '#N/A';
  if (value === undefined) return '';
  return String(value);
}

function withoutAttributes<T extends Record<string, unknown>>(record: T): T {
  const { attributes: _attributes, ...rest } = record;
  return rest as T;
}
