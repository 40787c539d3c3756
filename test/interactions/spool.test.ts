// The import's spool: lines come back in the order added with the position of their write, and the
// writes are cut into jobs at the record and byte limits, each job readable more than once.
import { afterEach, describe, expect, it } from '@jest/globals';
import { ImportSpool } from '../../plugin/src/interactions/spool.js';
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
    ['bytes', { records: 1_000, bytes: 300 }],
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
});
