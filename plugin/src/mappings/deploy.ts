// `sf social mappings deploy`: read sources -> resolve against the org -> plan -> apply -> results.
// The command calls this with a Connection and shows the plan; this module owns the order of the steps
// and what "done" means: every input row has exactly one outcome, written to the results folder.
import { applyPlan, DEFAULT_BULK_THRESHOLD } from './apply.js';
import type { Identity } from './identity.js';
import { loadMappingFile } from './mappingFile/load.js';
import { OrgClient, type OrgConnection, type SaveOutcome } from './org.js';
import { buildPlan, countOutcomes, type Outcome, type Plan } from './plan.js';
import { resolveAgainstOrg } from './resolve.js';
import { writeResults } from './results.js';
import { checkSourceFiles, readSources, type SourceItem } from './sources/read.js';

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
  /** Where the per-outcome CSVs are; absent on --dry-run. */
  resultsDir?: string;
}

export interface DeployOptions {
  file: string;
  connection: OrgConnection;
  dryRun: boolean;
  resultsDir: string;
  bulkThreshold?: number;
  onProgress?: (message: string) => void;
  /** Called with the planned outcomes before anything is written (also on --dry-run). */
  onPlan?: (plan: { counts: Record<Outcome, number>; changes: number }) => void;
  now?: () => Date;
}

export async function deployMapping(options: DeployOptions): Promise<{ result: DeployResult; plan: Plan }> {
  const progress = options.onProgress ?? (() => undefined);
  const loaded = await loadMappingFile(options.file);
  await checkSourceFiles(loaded, options.file);

  progress('Reading sources');
  const items: SourceItem[] = [];
  for await (const item of readSources(loaded, options.file)) {
    items.push(item);
    if (items.length % 10000 === 0) progress(`Reading sources: ${items.length} rows`);
  }
  const identities: Identity[] = items.flatMap((item) => (item.kind === 'identity' ? [item.identity] : []));

  progress(`Resolving ${identities.length} identities against the org`);
  const org = new OrgClient(options.connection);
  const state = await resolveAgainstOrg(org, identities, {
    mapping: loaded.mapping,
    locate: loaded.locate,
    mappingDisplayPath: options.file,
  });
  const plan = buildPlan({
    mapping: loaded.mapping,
    items,
    org: state,
    now: (options.now?.() ?? new Date()).toISOString(),
  });

  const plannedChanges = plan.identityWrites.length + plan.channelWrites.length + plan.staleUnlinks.length;
  options.onPlan?.({ counts: countOutcomes(plan.rows), changes: plannedChanges });

  const base = {
    file: options.file,
    dryRun: options.dryRun,
    rows: plan.rows.length,
    channels: { declared: loaded.mapping.channels.length, written: 0, failed: 0, errors: [] as string[] },
  };
  if (options.dryRun) {
    return {
      plan,
      result: {
        ...base,
        counts: countOutcomes(plan.rows),
        changes: plannedChanges,
        channels: { ...base.channels, written: plan.channelWrites.length },
        staleLinksRemoved: plan.staleUnlinks.length,
        apiCalls: org.apiCalls,
        usedBulk: false,
      },
    };
  }

  const applied = await applyPlan(org, plan, {
    bulkThreshold: options.bulkThreshold ?? DEFAULT_BULK_THRESHOLD,
    onProgress: progress,
  });
  let changes = 0;
  const succeeded = (outcome: SaveOutcome | undefined): boolean => outcome?.success === true;
  applied.identityResults.forEach((outcome) => (changes += succeeded(outcome) ? 1 : 0));
  for (const row of plan.rows) {
    if (row.write === undefined) continue;
    const outcome = applied.identityResults[row.write];
    if (outcome?.success) {
      if (outcome.id !== undefined) row.identityId = outcome.id;
      if (outcome.relatedId !== undefined) row.target = { object: 'Lead', id: outcome.relatedId };
    } else {
      row.reason = `${row.outcome} failed: ${outcome?.error ?? 'not written'}${row.reason ? ` (${row.reason})` : ''}`;
      row.outcome = 'failed';
    }
  }
  const channelErrors = applied.channelResults.flatMap((outcome, index) =>
    outcome.success ? [] : [`${plan.channelWrites[index]!.key}: ${outcome.error ?? 'failed'}`],
  );
  const channelsWritten = applied.channelResults.filter(succeeded).length;
  const staleRemoved = applied.staleResults.filter(succeeded).length;
  changes += channelsWritten + staleRemoved;

  progress(`Writing results to ${options.resultsDir}`);
  await writeResults(
    options.resultsDir,
    plan.rows,
    plan.staleUnlinks.map(({ identity }, index) => ({ identity, result: applied.staleResults[index] })),
  );
  return {
    plan,
    result: {
      ...base,
      counts: countOutcomes(plan.rows),
      changes,
      channels: { ...base.channels, written: channelsWritten, failed: channelErrors.length, errors: channelErrors },
      staleLinksRemoved: staleRemoved,
      apiCalls: org.apiCalls,
      usedBulk: applied.usedBulk,
      resultsDir: options.resultsDir,
    },
  };
}

/** A deploy failed when a row was rejected or failed, or a channel could not be written. */
export function deployFailed(result: DeployResult): boolean {
  return result.counts.rejected > 0 || result.counts.failed > 0 || result.channels.failed > 0;
}
