// A file of JSON values, one a line, for what a long run keeps on disk instead of in memory (rows
// waiting for a write, the writes themselves): appended to until its first read, then read in the
// order written, as often as needed. A write or a readline event per line cost more than the line's
// JSON, so lines go to the file in chunks and come back in chunks split by hand. Both chunks are bytes
// in one reused Buffer, not text: text held until a chunk was full (a string per line, joined) lived
// long enough to be promoted to V8's old generation, and text read back in chunks of 256 KB went to its
// large-object space; either way garbage that only a full collection frees, which V8 put off until the
// heap had grown by a few hundred MB at 1,000,000 rows. A line is copied into the chunk as it is added,
// and read back as text in pieces of at most PIECE_BYTES, which die young. A write that fails (a full
// disk) is reported by the add or the read that makes it.
import { closeSync, openSync, writeSync } from 'node:fs';
import { open } from 'node:fs/promises';

/** Bytes held before they go to the file: large enough to be cheap, small enough to hold many files. */
const CHUNK_BYTES = 64 * 1024;
/** Bytes read at a time. */
const READ_BYTES = 256 * 1024;
/**
 * Bytes decoded into one string when reading: below V8's largest regular object (128 KB, and a string of
 * two-byte characters takes twice its length), so pieces are young garbage, freed by a scavenge.
 */
const PIECE_BYTES = 32 * 1024;
/** UTF-8 bytes a UTF-16 code unit can take, at most: a line fits in the chunk when this many per unit do. */
const MAX_BYTES_PER_UNIT = 3;
const LINE_FEED = 10;

const ADDED: Promise<void> = Promise.resolve();

export class NdjsonFile {
  private readonly chunk: Buffer;
  private used = 0;
  /** The file, open for writing from the first chunk written until the first read. */
  private fd: number | undefined;
  private finished = false;
  private failure: Error | undefined;

  /** chunkBytes: bytes held before they are written (less for a run that keeps many files open at once). */
  public constructor(
    private readonly path: string,
    options: { chunkBytes?: number } = {},
  ) {
    this.chunk = Buffer.allocUnsafe(options.chunkBytes ?? CHUNK_BYTES);
  }

  /** Whether the file has been read, after which nothing more can be added. */
  public get sealed(): boolean {
    return this.finished;
  }

  public add(value: unknown): Promise<void> {
    return this.addLine(JSON.stringify(value));
  }

  /**
   * Adds a value already written as JSON (one line, no line break), or several joined by line breaks.
   * The bytes are handed to the file synchronously when the chunk is full: a few dozen kilobytes into
   * the system's cache, which lets the chunk be reused at once rather than wait, as garbage, for a write.
   */
  public addLine(json: string): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.finished) return Promise.reject(new Error(`${this.path}: a value was added after the file was read`));
    try {
      const room = json.length * MAX_BYTES_PER_UNIT + 1;
      if (this.used + room > this.chunk.length) this.flush();
      if (room > this.chunk.length) {
        // Longer than a chunk: straight to the file.
        writeSync(this.open(), `${json}\n`);
        return ADDED;
      }
      this.used += this.chunk.write(json, this.used);
      this.chunk[this.used] = LINE_FEED;
      this.used += 1;
      return ADDED;
    } catch (error) {
      this.failure = error as Error;
      return Promise.reject(this.failure);
    }
  }

  public async *read<T>(): AsyncGenerator<T> {
    for await (const batch of this.lineBatches()) for (const line of batch) yield JSON.parse(line) as T;
  }

  /** The values as written, one JSON text each, for a reader that only passes them on. */
  public async *lines(): AsyncGenerator<string> {
    for await (const batch of this.lineBatches()) yield* batch;
  }

  /** The lines as written, a read's worth at a time: for a reader that takes many lines per step. */
  public async *lineBatches(): AsyncGenerator<string[]> {
    this.finish();
    const file = await open(this.path, 'r');
    try {
      let buffer = Buffer.allocUnsafe(READ_BYTES);
      // The bytes read and not yet handed out are buffer[start, end).
      let start = 0;
      let end = 0;
      for (;;) {
        if (start > 0) {
          buffer.copyWithin(0, start, end);
          end -= start;
          start = 0;
        }
        if (end === buffer.length) {
          // One line longer than the buffer: room for the rest of it.
          const grown = Buffer.allocUnsafe(buffer.length * 2);
          buffer.copy(grown, 0, 0, end);
          buffer = grown;
        }
        const { bytesRead } = await file.read(buffer, end, buffer.length - end, null);
        if (bytesRead === 0) break;
        end += bytesRead;
        const last = buffer.lastIndexOf(LINE_FEED, end - 1);
        if (last < start) continue;
        const batch = linesOf(buffer, start, last);
        start = last + 1;
        if (batch.length > 0) yield batch;
      }
      if (end > start) yield linesOf(buffer, start, end);
    } finally {
      await file.close();
    }
  }

  public destroy(): void {
    this.used = 0;
    this.finished = true;
    this.close();
  }

  /** Writes what the chunk holds, and closes the file for writing: it is read from now on. */
  private finish(): void {
    if (this.failure) throw this.failure;
    if (this.finished) return;
    try {
      this.flush();
      // A file nothing was added to is read as empty.
      this.open();
      this.close();
    } catch (error) {
      this.failure = error as Error;
      throw this.failure;
    } finally {
      this.finished = true;
    }
  }

  private flush(): void {
    if (this.used === 0) return;
    const fd = this.open();
    for (let written = 0; written < this.used;) written += writeSync(fd, this.chunk, written, this.used - written);
    this.used = 0;
  }

  private open(): number {
    this.fd ??= openSync(this.path, 'w');
    return this.fd;
  }

  private close(): void {
    if (this.fd === undefined) return;
    const fd = this.fd;
    this.fd = undefined;
    closeSync(fd);
  }
}

/** The lines of buffer[from, to) (to: the end of the last line), decoded a piece at a time; empty lines left out. */
function linesOf(buffer: Buffer, from: number, to: number): string[] {
  const lines: string[] = [];
  while (from < to) {
    let cut = to;
    if (to - from > PIECE_BYTES) {
      // A piece ends at a line break (UTF-8 never has byte 10 inside a character); a line longer than
      // a piece is one piece.
      const before = buffer.lastIndexOf(LINE_FEED, from + PIECE_BYTES);
      cut = before > from ? before : buffer.indexOf(LINE_FEED, from + PIECE_BYTES);
      if (cut < 0 || cut > to) cut = to;
    }
    for (const line of buffer.toString('utf8', from, cut).split('\n')) if (line !== '') lines.push(line);
    from = cut + 1;
  }
  return lines;
}
