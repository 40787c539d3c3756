// Result lines of rows whose identity is still to be written. A deploy plans partition by partition
// and writes at the end (one Bulk API job rather than one per partition), so these lines wait on disk,
// one JSON line each, until the write's outcome completes them; memory does not grow with the input.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NdjsonFile } from '../memory/ndjsonFile.js';
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
  private readonly file: NdjsonFile;

  private constructor(private readonly dir: string) {
    this.file = new NdjsonFile(join(dir, 'pending.ndjson'));
  }

  public static async open(): Promise<PendingRows> {
    return new PendingRows(await mkdtemp(join(tmpdir(), 'social-deploy-')));
  }

  public async add(row: PendingRow): Promise<void> {
    await this.file.add(row);
    this.count += 1;
  }

  /** Every row added, in the order added. */
  public drain(): AsyncGenerator<PendingRow> {
    return this.file.read<PendingRow>();
  }

  public async discard(): Promise<void> {
    this.file.destroy();
    await rm(this.dir, { recursive: true, force: true });
  }
}
