// Result files written as rows become known: one CSV per outcome, each under a .partial name until
// the run ends and then renamed, so a folder never mixes a half-written run with a complete one.
// Rows go to disk in chunks of a few dozen kilobytes (waiting when the disk is slower), so memory does
// not grow with the input and the file system is not asked to write every row on its own; every string
// cell is made spreadsheet-safe.
import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { resultCell } from './spreadsheetSafe.js';

/** Text held per file before it goes to the stream: large enough to be cheap, small enough to stay young. */
const CHUNK_CHARS = 64 * 1024;

const WRITTEN: Promise<void> = Promise.resolve();

interface OpenFile {
  stream: WriteStream;
  /** Rows rendered and not yet handed to the stream. */
  buffered: string;
  failure?: Error;
}

export class OutcomeFiles<Outcome extends string, Column extends string> {
  private readonly files = new Map<Outcome, OpenFile>();

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
      const file: OpenFile = { stream, buffered: stringify([], { header: true, columns: [...columns] }) };
      // A failed write (a full disk) is reported by the next write or the close, not left unhandled.
      stream.on('error', (error) => (file.failure = error));
      files.files.set(outcome, file);
    }
    return files;
  }

  public pathOf(outcome: Outcome): string {
    return join(this.dir, this.fileName(outcome));
  }

  /** Appends one row to its outcome's file; waits when the disk is slower than the run. */
  public write(outcome: Outcome, line: Readonly<Record<Column, string | number>>): Promise<void> {
    let text = '';
    for (let index = 0; index < this.columns.length; index += 1) {
      if (index > 0) text += ',';
      text += resultCell(line[this.columns[index]!]);
    }
    return this.writeText(outcome, `${text}\n`);
  }

  /**
   * Appends rows already rendered as CSV (resultCell per cell, columns in order, each row ending in a
   * line break), for a caller that keeps rows as text until their outcome is known.
   */
  public writeText(outcome: Outcome, csv: string): Promise<void> {
    const file = this.files.get(outcome);
    if (file === undefined) throw new Error(`no result file for the outcome ${outcome}`);
    if (file.failure) throw file.failure;
    file.buffered += csv;
    return file.buffered.length < CHUNK_CHARS ? WRITTEN : flush(file);
  }

  /** Closes every file and gives it its final name. */
  public async close(): Promise<Record<Outcome, string>> {
    const paths = {} as Record<Outcome, string>;
    for (const [outcome, file] of this.files) {
      await flush(file);
      await new Promise<void>((resolve, reject) =>
        file.stream.end((error?: Error | null) => (error ? reject(error) : resolve())),
      );
      if (file.failure) throw file.failure;
      await rename(`${this.pathOf(outcome)}.partial`, this.pathOf(outcome));
      paths[outcome] = this.pathOf(outcome);
    }
    return paths;
  }

  /** Removes the partial files of a run that failed as a whole. */
  public async abandon(): Promise<void> {
    for (const [outcome, file] of this.files) {
      file.buffered = '';
      file.stream.destroy();
      await rm(`${this.pathOf(outcome)}.partial`, { force: true });
    }
  }
}

async function flush(file: OpenFile): Promise<void> {
  if (file.buffered === '') return;
  const text = file.buffered;
  file.buffered = '';
  // once() rejects on 'error', so a disk that fails while this waits does not leave it waiting.
  if (!file.stream.write(text)) await once(file.stream, 'drain');
  if (file.failure) throw file.failure;
}
