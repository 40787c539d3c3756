// The report stage of `sf social mappings deploy`: every row's result line with its write's outcome,
// the stale links removed, the change files undo reads, and the command's JSON result. Also what is
// reported when the daily API limit stops a run. No call to the org is made here.
import type { FollowedConversions } from '../conversions/followConversions.js';
import type { DailyLimitError } from '../org/errors.js';
import type { Outcomes } from '../org/saveOutcomes.js';
import type { ApplyResult } from './apply.js';
import { notAttemptedRows } from './dailyLimit.js';
import type { PendingRows } from './pendingRows.js';
import type { Outcome } from './plan.js';
import { openResultFiles, resultCsv, writeStaleLinks } from './results.js';
import { writeChangeFiles, writePlannedResults, type PlannedChanges } from './review.js';
import type { SourceItem } from './sources/read.js';
import type { DeployPlan, DeploySpools } from './deployPlan.js';

export type ResultFiles = Awaited<ReturnType<typeof openResultFiles>>;

/** The JSON result of `sf social mappings deploy` (stable: scripts and `npm start` read it). */
export interface DeployResult {
  file: string;
  dryRun: boolean;
  /** Input rows read; the counts add up to it. */
  rows: number;
  /** Rows per outcome; on --dry-run, the planned outcomes. */
  counts: Record<Outcome, number>;
  /** Records created or updated in the org (planned ones on --dry-run). 0 on a rerun of the same file. */
  changes: number;
  channels: { declared: number; written: number; failed: number; errors: string[] };
  /** Links this tool made earlier that no row supports any more, removed (removeStaleLinks). */
  staleLinksRemoved: number;
  apiCalls: number;
  usedBulk: boolean;
  /** Where the per-outcome CSVs are; on --dry-run only when a results folder was given (then planned results). */
  resultsDir?: string;
  /** --dry-run only: what a deploy would write (nothing above counts as written). */
  planned?: PlannedChanges;
  /** Identities and interactions moved off converted Leads to their Contacts (planned on --dry-run). */
  followedConversions?: FollowedConversions;
}

/** What every result carries whatever happened: the run's file, mode, rows and declared channels. */
export interface RunFacts {
  file: string;
  dryRun: boolean;
  rows: number;
  declaredChannels: number;
  plannedAt: string;
  apiCalls: () => number;
}

/** A dry run: nothing was written to the org; the results folder, when given, gets what a deploy would write there. */
export async function reportDryRun(plan: DeployPlan, spools: DeploySpools, run: RunFacts): Promise<DeployResult> {
  const { files, resultsDir, pending, changeLog } = spools;
  const planned = await writePlannedResults(
    files === undefined || resultsDir === undefined ? undefined : { dir: resultsDir, files, pending },
    { changeLog, channelWrites: plan.channelWrites, staleUnlinks: plan.staleUnlinks },
    { mappingFile: run.file, plannedAt: run.plannedAt, rows: run.rows, counts: plan.counts },
  );
  return {
    file: run.file,
    dryRun: run.dryRun,
    rows: run.rows,
    counts: plan.counts,
    changes: 0,
    channels: { declared: run.declaredChannels, written: 0, failed: 0, errors: [] },
    staleLinksRemoved: 0,
    apiCalls: run.apiCalls(),
    usedBulk: false,
    ...(resultsDir !== undefined ? { resultsDir } : {}),
    planned: { ...planned, changes: plan.changes },
  };
}

/**
 * A deploy that wrote: each waiting row completed with its write's outcome, the stale links and change
 * files written. Returns the result and how many rows the daily API limit left not attempted.
 */
