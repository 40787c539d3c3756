// The CSV rows of Bulk API 2.0 answers (plugin/src/org/csvRows.ts): pure, no org. They must read what a
// general CSV library reads (csv-parse, columns and blank lines skipped) from RFC 4180 text, whatever
// the chunks it arrives in, and refuse text that is not such CSV. Bulk API 2.0 writes quoted fields with
// doubled quotes, commas and line breaks inside, LF or CRLF line ends ("Get Results for a Query Job":
// https://developer.salesforce.com/docs/platform/api-asynch/guide/query-get-job-results.html).
import { describe, expect, it } from '@jest/globals';
import { parse } from 'csv-parse/sync';
import { CsvFormatError, CsvRows } from '../../plugin/src/org/csvRows.js';

function rowsOf(chunks: Array<string | Buffer>): Array<Record<string, string>> {
  const rows: Array<Record<string, string>> = [];
  const reader = new CsvRows((row) => rows.push(row));
  for (const chunk of chunks) reader.push(chunk);
  reader.end();
  return rows;
}

const SAMPLES: Array<[string, string]> = [
  ['quoted, as the local org writes', '"Id","Email"\n"003A","ana@example.com"\n"003B",""\n'],
  ['unquoted, no final line end', 'sf__Id,sf__Created,External_Id__c\n003A,true,x:1\n003B,false,x:2'],
  ['CRLF line ends', 'Id,Name\r\n003A,Ana\r\n003B,Bo\r\n'],
  ['quotes, commas and line breaks in fields', 'Id,Note\n003A,"say ""hi"", then\nleave"\n003B,"a,b"\n'],
  ['a byte order mark and blank lines', '\uFEFFId,Name\n\n003A,Zoë 名前\n\n'],
  ['an empty quoted field alone', 'Id\n""\n003A\n'],
];

describe('CsvRows', () => {
  it.each(SAMPLES)('reads %s as csv-parse does, in any chunks', (_name, text) => {
    const expected = parse(text, { columns: true, skip_empty_lines: true, bom: true }) as Array<Record<string, string>>;
    expect(rowsOf([text])).toEqual(expected);
    const bytes = Buffer.from(text);
    // Every cut of the bytes, through a multi-byte character and between CR and LF included.
    for (let cut = 1; cut < bytes.length; cut += 1) {
      expect(rowsOf([bytes.subarray(0, cut), bytes.subarray(cut)])).toEqual(expected);
    }
    expect(rowsOf([...bytes].map((byte) => Buffer.from([byte])))).toEqual(expected);
  });

  it.each([
    ['a row with fewer fields than the header', 'Id,Name\n003A\n'],
    ['text after a closing quote', 'Id,Name\n"003A"x,Ana\n'],
    ['an answer cut inside a quoted field', 'Id,Name\n003A,"Ana\n'],
  ])('refuses %s', (_name, text) => {
    expect(() => rowsOf([text])).toThrow(CsvFormatError);
  });
});
