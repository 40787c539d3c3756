// The records of a Bulk API 2.0 upsert and the CSV uploaded for them. Records are read through an
// iterator rather than held as an array, so a deploy of 100,000 identities can keep them on disk
// (spooledWrites.ts) and read them once to upload and once more to match the job's results; a retry
// reads them again. The upload is written to a file, from small flat strings, and sent from there; an
// upload larger than Bulk API 2.0 takes is cut into several files, one job each.
import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { join } from 'node:path';

/** Records for a Bulk API job, which can be read more than once, in the same order each time. */
export interface BulkRecords {
  readonly count: number;
  /** Every field any record has: the upload's header. */
  readonly columns: readonly string[];
  read(): AsyncIterable<Record<string, unknown>>;
  /**
   * Every record's value of `field` as text (String(record[field])), in read()'s order: for a reader
   * that needs only the key (matching a job's results by external id), so records kept as JSON text are
   * not parsed whole again (keysOfJsonLines). Without it, the records are read and the field taken.
   */
  readKeys?(field: string): AsyncIterable<string>;
}

/** Every record's value of `field` as text, by readKeys when `records` has it. */
export async function* readKeys(records: BulkRecords, field: string): AsyncGenerator<string> {
  if (records.readKeys !== undefined) {
    yield* records.readKeys(field);
    return;
  }
  for await (const record of records.read()) yield String(record[field]);
}

/** The value of `field` as text of each line, JSON texts of flat records (jsonFieldText). */
export async function* keysOfJsonLines(lines: AsyncIterable<string>, field: string): AsyncGenerator<string> {
  for await (const line of lines) yield jsonFieldText(line, field);
}

/**
 * String(record[field]) of a flat record from its JSON text (JSON.stringify's output), without parsing the
 * rest. In that text a key is the only place `{"field":` or `,"field":` can be: inside a string value a
 * quote is always escaped (\"), so the quote after a `{` or `,` there is a string's end or a key's start,
 * and a string's end is followed by `,` or `}`, never by a name and a colon. A string value without a
 * backslash is taken as it is; anything else is parsed alone. A record without the field gives
 * "undefined", as String(undefined) does.
 */
export function jsonFieldText(json: string, field: string): string {
  const key = `"${field}":`;
  let at = json.startsWith(`{${key}`) ? 1 : json.indexOf(`,${key}`) + 1;
  if (at <= 0) return 'undefined';
  at += key.length;
  if (json.charCodeAt(at) === 34) {
    const close = json.indexOf('"', at + 1);
    const text = json.slice(at + 1, close);
    if (close > at && !text.includes('\\')) return text;
    return String(JSON.parse(json.slice(at, stringEnd(json, at) + 1)));
  }
  let end = at;
  while (end < json.length && json[end] !== ',' && json[end] !== '}') end += 1;
  return String(JSON.parse(json.slice(at, end)));
}

/** The position of the quote that ends the JSON string starting at `open` (a quote). */
function stringEnd(json: string, open: number): number {
  for (let at = open + 1; at < json.length; at += 1) {
    const code = json.charCodeAt(at);
    if (code === 92) at += 1;
    else if (code === 34) return at;
  }
  return json.length - 1;
}

export function recordsInMemory(records: ReadonlyArray<Record<string, unknown>>): BulkRecords {
  const columns = new Set<string>();
  for (const record of records) for (const column of Object.keys(record)) columns.add(column);
  return {
    count: records.length,
    columns: [...columns],
    read: async function* () {
      yield* records;
    },
  };
}

/** Every record, in an array: for a number of records small enough to hold. */
export async function readAllRecords(records: BulkRecords): Promise<Array<Record<string, unknown>>> {
  const all: Array<Record<string, unknown>> = [];
  for await (const record of records.read()) all.push(record);
  return all;
}

/** Rows joined into one string before they are written: large enough to be cheap, small enough to stay young. */
const ROWS_PER_CHUNK = 1000;

/**
 * The most CSV one ingest job takes, in bytes. Salesforce: "A request can provide CSV data that does not
 * in total exceed 150 MB of base64 encoded content. [...] To account for the base64 conversion increase,
 * upload data that does not exceed 100 MB." (Bulk API 2.0 Developer Guide, Upload Job Data,
 * https://developer.salesforce.com/docs/atlas.en-us.api_asynch.meta/api_asynch/upload_job_data.htm).
 * 100,000,000 bytes is below 100 MB whichever megabyte is meant.
 */
export const MAX_UPLOAD_BYTES = 100_000_000;

/** One ingest job's upload: a CSV file with the header and `records` rows. */
export interface CsvUpload {
  path: string;
  records: number;
  bytes: number;
}

/**
 * Writes the uploads of the records whose position is in `include` (all when it is undefined), in
 * record order, into `dir`: one file while the CSV stays within `maxBytes`, then a new file (and job)
 * with the header again, so no upload is larger than Bulk API 2.0 takes. Null values go as #N/A, Bulk
 * API's way to clear a field; an empty value leaves the field as it is.
 */
