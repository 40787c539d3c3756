// Result files written as rows become known: one CSV per outcome, each under a .partial name until
// the run ends and then renamed, so a folder never mixes a half-written run with a complete one.
// Rows go straight to disk (waiting when the disk is slower), so memory does not grow with the input;
// every string cell is made spreadsheet-safe.
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { SPREADSHEET_SAFE_CAST } from './spreadsheetSafe.js';

export class OutcomeFiles<Outcome extends string, Column extends string> {
  private readonly streams = new Map<Outcome, WriteStream>();

  private constructor(
    public readonly dir: string,
    private readonly columns: readonly Column[],
    private readonly fileName: (outcome: Outcome) => string,
  ) {}

  /** Creates the folder and one file per outcome, empty ones too: a folder describes exactly one run. */
  public static async open<Outcome extends string, Column extends string>(
    dir: string,
    outcomes: readonly Outcome[],
    columns: readonly Column[],
    fileName: (outcome: Outcome) => string,
  ): Promise<OutcomeFiles<Outcome, Column>> {
    await mkdir(dir, { recursive: true });
    const files = new OutcomeFiles(dir, columns, fileName);
    for (const outcome of outcomes) {
      const stream = createWriteStream(`${files.pathOf(outcome)}.partial`, { encoding: 'utf8' });
      stream.write(stringify([], { header: true, columns: [...columns] }));
      files.streams.set(outcome, stream);
    }
    return files;
  }

  public pathOf(outcome: Outcome): string {
    return join(this.dir, this.fileName(outcome));
  }

  /** Appends one row to its outcome's file; waits when the disk is slower than the run. */
  public async write(outcome: Outcome, line: Readonly<Record<Column, string | number>>): Promise<void> {
    const stream = this.streams.get(outcome);
    if (stream === undefined) throw new Error(`no result file for the outcome ${outcome}`);
    const text = stringify([this.columns.map((column) => line[column])], SPREADSHEET_SAFE_CAST);
    if (!stream.write(text)) await new Promise<void>((resolve) => stream.once('drain', resolve));
  }

  /** Closes every file and gives it its final name. */
  public async close(): Promise<Record<Outcome, string>> {
    const paths = {} as Record<Outcome, string>;
    for (const [outcome, stream] of this.streams) {
      await new Promise<void>((resolve, reject) =>
        stream.end((error?: Error | null) => (error ? reject(error) : resolve())),
      );
      await rename(`${this.pathOf(outcome)}.partial`, this.pathOf(outcome));
      paths[outcome] = this.pathOf(outcome);
    }
    return paths;
  }

  /** Removes the partial files of a run that failed as a whole. */
  public async abandon(): Promise<void> {
    for (const [outcome, stream] of this.streams) {
      stream.destroy();
      await rm(`${this.pathOf(outcome)}.partial`, { force: true });
    }
  }
}
