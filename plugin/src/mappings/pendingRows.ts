// Result lines of rows whose identity is still to be written. A deploy plans partition by partition
// and writes at the end (one Bulk API job rather than one per partition), so these lines wait on disk
// until the write's outcome completes them; memory does not grow with the input. Each waits as CSV text
// already rendered, cut where the write's outcome may change it (the outcome, the record a created Lead
// gives it, the identity's id, the reason), so completing a line renders only those cells.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NdjsonFile } from '../memory/ndjsonFile.js';
import { resultCell } from '../results/spreadsheetSafe.js';
import type { Outcome, PlannedRow } from './plan.js';
import { recordObjectOf } from './results.js';

/**
 * One waiting line, as it is kept on disk: [write, outcome, the cells before the outcome (rendered,
 * with the comma after them), the cells between it and recordObject (rendered, commas around them),
 * recordObject, recordId, rule (rendered), identityId, reason].
 */
type Stored = [number, Outcome, string, string, string, string, string, string, string];

export class PendingRow {
  public constructor(private readonly stored: Stored) {}

  /** Index of the identity's write among all the deploy's identity writes. */
  public get write(): number {
    return this.stored[0];
  }

  public get outcome(): Outcome {
    return this.stored[1];
  }

  /** The line as planned, or with what the write made known: the identity's id, the Lead created for it. */
  public csv(known: { identityId?: string; leadId?: string } = {}): string {
    const [, outcome, head, middle, recordObject, recordId, rule, identityId, reason] = this.stored;
    const lead = known.leadId !== undefined;
    return `${head}${outcome}${middle}${lead ? 'Lead' : resultCell(recordObject)},${resultCell(lead ? known.leadId : recordId)},${rule},${resultCell(known.identityId ?? identityId)},${resultCell(reason)}\n`;
  }

  /** Why the row failed when its write failed with `error`: what it was to be, the error, its planned reason. */
  public failure(error: string): string {
    const reason = this.stored[8];
    return `${this.outcome} failed: ${error}${reason ? ` (${reason})` : ''}`;
  }

  /** The line moved to `failed`, with `reason` as its reason. */
  public failedCsv(reason: string): string {
    const [, , head, middle, recordObject, recordId, rule, identityId] = this.stored;
    return `${head}failed${middle}${resultCell(recordObject)},${resultCell(recordId)},${rule},${resultCell(identityId)},${resultCell(reason)}\n`;
  }
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

  /** Adds a planned row that waits for the write at `write` (its index among all the deploy's writes). */
  public add(row: PlannedRow, write: number): Promise<void> {
    const { origin, values } = row;
    const stored: Stored = [
      write,
      row.outcome,
      `${resultCell(origin.source)},${resultCell(origin.file)},${origin.line},`,
      `,${resultCell(row.externalId)},${resultCell(values.network)},${resultCell(values.userId)},${resultCell(values.handle)},`,
      recordObjectOf(row),
      row.target?.id ?? '',
      resultCell(row.rule),
      row.identityId ?? '',
      row.reason ?? '',
    ];
    this.count += 1;
    return this.file.add(stored);
  }

  /** Every row added, in the order added. */
  public async *drain(): AsyncGenerator<PendingRow> {
    for await (const batch of this.file.lineBatches()) {
      for (const line of batch) yield new PendingRow(JSON.parse(line) as Stored);
    }
  }

  public async discard(): Promise<void> {
    this.file.destroy();
    await rm(this.dir, { recursive: true, force: true });
  }
}
