// The records of a Bulk API upsert as the deploy holds them: the upload CSV writeBulkCsv makes of them
// (RFC 4180 quoting, null as #N/A, undefined as an empty cell, a subset of positions), and the identity
// writes SpooledWrites keeps on disk (plain writes read back in order as often as asked, Lead writes in
// memory, the temp folder removed by discard).
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  jsonFieldText,
  keysOfJsonLines,
  readKeys,
  recordsInMemory,
  writeBulkCsv,
  type BulkRecords,
} from '../../plugin/src/org/bulkRecords.js';
import { SpooledWrites } from '../../plugin/src/mappings/spooledWrites.js';
import type { IdentityWrite } from '../../plugin/src/mappings/plan.js';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bulk-records-test-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function csvOf(records: BulkRecords, include?: ReadonlySet<number>): Promise<string> {
  const uploads = await writeBulkCsv(records, include, await mkdtemp(join(dir, 'upload-')));
  expect(uploads).toHaveLength(1);
  return readFile(uploads[0]!.path, 'utf8');
}

async function readAll(records: BulkRecords): Promise<Array<Record<string, unknown>>> {
  const all: Array<Record<string, unknown>> = [];
  for await (const record of records.read()) all.push(record);
  return all;
}

/** Four records covering every kind of cell; the last one adds a column the others lack. */
const RECORDS: Array<Record<string, unknown>> = [
  {
    External_Id__c: 'x:1',
    Display_Name__c: 'Smith, Jane',
    Handle__c: 'say "hi"',
    Followers__c: 12,
    Is_Advocate__c: true,
  },
  {
    External_Id__c: 'x:2',
    Display_Name__c: 'line one\nline two',
    Handle__c: null,
    Followers__c: 0,
    Is_Advocate__c: false,
  },
  { External_Id__c: 'x:3', Display_Name__c: undefined, Handle__c: 'plain', Followers__c: 1.5, Is_Advocate__c: false },
  { External_Id__c: 'x:4', Display_Name__c: '', Link_Note__c: 'crlf\r\nend, "quoted"' },
];

const HEADER = 'External_Id__c,Display_Name__c,Handle__c,Followers__c,Is_Advocate__c,Link_Note__c\n';
const ROWS = [
  'x:1,"Smith, Jane","say ""hi""",12,true,\n',
  'x:2,"line one\nline two",#N/A,0,false,\n',
  'x:3,,plain,1.5,false,\n',
  'x:4,,,,,"crlf\r\nend, ""quoted"""\n',
];

describe('recordsInMemory', () => {
  it('counts the records and takes the union of their fields as columns, in first-seen order', async () => {
    const records = recordsInMemory(RECORDS);
    expect(records.count).toBe(4);
    expect(records.columns).toEqual([
      'External_Id__c',
      'Display_Name__c',
      'Handle__c',
      'Followers__c',
      'Is_Advocate__c',
      'Link_Note__c',
    ]);
    expect(await readAll(records)).toEqual(RECORDS);
    expect(await readAll(records)).toEqual(RECORDS);
  });
});

describe('writeBulkCsv', () => {
  it('quotes commas, quotes and line breaks, writes null as #N/A and undefined, empty or missing as empty', async () => {
    expect(await csvOf(recordsInMemory(RECORDS))).toBe(HEADER + ROWS.join(''));
  });

  it('writes only the positions in include, in record order, under the full header', async () => {
    expect(await csvOf(recordsInMemory(RECORDS), new Set([3, 1]))).toBe(HEADER + ROWS[1]! + ROWS[3]!);
    expect(await csvOf(recordsInMemory(RECORDS), new Set([0]))).toBe(HEADER + ROWS[0]!);
  });

  it('writes just the header when include is empty or names no record', async () => {
    expect(await csvOf(recordsInMemory(RECORDS), new Set())).toBe(HEADER);
    expect(await csvOf(recordsInMemory(RECORDS), new Set([4, 99]))).toBe(HEADER);
  });

  it('quotes a column name that needs it', async () => {
    expect(await csvOf(recordsInMemory([{ 'a,b': 1, 'say "x"': 2 }]))).toBe('"a,b","say ""x"""\n1,2\n');
  });

  it('writes every row of an upload larger than one chunk of rows, in order', async () => {
    const records = Array.from({ length: 2_501 }, (_, index) => ({
      External_Id__c: `x:${index}`,
      Followers__c: index,
    }));
    const lines = (await csvOf(recordsInMemory(records))).split('\n');
    expect(lines).toHaveLength(2_503); // the header, 2,501 rows and the empty string after the last \n
    expect(lines[0]).toBe('External_Id__c,Followers__c');
    expect(lines.slice(1, -1)).toEqual(records.map((record) => `${record.External_Id__c},${record.Followers__c}`));
    expect(lines.at(-1)).toBe('');

    const odd = new Set(records.flatMap((_, index) => (index % 2 === 1 ? [index] : [])));
    const some = (await csvOf(recordsInMemory(records), odd)).split('\n');
    expect(some).toHaveLength(1 + 1_250 + 1);
    expect(some[1]).toBe('x:1,1');
    expect(some.at(-2)).toBe('x:2499,2499');
  });
});

