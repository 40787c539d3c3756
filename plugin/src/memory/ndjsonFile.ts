// A file of JSON values, one a line, for what a long run keeps on disk instead of in memory (rows
// waiting for a write, the writes themselves): appended to until its first read, then read in the
// order written, as often as needed. Lines are handed to the file in chunks of a few dozen kilobytes
// and read back in large chunks split by hand: a write or a readline event per line cost more than the
// line's JSON. A write that fails (a full disk) is reported by the next add or read, not left waiting
// for a 'drain' that never comes.
import { once } from 'node:events';
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';

/** Text held before it goes to the stream: large enough to be cheap, small enough to stay young. */
const CHUNK_CHARS = 64 * 1024;
/** Bytes read at a time. */
const READ_BYTES = 256 * 1024;

const ADDED: Promise<void> = Promise.resolve();

export class NdjsonFile {
  private readonly out: WriteStream;
  private readonly chunkChars: number;
  private buffered = '';
  private finished: Promise<void> | undefined;
  private failure: Error | undefined;

  /** chunkChars: text held before it is written (less for a run that keeps many files open at once). */
  public constructor(
    private readonly path: string,
    options: { chunkChars?: number } = {},
  ) {
    this.chunkChars = options.chunkChars ?? CHUNK_CHARS;
    this.out = createWriteStream(path, { encoding: 'utf8' });
    this.out.on('error', (error) => (this.failure = error));
  }

  /** Whether the file has been read, after which nothing more can be added. */
  public get sealed(): boolean {
    return this.finished !== undefined;
  }

  public add(value: unknown): Promise<void> {
    return this.addLine(JSON.stringify(value));
  }

  /** Adds a value already written as JSON (one line, no line break). */
  public addLine(json: string): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.finished) return Promise.reject(new Error(`${this.path}: a value was added after the file was read`));
    this.buffered += `${json}\n`;
    return this.buffered.length < this.chunkChars ? ADDED : this.flush();
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
    this.finished ??= this.flush().then(
      () =>
        new Promise<void>((resolve, reject) =>
          this.out.end((error?: Error | null) => (error ? reject(error) : resolve())),
        ),
    );
    await this.finished;
    if (this.failure) throw this.failure;
    let rest = '';
    for await (const chunk of createReadStream(this.path, { encoding: 'utf8', highWaterMark: READ_BYTES })) {
      const text = rest + (chunk as string);
      const last = text.lastIndexOf('\n');
      if (last < 0) {
        rest = text;
        continue;
      }
      rest = text.slice(last + 1);
      const batch = text.slice(0, last).split('\n');
      yield batch.filter((line) => line !== '');
    }
    if (rest !== '') yield [rest];
  }

  public destroy(): void {
    this.buffered = '';
    this.out.destroy();
  }

  private async flush(): Promise<void> {
    if (this.buffered === '') return;
    const text = this.buffered;
    this.buffered = '';
    // once() rejects on 'error', so a disk that fails while this waits does not leave it waiting.
    if (!this.out.write(text)) await once(this.out, 'drain');
    if (this.failure) throw this.failure;
  }
}
