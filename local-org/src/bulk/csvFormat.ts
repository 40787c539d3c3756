// CSV as Bulk API 2.0 speaks it: the job's column delimiter and line ending, a header row of field
// names, every value quoted in results, empty meaning "no value" and #N/A meaning "set to null".

import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { ApiError } from '../http/apiError.js';

export const DELIMITERS: Record<string, string> = {
  COMMA: ',',
  TAB: '\t',
  PIPE: '|',
  SEMICOLON: ';',
  CARET: '^',
  BACKQUOTE: '`',
};

export interface CsvDialect {
  columnDelimiter: string;
  lineEnding: 'LF' | 'CRLF';
}

export function checkDialect(columnDelimiter: unknown, lineEnding: unknown): CsvDialect {
  const delimiter = columnDelimiter === undefined ? 'COMMA' : String(columnDelimiter);
  const ending = lineEnding === undefined ? 'LF' : String(lineEnding);
  if (!DELIMITERS[delimiter]) {
    throw new ApiError(
      400,
      'INVALIDJOB',
      `columnDelimiter ${delimiter} is not one of ${Object.keys(DELIMITERS).join(', ')}.`,
    );
  }
  if (ending !== 'LF' && ending !== 'CRLF') {
    throw new ApiError(400, 'INVALIDJOB', `lineEnding ${ending} is not LF or CRLF.`);
  }
  return { columnDelimiter: delimiter, lineEnding: ending };
}

export function parseCsv(text: string, dialect: CsvDialect): { header: string[]; rows: string[][] } {
  let records: string[][];
  try {
    records = parse(text.replace(/^\uFEFF/, ''), {
      delimiter: DELIMITERS[dialect.columnDelimiter],
      relax_column_count: false,
      skip_empty_lines: true,
    }) as string[][];
  } catch (error) {
    throw new Error(`ClientInputError : CSV could not be read: ${(error as Error).message}`);
  }
  const [header = [], ...rows] = records;
  return { header: header.map((name) => name.trim()), rows };
}

export function writeCsv(header: string[], rows: unknown[][], dialect: CsvDialect): string {
  return stringify([header, ...rows], {
    delimiter: DELIMITERS[dialect.columnDelimiter],
    record_delimiter: dialect.lineEnding === 'CRLF' ? 'windows' : 'unix',
    quoted: true,
    quoted_empty: false,
    cast: { boolean: (value) => String(value) },
  });
}
