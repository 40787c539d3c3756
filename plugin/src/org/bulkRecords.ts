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

/** RFC 4180: a cell with a comma, quote or line break is quoted, its quotes doubled. */
function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

function bulkValue(value: unknown): string {
  if (value === null) return '#N/A';
  if (value === undefined) return '';
  return String(value);
}
