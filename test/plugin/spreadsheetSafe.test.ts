// Cells that a spreadsheet would run as formulas are written as text in every result CSV.
import { describe, expect, it } from '@jest/globals';
import { stringify } from 'csv-stringify/sync';
import { SPREADSHEET_SAFE_CAST, spreadsheetSafe } from '../../plugin/src/results/spreadsheetSafe.js';

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
});
