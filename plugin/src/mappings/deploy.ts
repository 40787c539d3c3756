// `sf social mappings deploy`: read sources -> resolve against the org -> plan -> apply -> results.
// The command calls this with a Connection and shows the plan; this module owns the order of the steps
// and what "done" means: every input row has exactly one outcome, written to the results folder.
// Memory stays flat with the input: sources are read once and planned one partition at a time
// (partitions.ts), rows
// whose outcome is final go to the result files at once, rows waiting for their identity's write wait
// on disk (pendingRows.ts), and so do the writes (spooledWrites.ts), which go out together at the end.
import { access, rmdir } from 'node:fs/promises';
import { applyPlan, DEFAULT_BULK_THRESHOLD } from './apply.js';
import { collectGarbage } from '../memory/collectGarbage.js';
import { notAttemptedRows } from './dailyLimit.js';
import { loadMappingFile } from './mappingFile/load.js';
import { DailyLimitError, OrgClient, type OrgConnection, type RetryPolicy, type SaveOutcome } from '../org/client.js';
import { PartitionedSources } from './partitions.js';
import { PendingRows } from './pendingRows.js';
import { buildPlan, OUTCOMES, planChannels, planStaleUnlinks, type ChannelWrite, type Outcome } from './plan.js';
import { resolveAgainstOrg, SharedReads, type ExistingIdentity } from './resolve.js';
import { SpooledWrites } from './spooledWrites.js';
import { channelChanges, IdentityChangeLog, type ChannelChange } from './changeFiles.js';
import { openResultFiles, resultLine, writeStaleLinks } from './results.js';
import { checkSourceFiles, type SourceItem } from './sources/read.js';
import { refuseDeployResults, writeChangeFiles, writePlannedResults, type PlannedChanges } from './review.js';

