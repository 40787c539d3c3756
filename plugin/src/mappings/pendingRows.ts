// Result lines of rows whose identity is still to be written. A deploy plans partition by partition
// and writes at the end (one Bulk API job rather than one per partition), so these lines wait on disk,
// one JSON line each, until the write's outcome completes them; memory does not grow with the input.
import { once } from 'node:events';
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Outcome } from './plan.js';
import type { ResultLine } from './results.js';

export interface PendingRow {
  line: ResultLine;
  outcome: Outcome;
  reason?: string;
  /** Index of the identity's write among all the deploy's identity writes. */
  write: number;
}

export class PendingRows {
  public count = 0;
  private readonly out: WriteStream;
  private failure: Error | undefined;

  private constructor(private readonly dir: string) {
    this.out = createWriteStream(join(dir, 'pending.ndjson'), { encoding: 'utf8' });
    // A write that fails (a full disk) is reported by the next add, not left waiting for 'drain'.
    this.out.on('error', (error) => (this.failure = error));
  }

  public static async open(): Promise<PendingRows> {
    return new PendingRows(await mkdtemp(join(tmpdir(), 'social-deploy-')));
  }

  public async add(row: PendingRow): Promise<void> {
    if (this.failure) throw this.failure;
    this.count += 1;
    if (!this.out.write(`${JSON.stringify(row)}\n`)) await once(this.out, 'drain');
  }

  /** Every row added, in the order added. */
  public async *drain(): AsyncGenerator<PendingRow> {
    await new Promise<void>((resolve, reject) =>
      this.out.end((error?: Error | null) => (error ? reject(error) : resolve())),
    );
    const lines = createInterface({
      input: createReadStream(join(this.dir, 'pending.ndjson'), 'utf8'),
      crlfDelay: Infinity,
    });
    for await (const line of lines) if (line !== '') yield JSON.parse(line) as PendingRow;
  }

  public async discard(): Promise<void> {
    this.out.destroy();
    await rm(this.dir, { recursive: true, force: true });
  }
}
