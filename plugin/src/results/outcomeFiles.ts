// Result files written as rows become known: one CSV per outcome, each under a .partial name until
// the run ends and then renamed, so a folder never mixes a half-written run with a complete one.
// Rows are copied as bytes into a chunk per file, reused, and handed to the file synchronously when it
// is full (a few dozen kilobytes into the system's cache), so memory does not grow with the input and the
// file system is not asked to write every row on its own. Text held until a chunk was full (a string a
// row, joined) lived long enough to be promoted to V8's old generation, garbage only a full collection
// frees (memory/ndjsonFile.ts says the same of the spools). Every string cell is made spreadsheet-safe.
import { closeSync, openSync, writeSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { resultCell } from './spreadsheetSafe.js';

/** Bytes held per file before they go to the file: large enough to be cheap, small enough for many files. */
const CHUNK_BYTES = 64 * 1024;
/** UTF-8 bytes a UTF-16 code unit can take, at most. */
const MAX_BYTES_PER_UNIT = 3;

const WRITTEN: Promise<void> = Promise.resolve();

interface OpenFile {
  fd: number;
  /** Rows rendered and not yet handed to the file, as bytes: chunk[0, used). */
  chunk: Buffer;
  used: number;
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
    try {
      for (const outcome of outcomes) {
        const file: OpenFile = {
          fd: openSync(`${files.pathOf(outcome)}.partial`, 'w'),
          chunk: Buffer.allocUnsafe(CHUNK_BYTES),
          used: 0,
        };
        files.files.set(outcome, file);
        append(file, stringify([], { header: true, columns: [...columns] }));
      }
    } catch (error) {
      await files.abandon();
      throw error;
    }
    return files;
  }

  public pathOf(outcome: Outcome): string {
    return join(this.dir, this.fileName(outcome));
  }

  /** Appends one row to its outcome's file. */
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
    try {
      append(file, csv);
    } catch (error) {
      // A write the disk refused (a full disk): this write and every later one and the close fail with it.
      file.failure = error as Error;
      return Promise.reject(file.failure);
    }
    return WRITTEN;
  }

  /** Closes every file and gives it its final name. */
  public async close(): Promise<Record<Outcome, string>> {
    const paths = {} as Record<Outcome, string>;
    for (const [outcome, file] of this.files) {
      if (file.failure) throw file.failure;
      flush(file);
      closeSync(file.fd);
      file.fd = -1;
      await rename(`${this.pathOf(outcome)}.partial`, this.pathOf(outcome));
      paths[outcome] = this.pathOf(outcome);
    }
    return paths;
  }

  /** Removes the partial files of a run that failed as a whole. */
  public async abandon(): Promise<void> {
    for (const [outcome, file] of this.files) {
      file.used = 0;
      if (file.fd >= 0) closeSync(file.fd);
      file.fd = -1;
      await rm(`${this.pathOf(outcome)}.partial`, { force: true });
    }
  }
}

/** Copies rendered rows into the file's chunk, writing the chunk first when they might not fit. */
function append(file: OpenFile, text: string): void {
  const room = text.length * MAX_BYTES_PER_UNIT;
  if (file.used + room > file.chunk.length) flush(file);
  if (room > file.chunk.length) {
    // Longer than a chunk: straight to the file.
    writeSync(file.fd, text);
    return;
  }
  file.used += file.chunk.write(text, file.used);
}

function flush(file: OpenFile): void {
  for (let written = 0; written < file.used;) {
    written += writeSync(file.fd, file.chunk, written, file.used - written);
  }
  file.used = 0;
}
