// The few org operations a deploy needs, over a @salesforce/core Connection (jsforce), counting the
// API calls they cost: paged SOQL, sObject Collections upsert, Bulk API 2.0 upsert and composite
// transactions. Each returns per-record results; nothing here decides what to write.
import type { Connection } from '@salesforce/core';
import { stringify } from 'csv-stringify/sync';

export type SObjectRecord = Record<string, unknown> & { Id: string };

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

/** sObject Collections take at most 200 records per request. */
export const COLLECTION_SIZE = 200;

export class OrgClient {
  /** REST calls made so far (each Bulk API request counts too). */
  public apiCalls = 0;

  public constructor(private readonly connection: Connection) {}

  private get base(): string {
    return `/services/data/v${this.connection.getApiVersion()}`;
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

  /** Upserts up to any number of records by an external id, 200 per request, allOrNone false. */
  public async upsertCollections(
    objectName: string,
    externalIdField: string,
    records: Array<Record<string, unknown>>,
  ): Promise<SaveOutcome[]> {
    const outcomes: SaveOutcome[] = [];
    for (let start = 0; start < records.length; start += COLLECTION_SIZE) {
      const chunk = records.slice(start, start + COLLECTION_SIZE);
      const results = await this.call<CollectionSaveResult[]>({
        method: 'PATCH',
        url: `${this.base}/composite/sobjects/${objectName}/${externalIdField}`,
        body: JSON.stringify({
          allOrNone: false,
          records: chunk.map((record) => ({ attributes: { type: objectName }, ...record })),
        }),
        headers: { 'content-type': 'application/json' },
      });
      outcomes.push(...results.map(toOutcome));
    }
    return outcomes;
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
    }>({
      method: 'POST',
      url: `${this.base}/composite`,
      body: JSON.stringify({
        allOrNone: true,
        compositeRequest: subrequests.map((request) => ({ ...request, url: `${this.base}${request.url}` })),
      }),
      headers: { 'content-type': 'application/json' },
    });
    return response.compositeResponse;
  }

  private async call<T>(request: {
    method: string;
    url: string;
    body?: string;
    headers?: Record<string, string>;
  }): Promise<T> {
    this.apiCalls += 1;
    return (await this.connection.request<T>(request as Parameters<Connection['request']>[0])) as T;
  }
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