export async function writeBulkCsv(
  records: BulkRecords,
  include: ReadonlySet<number> | undefined,
  dir: string,
  maxBytes = MAX_UPLOAD_BYTES,
): Promise<CsvUpload[]> {
  const header = `${records.columns.map(csvCell).join(',')}\n`;
  const headerBytes = Buffer.byteLength(header);
  const uploads: CsvUpload[] = [];
  let out: WriteStream | undefined;
  let rows: string[] = [];
  const flush = async (): Promise<void> => {
    if (rows.length > 0 && !out!.write(rows.join(''))) await once(out!, 'drain');
    rows = [];
  };
  const close = async (): Promise<void> => {
    await flush();
    const stream = out;
    out = undefined;
    if (stream !== undefined) {
      await new Promise<void>((resolve, reject) =>
        stream.end((error?: Error | null) => (error ? reject(error) : resolve())),
      );
    }
  };
  const open = (): CsvUpload => {
    const upload = { path: join(dir, `upload-${uploads.length + 1}.csv`), records: 0, bytes: headerBytes };
    uploads.push(upload);
    out = createWriteStream(upload.path, { encoding: 'utf8' });
    rows = [header];
    return upload;
  };
  try {
    let upload = open();
    let position = 0;
    for await (const record of records.read()) {
      const index = position;
      position += 1;
      if (include !== undefined && !include.has(index)) continue;
      const row = `${records.columns.map((column) => csvCell(bulkValue(record[column]))).join(',')}\n`;
      const bytes = Buffer.byteLength(row);
      if (upload.records > 0 && upload.bytes + bytes > maxBytes) {
        await close();
        upload = open();
      }
      rows.push(row);
      upload.records += 1;
      upload.bytes += bytes;
      if (rows.length >= ROWS_PER_CHUNK) await flush();
    }
  } finally {
    await close();
  }
  return uploads;
}

/**
 * An upper bound of the bytes of an upload (as writeBulkCsv writes it) while records are added, from each
 * record's JSON text, which a caller that spools records as JSON has at hand: the upload can then be cut
 * below Bulk API 2.0's limit without rendering the CSV twice. A JSON value is never shorter than its CSV
 * cell: a string is always quoted in JSON and only sometimes in CSV, a quote takes two bytes in both
 * (\" and ""), a line break two in JSON and one in CSV; a number, true, false and null (#N/A) take as
 * many. So a row takes at most the JSON text less its braces and `"key":` parts, plus a comma or line end
 * a column (a column the record lacks is an empty cell).
 */
export class UploadBound {
  /** The upload's columns so far (its header), in the order first seen. */
  public readonly columns = new Set<string>();
  public rows = 0;
  private headerBytes = 0;
  private valueBytes = 0;

  public constructor(columns: Iterable<string> = []) {
    for (const column of columns) this.addColumn(column);
  }

  /** The bound of the upload as it is. */
  public get bytes(): number {
    return this.headerBytes + this.valueBytes + this.rows * this.columns.size;
  }

  /** The bound with `record` added; `jsonBytes` is Buffer.byteLength(JSON.stringify(record)). */
  public with(record: Readonly<Record<string, unknown>>, jsonBytes: number): number {
    let headerBytes = this.headerBytes;
    let columns = this.columns.size;
    for (const key of Object.keys(record)) {
      if (this.columns.has(key)) continue;
      headerBytes += Buffer.byteLength(csvCell(key)) + 1;
      columns += 1;
    }
    return headerBytes + this.valueBytes + valueBytesAtMost(record, jsonBytes) + (this.rows + 1) * columns;
  }

  public add(record: Readonly<Record<string, unknown>>, jsonBytes: number): void {
    for (const key of Object.keys(record)) this.addColumn(key);
    this.valueBytes += valueBytesAtMost(record, jsonBytes);
    this.rows += 1;
  }

  private addColumn(column: string): void {
    if (this.columns.has(column)) return;
    this.columns.add(column);
    this.headerBytes += Buffer.byteLength(csvCell(column)) + 1;
  }
}

/**
 * The bytes a record's values take at most as CSV cells: its JSON text less `{`, `}` and each `"key":`
 * with its comma. A value JSON leaves out (undefined) is an empty cell; one whose text JSON does not give
 * (a Date, an object, a number that is not finite) is counted as the CSV has it.
 */
function valueBytesAtMost(record: Readonly<Record<string, unknown>>, jsonBytes: number): number {
  let bytes = jsonBytes - 1;
  for (const key of Object.keys(record)) {
    const value = record[key];
    if (value === undefined) continue;
    bytes -= Buffer.byteLength(key) + 4;
    const plain =
      value === null ||
      typeof value === 'string' ||
      typeof value === 'boolean' ||
      (typeof value === 'number' && Number.isFinite(value));
    if (!plain) bytes += Buffer.byteLength(csvCell(bulkValue(value)));
  }
  return bytes;
}

/** RFC 4180: a cell with a comma, quote or line break is quoted, its quotes doubled. */
function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

function bulkValue(value: unknown): string {
  if (value === null) return '#N/A';
  if (value === undefined) return '';
  return String(value);
}
