// A file of JSON values, one a line, for what a long run keeps on disk instead of in memory (rows
// waiting for a write, the writes themselves): appended to until its first read, then read in the
// order written, as often as needed. A write that fails (a full disk) is reported by the next add or
// read, not left waiting for a 'drain' that never comes.
import { once } from 'node:events';
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { createInterface } from 'node:readline';

export class NdjsonFile {
  private readonly out: WriteStream;
  private finished: Promise<void> | undefined;
  private failure: Error | undefined;

  public constructor(private readonly path: string) {
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
  public async addLine(json: string): Promise<void> {
    if (this.failure) throw this.failure;
    if (this.finished) throw new Error(`${this.path}: a value was added after the file was read`);
    if (!this.out.write(`${json}\n`)) await once(this.out, 'drain');
  }

  public async *read<T>(): AsyncGenerator<T> {
    for await (const line of this.lines()) yield JSON.parse(line) as T;
  }

  /** The values as written, one JSON text each, for a reader that only passes them on. */
  public async *lines(): AsyncGenerator<string> {
    this.finished ??= new Promise<void>((resolve, reject) =>
      this.out.end((error?: Error | null) => (error ? reject(error) : resolve())),
    );
    await this.finished;
    if (this.failure) throw this.failure;
    const lines = createInterface({ input: createReadStream(this.path, 'utf8'), crlfDelay: Infinity });
    for await (const line of lines) if (line !== '') yield line;
  }

  public destroy(): void {
    this.out.destroy();
  }
}
