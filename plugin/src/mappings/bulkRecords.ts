// The records of a Bulk API 2.0 upsert and the CSV uploaded for them. Records are read through an
// iterator rather than held as an array, so a deploy of 100,000 identities can keep them on disk
// (spooledWrites.ts) and read them once to upload and once more to match the job's results; a retry
// reads them again. The upload is written to a file, from small flat strings, and sent from there.
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';

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
 * Writes the upload of an ingest job to `path`: the header, then one row per record whose position is
 * in `include` (all when it is undefined). Null values go as #N/A, Bulk API's way to clear a field; an
 * empty value leaves the field as it is.
 */
export async function writeBulkCsv(
  records: BulkRecords,
  include: ReadonlySet<number> | undefined,
  path: string,
): Promise<void> {
  const out = createWriteStream(path, { encoding: 'utf8' });
  const columns = records.columns;
  let rows = [columns.map(csvCell).join(',')];
  const flush = async (): Promise<void> => {
    if (!out.write(`${rows.join('\n')}\n`)) await once(out, 'drain');
    rows = [];
  };
  try {
    let position = 0;
    for await (const record of records.read()) {
      const index = position;
      position += 1;
      if (include !== undefined && !include.has(index)) continue;
      rows.push(columns.map((column) => csvCell(bulkValue(record[column]))).join(','));
      if (rows.length >= ROWS_PER_CHUNK) await flush();
    }
    if (rows.length > 0) await flush();
  } finally {
    await new Promise<void>((resolve, reject) =>
      out.end((error?: Error | null) => (error ? reject(error) : resolve())),
    );
  }
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
