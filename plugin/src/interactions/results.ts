// Writes an import's results as it goes: one CSV per outcome (created.csv, updated.csv, deleted.csv,
// unchanged.csv, duplicate.csv, rejected.csv, failed.csv), every input row in exactly one of them with
// its line, the record id or the error. Rows are appended batch by batch, so memory does not grow with
// the file; each file is written under a .partial name and renamed when the run ends, so a folder never
// mixes a half-written run with a complete one.
import { OutcomeFiles } from '../results/outcomeFiles.js';
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

type ResultColumn = (typeof INTERACTION_RESULT_COLUMNS)[number];

export type ResultLine = Record<ResultColumn, string | number>;

/** The per-outcome result files of an import (created.csv, updated.csv, …), rows appended as they settle. */
export class ResultsWriter {
  private constructor(private readonly files: OutcomeFiles<InteractionOutcome, ResultColumn>) {}

  public static async open(dir: string): Promise<ResultsWriter> {
    return new ResultsWriter(
      await OutcomeFiles.open(dir, INTERACTION_OUTCOMES, INTERACTION_RESULT_COLUMNS, (outcome) => `${outcome}.csv`),
    );
  }

  public get dir(): string {
    return this.files.dir;
  }

  public fileOf(outcome: InteractionOutcome): string {
    return this.files.pathOf(outcome);
  }

  /** Appends one row; waits when the disk is slower than the import, so buffers stay small. */
  public write(line: ResultLine): Promise<void> {
    return this.files.write(line.outcome as InteractionOutcome, line);
  }

  /** Closes every file and gives it its final name. */
  public close(): Promise<Record<InteractionOutcome, string>> {
    return this.files.close();
  }

  /** Removes the partial files of a run that failed as a whole. */
  public abandon(): Promise<void> {
    return this.files.abandon();
  }
}
