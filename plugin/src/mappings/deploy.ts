// `sf social mappings deploy`, as four stages with one job each: read (the mapping file and one pass over
// its sources, partitions.ts) -> plan (resolve against the org and plan each row, deployPlan.ts) -> write
// (applyPlan, apply.ts) -> report (result files, change files and the JSON result, deployReport.ts).
// The command calls this with a Connection and shows the plan; this module owns the order of the stages,
// the disk spools they share, and what "done" means: every input row has exactly one outcome, written to
// the results folder, and a run that fails as a whole leaves no half-written results behind.
import { access, rmdir } from 'node:fs/promises';
import { applyPlan } from './apply.js';
import { followLeadConversions } from '../conversions/followConversions.js';
import { collectGarbage } from '../memory/collectGarbage.js';
import { DEFAULT_BULK_THRESHOLD } from '../org/limits.js';
import { DailyLimitError } from '../org/errors.js';
import { OrgClient, type OrgConnection } from '../org/client.js';
import type { RetryPolicy } from '../org/retry.js';
import { loadMappingFile } from './mappingFile/load.js';
import { PartitionedSources } from './partitions.js';
import { PendingRows } from './pendingRows.js';
import type { Outcome } from './plan.js';
import { SpooledWrites } from './spooledWrites.js';
import { channelChanges, IdentityChangeLog, type ChannelChange } from './changeFiles.js';
import { openResultFiles } from './results.js';
import { checkSourceFiles } from './sources/read.js';
import { refuseDeployResults } from './review.js';
import { ScanValues } from './resolve.js';
import { planDeploy, type DeployInput, type DeploySpools } from './deployPlan.js';
import { reportDeployed, reportDryRun, type DeployResult, type RunFacts } from './deployReport.js';

export { deployFailed, type DeployResult } from './deployReport.js';

export interface DeployOptions {
  file: string;
  connection: OrgConnection;
  dryRun: boolean;
  /** --allow-outside-sources: source files may lie outside the mapping file's folder. */
  allowOutsideSources?: boolean;
  /** Where results go; on --dry-run, the planned results, and only when given. */
  resultsDir?: string;
  bulkThreshold?: number;
  /** Rows planned at a time (partitions.ts); tests make it small to cross partitions. */
  partitionRows?: number;
  /** How hard to retry what the org did not process (tests shorten the pauses). */
  retry?: Partial<RetryPolicy>;
  onProgress?: (message: string) => void;
  /** Called with the planned outcomes before anything is written (also on --dry-run). */
  onPlan?: (plan: { counts: Record<Outcome, number>; changes: number; channelChanges: ChannelChange[] }) => void;
  now?: () => Date;
}

export async function deployMapping(options: DeployOptions): Promise<{ result: DeployResult }> {
  const progress = options.onProgress ?? (() => undefined);
  const resultsDir = options.resultsDir;
  if (resultsDir === undefined && !options.dryRun) throw new Error('deployMapping: a deploy needs a results folder');
  const input = await readDeployInput(options, progress);
  const createdDir = resultsDir !== undefined && !(await exists(resultsDir));
  let spools: DeploySpools;
  try {
    spools = await openSpools(resultsDir);
  } catch (error) {
    await input.sources.discard();
    throw error;
  }
  const org = new OrgClient(options.connection, options.retry ? { retry: options.retry } : {});
  const plannedAt = (options.now?.() ?? new Date()).toISOString();
  const run: RunFacts = {
    file: options.file,
    dryRun: options.dryRun,
    rows: input.sources.rows,
    declaredChannels: input.loaded.mapping.channels.length,
    plannedAt,
    apiCalls: () => org.apiCalls,
  };
  try {
    // Before resolving: an identity still on a converted Lead moves to its Contact first, so the
    // plan sees where it is now (a rep's link included) and never links it back to the Lead.
    progress('Following converted leads');
    const followedConversions = await followLeadConversions(org, { dryRun: options.dryRun });
    const withConversions = (result: DeployResult): { result: DeployResult } => ({
      result: {
        ...result,
        changes:
          result.changes + (options.dryRun ? 0 : followedConversions.identities + followedConversions.interactions),
        followedConversions,
      },
    });
    const plan = await planDeploy(org, input, spools, { now: plannedAt, progress });
    options.onPlan?.({
      counts: { ...plan.counts },
      changes: plan.changes,
      channelChanges: channelChanges(plan.channelWrites),
    });
    if (options.dryRun) return withConversions(await reportDryRun(plan, spools, run));
    const { files } = spools;
    if (files === undefined || resultsDir === undefined) throw new Error('deployMapping: no results folder');

    const applied = await applyPlan(
      org,
      { identityWrites: spools.writes, channelWrites: plan.channelWrites, staleUnlinks: plan.staleUnlinks },
      { bulkThreshold: options.bulkThreshold ?? DEFAULT_BULK_THRESHOLD, onProgress: progress },
    );
    collectGarbage();
    const { result, notAttempted } = await reportDeployed(
      plan,
      applied,
      { ...spools, files, resultsDir },
      run,
      progress,
    );
    // The daily API limit stopped the writes: the results say which rows were not sent; the command says how to resume.
    if (org.dailyLimit) {
      org.dailyLimit.stoppedRun = { resultsDir, rows: run.rows, notAttempted };
      throw org.dailyLimit;
    }
    return withConversions(result);
  } catch (error) {
    // A run that failed as a whole (a rule the org refused, …) leaves no half-written results behind.
    if (spools.files !== undefined && !(error instanceof DailyLimitError)) {
      await spools.files.abandon();
      if (createdDir && resultsDir !== undefined) await rmdir(resultsDir).catch(() => undefined);
    }
    throw error;
  } finally {
    await spools.pending.discard();
    await spools.writes.discard();
    await spools.changeLog.discard();
    await input.sources.discard();
  }
}

/**
 * The read stage: the mapping file, its sources checked, and the one read of the sources, which counts
 * the rows and refuses a bad file before any call to the org.
 */
async function readDeployInput(options: DeployOptions, progress: (message: string) => void): Promise<DeployInput> {
  const loaded = await loadMappingFile(options.file, { allowOutsideSources: options.allowOutsideSources ?? false });
  await checkSourceFiles(loaded, options.file);
  if (options.dryRun && options.resultsDir !== undefined) await refuseDeployResults(options.resultsDir);
  progress('Reading sources');
  // The scan rules keep only what the input's values can match: noted as the rows are read.
  const scanValues = new ScanValues(loaded.mapping);
  const sources = await PartitionedSources.read(
    loaded,
    options.file,
    (count) => progress(`Reading sources: ${count} rows`),
    options.partitionRows,
    (identity) => scanValues.note(identity),
  );
  return { loaded, sources, mappingDisplayPath: options.file, scanValues };
}

/** The result files (when there is a folder) and the disk spools the plan fills and the report drains. */
async function openSpools(resultsDir: string | undefined): Promise<DeploySpools> {
  const opened: Array<{ discard(): Promise<void> }> = [];
  try {
    const pending = await PendingRows.open();
    opened.push(pending);
    const writes = await SpooledWrites.open();
    opened.push(writes);
    const changeLog = await IdentityChangeLog.open();
    opened.push(changeLog);
    const files = resultsDir === undefined ? undefined : await openResultFiles(resultsDir);
    return { files, resultsDir, pending, writes, changeLog };
  } catch (error) {
    for (const spool of opened) await spool.discard();
    throw error;
  }
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}
