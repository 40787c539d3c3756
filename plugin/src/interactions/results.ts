// Writes an import's results as it goes: one CSV per outcome (created.csv, updated.csv, deleted.csv,
// unchanged.csv, duplicate.csv, rejected.csv, failed.csv), every input row in exactly one of them with
// its line, the record id or the error. Rows are appended batch by batch, so memory does not grow with
// the file; each file is written under a .partial name and renamed when the run ends, so a folder never
// mixes a half-written run with a complete one.
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { SPREADSHEET_SAFE_CAST } from '../results/spreadsheetSafe.js';
import { INTERACTION_OUTCOMES, type InteractionOutcome } from './plan.js';

export const INTERACTION_RESULT_COLUMNS = [
  'file',
  'line',
  'outcome',
  'externalId',
  'recordId',
  'identityExternalId',
  'identityId',
  'threadKey',
  'status',
  'reason',
  'warning',
] as const;

export type ResultLine = Record<(typeof INTERACTION_RESULT_COLUMNS)[number], string | number>;

export class ResultsWriter {
  private readonly streams = new Map<InteractionOutcome, WriteStream>();

  private constructor(public readonly dir: string) {}

  public static async open(dir: string): Promise<ResultsWriter> {
    await mkdir(dir, { recursive: true });
    const writer = new ResultsWriter(dir);
    for (const outcome of INTERACTION_OUTCOMES) {
      const stream = createWriteStream(`${writer.fileOf(outcome)}.partial`, { encoding: 'utf8' });
      stream.write(stringify([], { header: true, columns: [...INTERACTION_RESULT_COLUMNS] }));
      writer.streams.set(outcome, stream);
    }
    return writer;
  }

  public fileOf(outcome: InteractionOutcome): string {
    return join(this.dir, `${outcome}.csv`);
  }

  /** Appends one row; waits when the disk is slower than the import, so buffers stay small. */
  public async write(line: ResultLine): Promise<void> {
    const stream = this.streams.get(line.outcome as InteractionOutcome)!;
    const text = stringify([INTERACTION_RESULT_COLUMNS.map((column) => line[column])], SPREADSHEET_SAFE_CAST);
    if (!stream.write(text)) await new Promise<void>((resolve) => stream.once('drain', resolve));
  }

  /** Closes every file and gives it its final name. */
  public async close(): Promise<Record<InteractionOutcome, string>> {
    const files = {} as Record<InteractionOutcome, string>;
    for (const [outcome, stream] of this.streams) {
      await new Promise<void>((resolve, reject) =>
        stream.end((error?: Error | null) => (error ? reject(error) : resolve())),
      );
      await rename(`${this.fileOf(outcome)}.partial`, this.fileOf(outcome));
      files[outcome] = this.fileOf(outcome);
    }
    return files;
  }

  /** Removes the partial files of a run that failed as a whole. */
  public async abandon(): Promise<void> {
    for (const [outcome, stream] of this.streams) {
      stream.destroy();
      await rm(`${this.fileOf(outcome)}.partial`, { force: true });
    }
  }
}
