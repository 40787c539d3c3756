// The disk spool of long runs (memory/ndjsonFile.ts): lines are handed to the file in chunks of bytes
// and read back in chunks split by hand, decoded a piece at a time, so a line that straddles a chunk, a
// character that straddles one (UTF-8 of several bytes), a line longer than a chunk or a read, and a
// file read twice must all come back exactly as added, in order.
import { afterEach, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NdjsonFile } from '../../plugin/src/memory/ndjsonFile.js';

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function file(): Promise<NdjsonFile> {
  const dir = await mkdtemp(join(tmpdir(), 'ndjson-test-'));
  dirs.push(dir);
  return new NdjsonFile(join(dir, 'values.ndjson'));
}

async function all<T>(values: AsyncIterable<T>): Promise<T[]> {
  const read: T[] = [];
  for await (const value of values) read.push(value);
  return read;
}

describe('NdjsonFile', () => {
  it('gives back, in order and more than once, values that cross every chunk boundary', async () => {
    const spool = await file();
    // Some 6 MB of lines of varying length with characters of 2 to 4 bytes, so reads of 256 KB cut
    // lines and characters at many places.
    const values = Array.from({ length: 40_000 }, (_, index) => ({
      index,
      text: `${'ñ'.repeat(index % 97)}🙂${'x'.repeat(index % 13)}`,
      line: 'a\nb',
    }));
    for (const value of values) await spool.add(value);
    expect(await all(spool.read())).toEqual(values);
    expect(await all(spool.read())).toEqual(values);
    const lines = await all(spool.lines());
    expect(lines).toHaveLength(values.length);
    expect(lines[7]).toBe(JSON.stringify(values[7]));
    spool.destroy();
  });

  it('gives back lines longer than a chunk, a read and a decoded piece, and several lines added as one', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ndjson-test-'));
    dirs.push(dir);
    const spool = new NdjsonFile(join(dir, 'values.ndjson'), { chunkBytes: 4096 });
    // 600,000 characters of 2 bytes: longer than a chunk, a read (256 KB) and a piece (32 KB) in UTF-8.
    const values = [
      { small: 1 },
      { long: 'é'.repeat(600_000) },
      { small: 2 },
      { long: `${'x'.repeat(40_000)}🙂` },
      { small: 3 },
    ];
    for (const value of values.slice(0, 3)) await spool.add(value);
    await spool.addLine(
      values
        .slice(3)
        .map((value) => JSON.stringify(value))
        .join('\n'),
    );
    expect(await all(spool.read())).toEqual(values);
    spool.destroy();
  });

  it('reads an empty file as no values, and refuses a value added after the first read', async () => {
    const spool = await file();
    expect(await all(spool.read())).toEqual([]);
    expect(spool.sealed).toBe(true);
    await expect(spool.add({ late: true })).rejects.toThrow('a value was added after the file was read');
    spool.destroy();
  });

  it('reports a write the disk refused on the next read', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ndjson-test-'));
    dirs.push(dir);
    // A folder cannot be opened as a file: the stream fails (EISDIR) once it tries.
    const spool = new NdjsonFile(dir);
    await spool.add({ value: 1 }).catch(() => undefined);
    await expect(all(spool.read())).rejects.toThrow(/EISDIR/);
    spool.destroy();
  });
});
