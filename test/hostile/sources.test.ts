// Hostile source files (test/fixtures/hostile/sources), read offline by `sf social mappings validate`:
// other encodings, invalid UTF-8, NUL bytes, control characters, huge lines, HTML/JS, formula and SOQL
// text. A file that cannot be decoded is refused whole (MalformedSource, nothing written); a row that
// can be read but not used is rejected with its line and reason, and every row is counted.
import { describe, expect, it } from '@jest/globals';
import { basename, join } from 'node:path';
import { MAX_ROW_BYTES } from '../../plugin/src/mappings/sources/encoding.js';
import { MappingError } from '../../plugin/src/mappings/problem.js';
import { validateMapping, type ValidateResult } from '../../plugin/src/mappings/validate.js';
import { mappingYaml, writeFixture } from '../plugin/fixtures.js';
import { corpus } from './corpus.js';

const CSV_COLUMNS = '{ network: Network, userId: Id, handle: Handle }';
const HOSTILE_CSV_COLUMNS = '{ network: Network, userId: Id, handle: Handle, displayName: Name, profileUrl: Profile }';
const NDJSON_COLUMNS = '{ network: network, userId: id, handle: handle, displayName: name, profileUrl: profile }';

/** Validates a mapping whose one source is `content`, saved as `file` beside it. */
async function validate(file: string, content: string | Buffer, columns: string): Promise<ValidateResult> {
  const dir = await writeFixture({
    [file]: content,
    'mapping.yaml': mappingYaml({ sources: `sources:\n  - name: export\n    file: ${file}\n    columns: ${columns}` }),
  });
  const result = await validateMapping(join(dir, 'mapping.yaml')).catch((error: unknown) => {
    if (error instanceof MappingError) throw withBaseNames(error);
    throw error;
  });
  return { ...result, problems: result.problems.map((problem) => ({ ...problem, file: basename(problem.file) })) };
}

/** Problems name files by the path shown to the user; the temporary folder is no part of what is tested. */
function withBaseNames(error: MappingError): MappingError {
  return new MappingError(
    error.code,
    error.problems.map((problem) => ({ ...problem, file: basename(problem.file) })),
  );
}

/** The refusal of a source file: code and its one problem. */
async function refused(file: string, content: string | Buffer, columns = CSV_COLUMNS): Promise<MappingError> {
  const error = await validate(file, content, columns).catch((caught: unknown) => caught);
  if (!(error instanceof MappingError)) throw new Error(`${file} was not refused: ${JSON.stringify(error)}`);
  expect(error.code).toBe('MalformedSource');
  expect(error.problems).toHaveLength(1);
  return error;
}

const SAVE_AS_UTF8 =
  'save it as UTF-8 (in Excel: "CSV UTF-8"; in an editor: "Save with encoding UTF-8") and run again. Nothing was written.';