describe('SpooledWrites', () => {
  const plainWrite = (externalId: string, fields: Record<string, unknown>): IdentityWrite => ({ externalId, fields });
  const leadWrite = (externalId: string, email: string): IdentityWrite => ({
    externalId,
    fields: { Network__c: 'x', Network_User_Id__c: externalId },
    lead: { LastName: externalId, Company: 'Prospect Co', Email: email },
  });

  it('keeps plain writes on disk and Lead writes in memory, each with the index it was added at', async () => {
    const writes = await SpooledWrites.open();
    try {
      const added = [
        await writes.add(plainWrite('x:a', { Network__c: 'x', Handle__c: 'a, "the first"' })),
        await writes.add(leadWrite('x:b', 'b@example.com')),
        await writes.add(plainWrite('x:c', { Network__c: 'x', Followers__c: 3, Contact__c: null })),
        await writes.add(leadWrite('x:d', 'd@example.com')),
        await writes.add(plainWrite('x:e', { Is_Advocate__c: true, Link_Note__c: 'line\nbreak' })),
      ];
      expect(added).toEqual([0, 1, 2, 3, 4]);
      expect(writes.length).toBe(5);
      expect(Array.from(writes.plainIndexes)).toEqual([0, 2, 4]);
      expect(writes.leadWrites.map(({ index, write }) => [index, write.externalId])).toEqual([
        [1, 'x:b'],
        [3, 'x:d'],
      ]);
      expect(writes.leadWrites[0]!.write.lead).toEqual({
        LastName: 'x:b',
        Company: 'Prospect Co',
        Email: 'b@example.com',
      });

      const plain = writes.plain;
      expect(plain.count).toBe(3);
      // External_Id__c first, then each plain write's fields in the order first seen.
      expect(plain.columns).toEqual([
        'External_Id__c',
        'Network__c',
        'Handle__c',
        'Followers__c',
        'Contact__c',
        'Is_Advocate__c',
        'Link_Note__c',
      ]);
      // The Lead writes' fields are not columns of the plain upload: they go in their own transactions.
      expect(plain.columns).not.toContain('Network_User_Id__c');

      const expected = [
        { External_Id__c: 'x:a', Network__c: 'x', Handle__c: 'a, "the first"' },
        { External_Id__c: 'x:c', Network__c: 'x', Followers__c: 3, Contact__c: null },
        { External_Id__c: 'x:e', Is_Advocate__c: true, Link_Note__c: 'line\nbreak' },
      ];
      expect(await readAll(plain)).toEqual(expected);
      // Read again (a retry, or matching results after the upload): the same records in the same order.
      expect(await readAll(plain)).toEqual(expected);
      expect(await readAll(writes.plain)).toEqual(expected);

      // What a Bulk upload of them looks like, straight from the file.
      const csv = await csvOf(plain);
      expect(csv).toBe(
        'External_Id__c,Network__c,Handle__c,Followers__c,Contact__c,Is_Advocate__c,Link_Note__c\n' +
          'x:a,x,"a, ""the first""",,,,\n' +
          'x:c,x,,3,#N/A,,\n' +
          'x:e,,,,,true,"line\nbreak"\n',
      );
    } finally {
      await writes.discard();
    }
  });

  it('reads nothing, and has only External_Id__c as a column, when every write creates a Lead', async () => {
    const writes = await SpooledWrites.open();
    try {
      await writes.add(leadWrite('x:only', 'only@example.com'));
      expect(writes.length).toBe(1);
      expect(Array.from(writes.plainIndexes)).toEqual([]);
      expect(writes.plain.count).toBe(0);
      expect(writes.plain.columns).toEqual(['External_Id__c']);
      expect(await readAll(writes.plain)).toEqual([]);
    } finally {
      await writes.discard();
    }
  });

  it('keeps many writes in order through the file (the stream drains as it fills)', async () => {
    const writes = await SpooledWrites.open();
    try {
      const long = 'y'.repeat(200);
      for (let index = 0; index < 5_000; index += 1) {
        await writes.add(plainWrite(`x:${index}`, { Network__c: 'x', Display_Name__c: `${long}${index}` }));
      }
      const read = await readAll(writes.plain);
      expect(read).toHaveLength(5_000);
      expect(read.every((record, index) => record.External_Id__c === `x:${index}`)).toBe(true);
      expect(read[4_999]).toEqual({ External_Id__c: 'x:4999', Network__c: 'x', Display_Name__c: `${long}4999` });
    } finally {
      await writes.discard();
    }
  });

  it('refuses a write added after the writes were read, rather than losing it', async () => {
    const writes = await SpooledWrites.open();
    try {
      await writes.add(plainWrite('x:1', { Network__c: 'x' }));
      expect(await readAll(writes.plain)).toHaveLength(1);
      await expect(writes.add(plainWrite('x:2', { Network__c: 'x' }))).rejects.toThrow(/after the writes were read/);
      expect(writes.length).toBe(1);
      expect(await readAll(writes.plain)).toEqual([{ External_Id__c: 'x:1', Network__c: 'x' }]);
    } finally {
      await writes.discard();
    }
  });

  it('removes its temp folder on discard, whether its writes were read or not', async () => {
    for (const readFirst of [true, false]) {
      const writes = await SpooledWrites.open();
      // The folder is private (TypeScript-only): read it rather than guess it from the names in tmpdir,
      // where other test files running at the same time make their own.
      const folder = (writes as unknown as { dir: string }).dir;
      expect(dirname(folder)).toBe(tmpdir());
      expect(folder).toMatch(/social-writes-/);
      await writes.add(plainWrite('x:1', { Network__c: 'x' }));
      if (readFirst) {
        expect(await readAll(writes.plain)).toEqual([{ External_Id__c: 'x:1', Network__c: 'x' }]);
        expect(await readdir(folder)).toEqual(['writes.ndjson']);
      }
      await writes.discard();
      expect(existsSync(folder)).toBe(false);
    }
  });
});