export async function reportDeployed(
  plan: DeployPlan,
  applied: ApplyResult,
  spools: DeploySpools & { files: ResultFiles; resultsDir: string },
  run: RunFacts,
  progress: (message: string) => void,
): Promise<{ result: DeployResult; notAttempted: number }> {
  const { files, resultsDir, pending, changeLog } = spools;
  const { counts, channelWrites, staleUnlinks } = plan;
  progress(`Writing results to ${resultsDir}`);
  const notAttempted = await settlePendingRows(pending, applied.identityResults, files, counts);
  let changes = 0;
  for (const outcome of applied.identityResults) if (outcome?.success) changes += 1;
  await files.close();
  await writeStaleLinks(
    resultsDir,
    staleUnlinks.map(({ identity }, index) => ({ identity, result: applied.staleResults.at(index) })),
  );
  await writeChangeFiles(resultsDir, { changeLog, channelWrites, staleUnlinks }, applied, {
    mappingFile: run.file,
    plannedAt: run.plannedAt,
    rows: run.rows,
    counts,
  });
  const channelErrors = applied.channelResults.flatMap((outcome, index) =>
    outcome.success ? [] : [`${channelWrites[index]!.key}: ${outcome.error ?? 'failed'}`],
  );
  const channelsWritten = applied.channelResults.filter((outcome) => outcome.success).length;
  let staleRemoved = 0;
  for (const outcome of applied.staleResults) if (outcome?.success) staleRemoved += 1;
  changes += channelsWritten + staleRemoved;
  return {
    notAttempted,
    result: {
      file: run.file,
      dryRun: run.dryRun,
      rows: run.rows,
      counts,
      changes,
      channels: {
        declared: run.declaredChannels,
        written: channelsWritten,
        failed: channelErrors.length,
        errors: channelErrors,
      },
      staleLinksRemoved: staleRemoved,
      apiCalls: run.apiCalls(),
      usedBulk: applied.usedBulk,
      resultsDir,
    },
  };
}

/**
 * Writes the rows that waited for their identity's write: with the identity's id (and the Lead created
 * for it), or as failed with the write's error, moving the row's count to `failed`. Returns how many
 * were not attempted because the daily API limit stopped the run.
 */
async function settlePendingRows(
  pending: PendingRows,
  identityResults: Outcomes,
  files: ResultFiles,
  counts: Record<Outcome, number>,
): Promise<number> {
  let notAttempted = 0;
  for await (const row of pending.drain()) {
    const outcome = identityResults.at(row.write);
    if (outcome?.success) {
      await files.writeText(
        row.outcome,
        row.csv({
          ...(outcome.id !== undefined ? { identityId: outcome.id } : {}),
          ...(outcome.relatedId !== undefined ? { leadId: outcome.relatedId } : {}),
        }),
      );
      continue;
    }
    const error = outcome?.error ?? 'not written';
    if (error.includes('NOT_ATTEMPTED')) notAttempted += 1;
    counts[row.outcome] -= 1;
    counts.failed += 1;
    await files.writeText('failed', row.failedCsv(row.failure(error)));
  }
  return notAttempted;
}

/**
 * The daily API limit stopped planning: rows waiting for a write, and every row of the partitions not
 * yet planned, go to the results as not attempted (rejected rows stay rejected). Closes the files and
 * returns how many rows were not attempted.
 */
export async function reportNotAttempted(
  error: DailyLimitError,
  files: ResultFiles,
  pending: PendingRows,
  unplanned: AsyncIterable<SourceItem[]>,
): Promise<number> {
  let notAttempted = 0;
  for await (const row of pending.drain()) {
    notAttempted += 1;
    await files.writeText('failed', row.failedCsv(error.notAttempted));
  }
  for await (const items of unplanned) {
    for (const row of notAttemptedRows(items, error)) {
      if (row.outcome === 'failed') notAttempted += 1;
      await files.writeText(row.outcome, resultCsv(row));
    }
  }
  await files.close();
  return notAttempted;
}

/** A deploy failed when a row was rejected or failed, or a channel could not be written. */
export function deployFailed(result: DeployResult): boolean {
  return result.counts.rejected > 0 || result.counts.failed > 0 || result.channels.failed > 0;
}