describe('hostile identity sources (validate)', () => {
  it('keeps HTML, formula and SOQL text as rows, rejects a javascript: profile URL and a control character', async () => {
    const result = await validate('export.csv', corpus('sources/identities-hostile.csv'), HOSTILE_CSV_COLUMNS);
    expect(result.rows).toBe(12);
    expect(result.identities).toBe(10);
    expect(result.problems).toEqual([
      {
        file: 'export.csv',
        line: 12,
        message:
          'profileUrl "javascript:alert(document.cookie)" is not an http(s) URL; fix the value or map another column to profileUrl',
      },
      {
        file: 'export.csv',
        line: 13,
        message:
          'handle has the control character U+0007 at character 5; remove it from the export (tabs and line breaks are allowed, other control characters are not)',
      },
    ]);
  });

  it('rejects NDJSON lines one by one: control characters, NUL, broken JSON, not an object', async () => {
    const result = await validate('export.ndjson', corpus('sources/identities-hostile.ndjson'), NDJSON_COLUMNS);
    expect(result.rows).toBe(15);
    expect(result.identities).toBe(10);
    expect(result.problems.map((problem) => `${problem.line}: ${problem.message}`)).toEqual([
      '11: profileUrl "javascript:alert(document.cookie)" is not an http(s) URL; fix the value or map another column to profileUrl',
      '12: handle has the control character U+0007 at character 5; remove it from the export (tabs and line breaks are allowed, other control characters are not)',
      '13: handle has the control character U+0000 at character 4; remove it from the export (tabs and line breaks are allowed, other control characters are not)',
      expect.stringMatching(/^14: not valid JSON \(.*\); write one JSON object per line$/),
      '15: this line is not a JSON object; write one {…} object per line',
    ]);
  });

  it('reads a UTF-8 file with a byte order mark', async () => {
    const result = await validate('export.csv', corpus('sources/utf8-bom.csv'), CSV_COLUMNS);
    expect(result).toMatchObject({ valid: true, rows: 2, identities: 2 });
  });

  it.each([
    ['utf16le-bom.csv', 1, `the file is saved as UTF-16 (little-endian); ${SAVE_AS_UTF8}`],
    ['utf16le-bom.ndjson', 1, `the file is saved as UTF-16 (little-endian); ${SAVE_AS_UTF8}`],
    [
      'utf16le-no-bom.csv',
      1,
      `byte 2 of this line is a NUL (00): this is not UTF-8 text (a UTF-16 file without its byte order mark, or a binary file); ${SAVE_AS_UTF8}`,
    ],
    [
      'invalid-utf8.csv',
      3,
      `byte 12 of this line (C3 28) is not valid UTF-8: the file is probably saved in another encoding (Windows-1252, Latin-1); ${SAVE_AS_UTF8}`,
    ],
    [
      'latin1.csv',
      2,
      `byte 15 of this line (E9 20) is not valid UTF-8: the file is probably saved in another encoding (Windows-1252, Latin-1); ${SAVE_AS_UTF8}`,
    ],
    [
      'overlong-utf8.ndjson',
      2,
      `byte 39 of this line (C0 AF) is not valid UTF-8: the file is probably saved in another encoding (Windows-1252, Latin-1); ${SAVE_AS_UTF8}`,
    ],
    [
      'surrogate-utf8.ndjson',
      1,
      `byte 37 of this line (ED A0) is not valid UTF-8: the file is probably saved in another encoding (Windows-1252, Latin-1); ${SAVE_AS_UTF8}`,
    ],
    [
      'nul-byte.csv',
      3,
      `byte 12 of this line is a NUL (00): this is not UTF-8 text (a UTF-16 file without its byte order mark, or a binary file); ${SAVE_AS_UTF8}`,
    ],
  ])('refuses %s whole at line %s', async (file, line, message) => {
    const columns = file.endsWith('.ndjson') ? NDJSON_COLUMNS : CSV_COLUMNS;
    const error = await refused(file, corpus(`sources/${file}`), columns);
    expect(error.problems[0]).toEqual({ file, line, message });
  });

  it('refuses a CSV with a 5 MB field (or a quote never closed) at the line where the row starts', async () => {
    const huge = `Network,Id,Handle\r\nx,1,ok\r\nx,2,"${'a'.repeat(5 * 1024 * 1024)}"\r\nx,3,after\r\n`;
    const error = await refused('export.csv', huge);
    expect(error.problems[0]).toEqual({
      file: 'export.csv',
      line: 3,
      message: `the row starting on this line is longer than ${MAX_ROW_BYTES} characters, the most a row may have; usually a quote that is never closed, so check the quotes from this line on. Nothing was written.`,
    });
    // The same without any line break at all: one 5 MB line.
    const oneLine = await refused('export.csv', `Network,Id,Handle\r\nx,2,${'b'.repeat(5 * 1024 * 1024)}`);
    expect(oneLine.problems[0]!.line).toBe(2);
  });

  it('rejects a 5 MB NDJSON line and reads on, also when the last line has no line break', async () => {
    const row = (id: string, handle: string): string => JSON.stringify({ network: 'x', id, handle });
    const text = [row('1', 'ok'), row('2', 'z'.repeat(5 * 1024 * 1024)), row('3', 'after')].join('\n');
    const result = await validate('export.ndjson', text, NDJSON_COLUMNS);
    expect(result.rows).toBe(3);
    expect(result.identities).toBe(2);
    expect(result.problems).toEqual([
      {
        file: 'export.ndjson',
        line: 2,
        message: `this line is ${5 * 1024 * 1024 + 36} bytes long, more than the ${MAX_ROW_BYTES} a row may have; it was skipped unread. Split or shorten the record`,
      },
    ]);
  });

  it('still reports a quote never closed in a small CSV', async () => {
    const error = await refused('export.csv', corpus('sources/unclosed-quote.csv'));
    expect(error.problems[0]!.message).toMatch(/Quote Not Closed.*; check the quotes on this line/);
  });
});