describe('a record key from its JSON text (the results of a job matched without parsing each record whole)', () => {
  it('gives String(record[field]) for any flat record JSON.stringify wrote', async () => {
    const awkward = [
      'x:1',
      'x:"quoted"',
      'back\\slash\\',
      'ends with a backslash \\',
      ',"External_Id__c":"fake"',
      '{"External_Id__c":"fake"}',
      'line\nbreak, comma',
      'é😀\u0001',
      '',
    ];
    const records: Array<Record<string, unknown>> = [];
    for (const [n, value] of awkward.entries()) {
      // The key first, last, in the middle, after values that look like it, or of another type.
      records.push({ External_Id__c: value, Body__c: awkward[(n + 1) % awkward.length] });
      records.push({ Body__c: `x,"External_Id__c":"no" ${value}`, External_Id__c: value, Other__c: null });
      records.push({ Before__c: `${value}\\`, External_Id__c: value });
    }
    records.push({ External_Id__c: 12.5, Body__c: 'a' }, { Body__c: 'b', External_Id__c: null });
    records.push({ Body__c: '"External_Id__c":"not a key"' }, { External_Id__c: true });
    const lines = records.map((record) => JSON.stringify(record));
    for (const [n, line] of lines.entries()) {
      expect(jsonFieldText(line, 'External_Id__c')).toBe(String(records[n]!.External_Id__c));
    }
    async function* fromArray(): AsyncGenerator<string> {
      yield* lines;
    }
    const keys: string[] = [];
    for await (const key of keysOfJsonLines(fromArray(), 'External_Id__c')) keys.push(key);
    expect(keys).toEqual(records.map((record) => String(record.External_Id__c)));
    // Records without readKeys: read whole, the field taken.
    const fallback: string[] = [];
    for await (const key of readKeys(recordsInMemory(records), 'External_Id__c')) fallback.push(key);
    expect(fallback).toEqual(keys);
  });
});
