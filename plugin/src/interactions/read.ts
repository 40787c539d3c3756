// Streams the rows of an interaction export through the identity sources' own CSV and NDJSON readers
// (plugin/src/mappings/sources), so quoting, BOMs, line numbers and bad-row handling are the same.
// Reading is a generator: the file is never held in memory, and it can be read twice (threading
// needs to see a parent that comes later in the file before the reply is written).
import { createReadStream } from 'node:fs';
import { access } from 'node:fs/promises';
import { parse } from 'csv-parse';
import { readCsvSource } from '../mappings/sources/csv.js';
import { readNdjsonSource } from '../mappings/sources/ndjson.js';
import type { ReadResult } from '../mappings/sources/row.js';
import { MappingError } from '../mappings/problem.js';
import { presentDefaultColumns, type ColumnMapping } from './columns.js';

export interface ExportFile {
  /** Absolute path. */
  path: string;
  /** As the user wrote it, for messages and results. */
  displayPath: string;
  mapping: ColumnMapping;
}

export async function checkExportFile(file: ExportFile): Promise<void> {
  try {
    await access(file.path);
  } catch (error) {
    throw new MappingError('SourceNotFound', [
      {
        file: file.displayPath,
        message: `cannot read the export (${(error as NodeJS.ErrnoException).code ?? String(error)}); check the --file path`,
      },
    ]);
  }
}

/** The columns to read: default columns a CSV lacks are dropped, a mapping source's are all required. */
export async function effectiveColumns(file: ExportFile): Promise<Record<string, string>> {
  if (file.mapping.format !== 'csv' || file.mapping.describedAs !== 'default columns') return file.mapping.columns;
  const header = await readCsvHeader(file.path, file.mapping.delimiter ?? ',');
  return presentDefaultColumns(file.mapping.columns, header);
}

export async function* readExport(file: ExportFile, columns: Record<string, string>): AsyncGenerator<ReadResult> {
  const common = { source: file.mapping.sourceName, path: file.path, displayPath: file.displayPath, columns };
  if (file.mapping.format === 'ndjson') {
    yield* readNdjsonSource(common);
  } else {
    yield* readCsvSource({ ...common, ...(file.mapping.delimiter ? { delimiter: file.mapping.delimiter } : {}) });
  }
}

async function readCsvHeader(path: string, delimiter: string): Promise<string[]> {
  const parser = createReadStream(path).pipe(parse({ bom: true, delimiter, to_line: 1, relax_column_count: true }));
  for await (const record of parser as AsyncIterable<string[]>) return record.map((name) => name.trim());
  return [];
}
