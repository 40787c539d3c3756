// Streams a CSV export (a listening tool's authors or profiles report) into rows keyed by identity
// attribute. Handles a UTF-8 BOM, CRLF, quoted newlines and quotes. A row with a different number of
// fields than the header stops the read: the columns after it cannot be trusted, so nothing is written.
// So does a file that is not UTF-8 or a record over MAX_ROW_BYTES (see encoding.ts for why).
import { createReadStream } from 'node:fs';
import { parse, type CsvError } from 'csv-parse';
import { MappingError } from '../problem.js';
import { controlCharacterReason, MAX_ROW_BYTES, Utf8Guard } from './encoding.js';
import { LineTracker } from './lineTracker.js';
import type { ReadResult } from './row.js';

export interface CsvSourceOptions {
  source: string;
  /** Absolute path to read. */
  path: string;
  /** Path shown in problems and results. */
  displayPath: string;
  /** Identity attribute -> column header. */
  columns: Record<string, string>;
  delimiter?: string;
}

export async function* readCsvSource(options: CsvSourceOptions): AsyncGenerator<ReadResult> {
  const tracker = new LineTracker();
  const parser = parse({
    bom: true,
    info: true,
    delimiter: options.delimiter ?? ',',
    record_delimiter: ['\r\n', '\n', '\r'],
    skip_empty_lines: true,
    relax_column_count: true,
    max_record_size: MAX_ROW_BYTES,
  });
  const input = createReadStream(options.path);
  const guard = new Utf8Guard(options.displayPath);
  input.on('error', (error) => parser.destroy(error));
  guard.on('error', (error) => parser.destroy(error));
  input.pipe(guard).pipe(tracker).pipe(parser);

  let header: string[] | undefined;
  let indexes: Array<[attribute: string, index: number]> = [];
  let previousEnd = 0;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { bytes: number } }>) {
      const line = tracker.lineOfRecordAt(previousEnd);
      previousEnd = info.bytes;
      if (header === undefined) {
        header = record.map((name) => name.trim());
        indexes = resolveColumns(options, header);
        continue;
      }
      if (record.length !== header.length) {
        throw new MappingError('MalformedSource', [
          {
            file: options.displayPath,
            line,
            message: `this row has ${record.length} field${record.length === 1 ? '' : 's'} but the header has ${header.length}; fix the row (a missing delimiter, or an unquoted value containing "${options.delimiter ?? ','}") and run again. Nothing was written.`,
          },
        ]);
      }
      const values: Record<string, string> = {};
      for (const [attribute, index] of indexes) {
        const value = record[index]!.trim();
        if (value !== '') values[attribute] = value;
      }
      const origin = { source: options.source, file: options.displayPath, line };
      const control = controlCharacterReason(values);
      if (control !== undefined) {
        yield { kind: 'rejected', rejected: { origin, values, reason: control } };
        continue;
      }
      yield { kind: 'row', row: { origin, values } };
    }
  } catch (error) {
    if (error instanceof MappingError) throw error;
    const csvError = error as Omit<CsvError, 'code'> & { lines?: number; code?: string };
    if (csvError.code === 'ENOENT' || csvError.code === 'EACCES' || csvError.code === 'EISDIR') {
      throw new MappingError('SourceNotFound', [
        {
          file: options.displayPath,
          message: `cannot read this source file (${csvError.code}); check the file: path, which is relative to the mapping file`,
        },
      ]);
    }
    if (csvError.code === 'CSV_MAX_RECORD_SIZE') {
      throw new MappingError('MalformedSource', [
        {
          file: options.displayPath,
          line: tracker.lineOfRecordAt(previousEnd),
          message: `the row starting on this line is longer than ${MAX_ROW_BYTES} characters, the most a row may have; usually a quote that is never closed, so check the quotes from this line on. Nothing was written.`,
        },
      ]);
    }
    throw new MappingError('MalformedSource', [
      {
        file: options.displayPath,
        line: csvError.lines,
        message: `${csvError.message}; check the quotes on this line (a quote inside a quoted value is written twice: "")`,
      },
    ]);
  } finally {
    input.destroy();
    guard.destroy();
  }
  if (header === undefined) {
    throw new MappingError('MalformedSource', [
      { file: options.displayPath, line: 1, message: 'the file is empty; its first line must be the header row' },
    ]);
  }
}

function resolveColumns(options: CsvSourceOptions, header: string[]): Array<[string, number]> {
  const missing: string[] = [];
  const indexes: Array<[string, number]> = [];
  for (const [attribute, column] of Object.entries(options.columns)) {
    const index = header.findIndex((name) => name === column.trim());
    const loose = index >= 0 ? index : header.findIndex((name) => name.toLowerCase() === column.trim().toLowerCase());
    if (loose < 0) missing.push(`${attribute}: ${column}`);
    else indexes.push([attribute, loose]);
  }
  if (missing.length > 0) {
    throw new MappingError('MalformedSource', [
      {
        file: options.displayPath,
        line: 1,
        message: `the header has no column ${missing.map((entry) => `"${entry.split(': ')[1]}" (for ${entry.split(': ')[0]})`).join(', ')}; the header has: ${header.join(', ')}. Fix columns: in the mapping file or the file's header.`,
      },
    ]);
  }
  return indexes;
}
