// The import's spool: lines come back in the order added with the position of their write, and the
// writes are cut into jobs at the record and byte limits, each job readable more than once.
import { afterEach, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ImportSpool } from '../../plugin/src/interactions/spool.js';
import { UploadBound, writeBulkCsv } from '../../plugin/src/org/bulkRecords.js';
import type { ResultLine } from '../../plugin/src/interactions/results.js';

function line(n: number, outcome = 'created'): ResultLine {
  return {
    file: 'export.csv',
    line: n,
    outcome,
    externalId: `x:${n}`,
    recordId: '',
    identityExternalId: '',
    identityId: '',
    threadKey: `x:${n}`,
    status: '',
    reason: '',
    warning: '',
  };
}

async function all<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

let spool: ImportSpool | undefined;
afterEach(async () => {
  await spool?.discard();
  spool = undefined;
});

describe('ImportSpool', () => {
  it('gives back the lines in order, each written one with its write position across batches', async () => {
    spool = await ImportSpool.open();
    await spool.add({
      lines: [line(2), line(3, 'unchanged'), line(4)],
      writes: [{ External_Id__c: 'x:2' }, { External_Id__c: 'x:4', Body__c: null }],
      writeOf: new Map([
        [0, 0],
        [2, 1],
      ]),
    });
    await spool.add({ lines: [line(5)], writes: [{ External_Id__c: 'x:5' }], writeOf: new Map([[0, 0]]) });
    const lines = await all(spool.spooledLines());
    expect(lines.map(({ line: { line: n }, write }) => [n, write])).toEqual([
      [2, 0],
      [3, undefined],
      [4, 1],
      [5, 2],
    ]);
    const [job] = spool.plannedJobs();
    expect(job!.first).toBe(0);
    expect(job!.records.count).toBe(3);
    expect(job!.records.columns).toEqual(['External_Id__c', 'Body__c']);
    // Read twice (upload, then matching the results): the same records, nulls kept.
    for (let read = 0; read < 2; read += 1) {
      expect(await all(job!.records.read())).toEqual([
        { External_Id__c: 'x:2' },
        { External_Id__c: 'x:4', Body__c: null },
        { External_Id__c: 'x:5' },
      ]);
    }
  });

  it.each([
    ['records', { records: 2, bytes: 1_000_000 }],
    // A row "x:1,bbb…b" is 45 bytes (bounded from its JSON at 49), the header "External_Id__c,Body__c" 23:
    // two rows fit in 130, not three.
    ['bytes', { records: 1_000, bytes: 130 }],
  ])('starts a new job at the %s limit', async (_limit, limits) => {
    spool = await ImportSpool.open(limits);
    const writes = [1, 2, 3, 4, 5].map((n) => ({ External_Id__c: `x:${n}`, Body__c: 'b'.repeat(40) }));
    await spool.add({
      lines: writes.map((_, n) => line(n + 2)),
      writes,
      writeOf: new Map(writes.map((_, n) => [n, n])),
    });
    const jobs = spool.plannedJobs();
    expect(jobs.map((job) => [job.first, job.records.count])).toEqual([
      [0, 2],
      [2, 2],
      [4, 1],
    ]);
    expect((await all(jobs[1]!.records.read())).map((record) => record.External_Id__c)).toEqual(['x:3', 'x:4']);
  });

  it('fills a job up to the upload limit, and the CSV written for it is one upload within it', async () => {
    // Values that take more or fewer bytes in CSV than in JSON: quotes, commas, line breaks, backslashes,
    // characters beyond ASCII, nulls (#N/A), numbers, booleans, fields some records lack.
    const writes = Array.from({ length: 400 }, (_, n) => ({
      External_Id__c: `x:${n}`,
      ...(n % 3 === 0 ? { Body__c: `Said "hi", then\nleft \\ ${'é😀'.repeat(n % 7)}` } : {}),
      ...(n % 4 === 0 ? { Intent__c: null } : { Sentiment__c: n % 2 === 0 }),
      ...(n % 5 === 0 ? { Followers__c: n * 1.5 } : {}),
    }));
    const limit = 4_000;
    spool = await ImportSpool.open({ records: 1_000, bytes: limit });
    await spool.add({
      lines: writes.map((_, n) => line(n + 2)),
      writes,
      writeOf: new Map(writes.map((_, n) => [n, n])),
    });
    const jobs = spool.plannedJobs();
    expect(jobs.length).toBeGreaterThan(2);
    const dir = await mkdtemp(join(tmpdir(), 'spool-upload-'));
    try {
      let written = 0;
      for (const job of jobs) {
        const uploads = await writeBulkCsv(job.records, undefined, dir, limit);
        expect(uploads).toHaveLength(1);
        expect((await stat(uploads[0]!.path)).size).toBeLessThanOrEqual(limit);
        // Full, but for the last: the next record would not have fitted by the bound, which is not far off.
        if (job !== jobs.at(-1)) expect(uploads[0]!.bytes).toBeGreaterThan(limit * 0.8);
        written += uploads[0]!.records;
        await rm(uploads[0]!.path);
      }
      expect(written).toBe(writes.length);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('bounds the CSV of every record from its JSON', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'upload-bound-'));
    try {
      const samples: Array<Record<string, unknown>> = [
        { External_Id__c: 'x:1' },
        { External_Id__c: 'x:2', Body__c: '"quoted"' },
        { External_Id__c: 'x:3', Body__c: 'a,b\r\nc', Other__c: undefined },
        { External_Id__c: 'x:4', When__c: new Date('2026-12-03T21:00:00Z'), Count__c: Number.NaN },
        { External_Id__c: 'x:5', Flag__c: false, Score__c: -12.25, Gone__c: null },
      ];
      for (const record of samples) {
        const bound = new UploadBound(['External_Id__c']);
        bound.add(record, Buffer.byteLength(JSON.stringify(record)));
        const [upload] = await writeBulkCsv(
          {
            count: 1,
            columns: [...bound.columns],
            read: async function* () {
              yield record;
            },
          },
          undefined,
          dir,
        );
        expect((await stat(upload!.path)).size).toBeLessThanOrEqual(bound.bytes);
        await rm(upload!.path);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
