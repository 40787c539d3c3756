// The report stage of `sf social interactions import`: each row's result line goes through one tally,
// which counts outcomes, keeps the first problems and the thread keys, and writes the results folder.
// Also the write-and-report of the spooled batches: every batch's writes together (one Bulk API job above
// the threshold, unless the upload would be too large: no write needs another's record id), then every
// row's result in the file's order, with its write's outcome.
import type { Outcomes } from '../org/saveOutcomes.js';
import type { OrgClient } from '../org/client.js';
import { collectGarbage } from '../memory/collectGarbage.js';
import { applyWrites, settleLine } from './batch.js';
import type { DailyLimitStop } from './dailyLimitStop.js';
import { INTERACTION_OUTCOMES, type InteractionOutcome } from './plan.js';
import type { ResultLine, ResultsWriter } from './results.js';
import type { ImportSpool } from './spool.js';

const SHOWN_PROBLEMS = 20;

export class ImportTally {
  public readonly counts = Object.fromEntries(INTERACTION_OUTCOMES.map((outcome) => [outcome, 0])) as Record<
    InteractionOutcome,
    number
  >;
  public readonly problems: string[] = [];
  public readonly threadKeys = new Set<string>();
  public warnings = 0;
  public notAttempted = 0;
  /** Records created or changed (planned ones on --dry-run). */
  public changes = 0;
  public usedBulk = false;

  public constructor(private readonly writer: ResultsWriter | undefined) {}

  public async report(line: ResultLine): Promise<void> {
    if (line.threadKey !== '') this.threadKeys.add(String(line.threadKey));
    this.counts[line.outcome as InteractionOutcome] += 1;
    if ((line.outcome === 'rejected' || line.outcome === 'failed') && this.problems.length < SHOWN_PROBLEMS) {
      this.problems.push(`${line.file}:${line.line}: ${line.reason}`);
    }
    if (line.warning !== '') this.warnings += 1;
    if (String(line.reason).includes('NOT_ATTEMPTED')) this.notAttempted += 1;
    await this.writer?.write(line);
  }
}

/**
 * The write stage and the report of its rows: a job's outcomes are held only until its rows are
 * reported. After the daily limit, rows whose write was not sent are reported NOT_ATTEMPTED.
 */
export async function applyAndReport(
  org: OrgClient,
  spool: ImportSpool,
  tally: ImportTally,
  stop: DailyLimitStop,
  options: { bulkThreshold: number; progress: (message: string) => void },
): Promise<void> {
  const jobs = spool.plannedJobs();
  let outcomes: Outcomes | undefined;
  let first = 0;
  let end = 0;
  for await (const { line, write } of spool.spooledLines()) {
    if (write === undefined) {
      await tally.report(line);
      continue;
    }
    if (write >= end) {
      const job = jobs.shift()!;
      first = job.first;
      end = first + job.records.count;
      outcomes = undefined;
      collectGarbage();
      if (!stop.stoppedBy) {
        const applied = await applyWrites(org, job.records, {
          bulkThreshold: options.bulkThreshold,
          onProgress: options.progress,
        });
        outcomes = applied.outcomes;
        tally.usedBulk ||= applied.usedBulk;
        stop.stoppedBy ??= org.dailyLimit;
      }
    }
    if (outcomes === undefined) {
      // The daily limit stopped the run before the write was sent.
      await tally.report({
        ...line,
        outcome: 'failed',
        recordId: '',
        threadKey: '',
        status: '',
        reason: stop.notAttempted,
      });
      continue;
    }
    if (settleLine(line, outcomes.at(write - first))) tally.changes += 1;
    await tally.report(line);
  }
}

/** Questions already in the org that the export answers, marked Responded (counted on --dry-run). */
export async function markAnswered(
  org: OrgClient,
  answers: Array<Record<string, unknown>>,
  tally: ImportTally,
  stop: DailyLimitStop,
  dryRun: boolean,
): Promise<number> {
  if (dryRun) {
    tally.changes += answers.length;
    return answers.length;
  }
  if (answers.length === 0 || stop.stoppedBy) return answers.length;
  const results = await org.upsertCollections('Social_Interaction__c', 'External_Id__c', answers);
  const answeredInOrg = results.filter((result) => result.success).length;
  tally.changes += answeredInOrg;
  tally.problems.push(
    ...results.flatMap((result, index) =>
      result.success
        ? []
        : [`${String(answers[index]!.External_Id__c)}: could not be marked Responded: ${result.error ?? 'failed'}`],
    ),
  );
  return answeredInOrg;
}