type ResultFiles = Awaited<ReturnType<typeof openResultFiles>>;

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
}

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
  const loaded = await loadMappingFile(options.file, { allowOutsideSources: options.allowOutsideSources ?? false });
  await checkSourceFiles(loaded, options.file);
  if (options.dryRun && options.resultsDir !== undefined) await refuseDeployResults(options.resultsDir);

  // The one read of the sources counts the rows and refuses a bad file before any call to the org.
  progress('Reading sources');
  const sources = await PartitionedSources.read(
    loaded,
    options.file,
    (count) => progress(`Reading sources: ${count} rows`),
    options.partitionRows,
  );
  const { rows, partitions } = sources;

  const org = new OrgClient(options.connection, options.retry ? { retry: options.retry } : {});
  const context = { mapping: loaded.mapping, locate: loaded.locate, mappingDisplayPath: options.file };
  const shared = new SharedReads();
  const now = (options.now?.() ?? new Date()).toISOString();
  const counts = Object.fromEntries(OUTCOMES.map((outcome) => [outcome, 0])) as Record<Outcome, number>;
  let channelWrites: ChannelWrite[] = [];
  // Links this tool made that no row has mentioned yet: what is left at the end is stale.
  const unmentioned = new Map<string, ExistingIdentity>();
  const resultsDir = options.resultsDir;
  if (resultsDir === undefined && !options.dryRun) throw new Error('deployMapping: a deploy needs a results folder');
  const createdDir = resultsDir !== undefined && !(await exists(resultsDir));
  let files: ResultFiles | undefined;
  let pending: PendingRows;
  let writes: SpooledWrites;
  let changeLog: IdentityChangeLog;
  try {
    files = resultsDir === undefined ? undefined : await openResultFiles(resultsDir);
    pending = await PendingRows.open();
    writes = await SpooledWrites.open();
    changeLog = await IdentityChangeLog.open();
  } catch (error) {
    await sources.discard();
    throw error;
  }
  try {
    for (let partition = 0; partition < partitions; partition += 1) {
      // The previous partition's rows, resolutions and plan are garbage now (collectGarbage.ts).
      if (partition > 0) collectGarbage();
      const items = await sources.partition(partition);
      const identities = items.flatMap((item) => (item.kind === 'identity' ? [item.identity] : []));
      progress(
        `Resolving ${identities.length} identities against the org${partitions > 1 ? ` (part ${partition + 1} of ${partitions})` : ''}`,
      );
      let state: Awaited<ReturnType<typeof resolveAgainstOrg>>;
      try {
        state = await resolveAgainstOrg(org, identities, context, shared);
      } catch (error) {
        if (!(error instanceof DailyLimitError) || files === undefined || resultsDir === undefined) throw error;
        // The daily API limit before everything was planned: no write was sent, every row is reported.
        const rest = async function* (): AsyncGenerator<SourceItem[]> {
          yield items;
          for (let later = partition + 1; later < partitions; later += 1) {
            yield await sources.partition(later);
          }
        };
        const notAttempted = await reportNotAttempted(error, files, pending, rest());
        await writeStaleLinks(resultsDir, []);
        error.stoppedRun = { resultsDir, rows, notAttempted };
        throw error;
      }
      if (partition === 0) {
        channelWrites = planChannels(loaded.mapping.channels, state.channels);
        for (const link of state.mappingLinks) unmentioned.set(link.External_Id__c, link);
      }
      for (const identity of identities) unmentioned.delete(identity.externalId);

      const plan = buildPlan({
        mapping: loaded.mapping,
        items,
        org: { ...state, staleLinks: [] },
        now,
        reportDuplicates: true,
      });
      const offset = writes.length;
      for (const write of plan.identityWrites) {
        const index = await writes.add(write);
        if (files !== undefined) await changeLog.add(index, write);
      }
      for (const row of plan.rows) {
        counts[row.outcome] += 1;
        if (files === undefined) continue;
        if (row.write === undefined) await files.write(row.outcome, resultLine(row));
        else {
          await pending.add({
            line: resultLine(row),
            outcome: row.outcome,
            ...(row.reason !== undefined ? { reason: row.reason } : {}),
            write: offset + row.write,
          });
        }
      }
    }

    collectGarbage();
    const staleUnlinks = planStaleUnlinks([...unmentioned.values()]);
    const plannedChanges = writes.length + channelWrites.length + staleUnlinks.length;
    options.onPlan?.({ counts: { ...counts }, changes: plannedChanges, channelChanges: channelChanges(channelWrites) });
    const base = {
      file: options.file,
      dryRun: options.dryRun,
      rows,
      channels: { declared: loaded.mapping.channels.length, written: 0, failed: 0, errors: [] as string[] },
    };
    if (options.dryRun) {
      // Nothing is written to the org; the results folder, when given, gets what a deploy would write there.
      const planned = await writePlannedResults(
        files === undefined || resultsDir === undefined ? undefined : { dir: resultsDir, files, pending },
        { changeLog, channelWrites, staleUnlinks },
        { mappingFile: options.file, plannedAt: now, rows, counts },
      );
      return {
        result: {
          ...base,
          counts,
          changes: 0,
          staleLinksRemoved: 0,
          apiCalls: org.apiCalls,
          usedBulk: false,
          ...(resultsDir !== undefined ? { resultsDir } : {}),
          planned: { ...planned, changes: plannedChanges },
        },
      };
    }
    if (files === undefined || resultsDir === undefined) throw new Error('deployMapping: no results folder');

    const applied = await applyPlan(
      org,
      { identityWrites: writes, channelWrites, staleUnlinks },
      { bulkThreshold: options.bulkThreshold ?? DEFAULT_BULK_THRESHOLD, onProgress: progress },
    );
    collectGarbage();
    progress(`Writing results to ${resultsDir}`);
    const notAttempted = await settlePendingRows(pending, applied.identityResults, files, counts);
    let changes = 0;
    for (const outcome of applied.identityResults) if (outcome?.success) changes += 1;
    await files.close();
    await writeStaleLinks(
      resultsDir,
      staleUnlinks.map(({ identity }, index) => ({ identity, result: applied.staleResults[index] })),
    );
    await writeChangeFiles(resultsDir, { changeLog, channelWrites, staleUnlinks }, applied, {
      mappingFile: options.file,
      plannedAt: now,
      rows,
      counts,
    });
    const channelErrors = applied.channelResults.flatMap((outcome, index) =>
      outcome.success ? [] : [`${channelWrites[index]!.key}: ${outcome.error ?? 'failed'}`],
    );
    const channelsWritten = applied.channelResults.filter((outcome) => outcome.success).length;
    const staleRemoved = applied.staleResults.filter((outcome) => outcome.success).length;
    changes += channelsWritten + staleRemoved;
    // The daily API limit stopped the writes: the results say which rows were not sent; the command says how to resume.
    if (org.dailyLimit) {
      org.dailyLimit.stoppedRun = { resultsDir, rows, notAttempted };
      throw org.dailyLimit;
    }
    return {
      result: {
        ...base,
        counts,
        changes,
        channels: { ...base.channels, written: channelsWritten, failed: channelErrors.length, errors: channelErrors },
        staleLinksRemoved: staleRemoved,
        apiCalls: org.apiCalls,
        usedBulk: applied.usedBulk,
        resultsDir,
      },
    };
  } catch (error) {
    // A run that failed as a whole (a rule the org refused, …) leaves no half-written results behind.
    if (files !== undefined && !(error instanceof DailyLimitError)) {
      await files.abandon();
      if (createdDir) await rmdir(resultsDir).catch(() => undefined);
    }
    throw error;
  } finally {
    await pending.discard();
    await writes.discard();
    await changeLog.discard();
    await sources.discard();
  }
}

