// Cells that a spreadsheet would run as formulas are written as text in every result CSV.
import { describe, expect, it } from '@jest/globals';
import { stringify } from 'csv-stringify/sync';
import { parse } from 'csv-parse/sync';
import { resultCell, SPREADSHEET_SAFE_CAST, spreadsheetSafe } from '../../plugin/src/results/spreadsheetSafe.js';

describe('spreadsheetSafe', () => {
  it.each([
    ['=HYPERLINK("http://evil.example","click")', `'=HYPERLINK("http://evil.example","click")`],
    ['+1 555 0100', `'+1 555 0100`],
    ['-2+3', `'-2+3`],
    ['@SUM(A1:A2)', `'@SUM(A1:A2)`],
    ['\t=1+1', `'\t=1+1`],
    ['\r=1+1', `'\r=1+1`],
    ['ana_ruiz', 'ana_ruiz'],
    ['a=b', 'a=b'],
    ['', ''],
  ])('%j is written as %j', (input, expected) => {
    expect(spreadsheetSafe(input)).toBe(expected);
  });

  it('applies to every string cell csv-stringify writes, and leaves numbers alone', () => {
    const text = stringify([['=cmd|calc', -5, 'x:123']], SPREADSHEET_SAFE_CAST);
    expect(text).toBe(`'=cmd|calc,-5,x:123\n`);
  });

  // resultCell renders the result files' cells without a stringifier per row: it must write what
  // csv-stringify writes with SPREADSHEET_SAFE_CAST, byte for byte, and read back as the value made safe.
  const cells: Array<string | number | boolean | undefined> = [
    'ana_ruiz',
    '',
    undefined,
    0,
    -5,
    12.5,
    true,
    false,
    'a,b',
    'say "hi"',
    '"quoted"',
    'line one\nline two',
    'cr\rhere',
    'crlf\r\nend',
    '=1+1',
    '-2',
    '@ana, "x"',
    '\t=1',
    ' spaced ',
    'ñandú 🙂',
    '#N/A',
  ];

  it.each(cells.map((cell) => [cell]))('resultCell(%j) is what csv-stringify writes', (cell) => {
    const expected = stringify([[cell]], SPREADSHEET_SAFE_CAST);
    expect(`${resultCell(cell)}\n`).toBe(expected);
  });

  it('renders a whole row as csv-stringify does, and the row reads back', () => {
    const row = cells.map((cell) => resultCell(cell)).join(',') + '\n';
    expect(row).toBe(stringify([cells], SPREADSHEET_SAFE_CAST));
    const [read] = parse(row, { relax_quotes: false }) as string[][];
    expect(read).toHaveLength(cells.length);
    expect(read![8]).toBe('a,b');
    expect(read![11]).toBe('line one\nline two');
    expect(read![14]).toBe(`'=1+1`);
  });
});