/**
 * Writes the rows that waited for their identity's write: with the identity's id (and the Lead created
 * for it), or as failed with the write's error, moving the row's count to `failed`. Returns how many
 * were not attempted because the daily API limit stopped the run.
 */
async function settlePendingRows(
  pending: PendingRows,
  identityResults: ReadonlyArray<SaveOutcome | undefined>,
  files: ResultFiles,
  counts: Record<Outcome, number>,
): Promise<number> {
  let notAttempted = 0;
  for await (const row of pending.drain()) {
    const outcome = identityResults[row.write];
    if (outcome?.success) {
      const line = { ...row.line };
      if (outcome.id !== undefined) line.identityId = outcome.id;
      if (outcome.relatedId !== undefined) Object.assign(line, { recordObject: 'Lead', recordId: outcome.relatedId });
      await files.write(row.outcome, line);
      continue;
    }
    const error = outcome?.error ?? 'not written';
    if (error.includes('NOT_ATTEMPTED')) notAttempted += 1;
    counts[row.outcome] -= 1;
    counts.failed += 1;
    await files.write('failed', {
      ...row.line,
      outcome: 'failed',
      reason: `${row.outcome} failed: ${error}${row.reason ? ` (${row.reason})` : ''}`,
    });
  }
  return notAttempted;
}

/**
 * The daily API limit stopped planning: rows waiting for a write, and every row of the partitions not
 * yet planned, go to the results as not attempted (rejected rows stay rejected). Closes the files and
 * returns how many rows were not attempted.
 */
async function reportNotAttempted(
  error: DailyLimitError,
  files: ResultFiles,
  pending: PendingRows,
  unplanned: AsyncIterable<SourceItem[]>,
): Promise<number> {
  let notAttempted = 0;
  for await (const row of pending.drain()) {
    notAttempted += 1;
    await files.write('failed', { ...row.line, outcome: 'failed', reason: error.notAttempted });
  }
  for await (const items of unplanned) {
    for (const row of notAttemptedRows(items, error)) {
      if (row.outcome === 'failed') notAttempted += 1;
      await files.write(row.outcome, resultLine(row));
    }
  }
  await files.close();
  return notAttempted;
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

/** A deploy failed when a row was rejected or failed, or a channel could not be written. */
export function deployFailed(result: DeployResult): boolean {
  return result.counts.rejected > 0 || result.counts.failed > 0 || result.channels.failed > 0;
}
