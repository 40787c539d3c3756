// The plan stage of `sf social mappings deploy`: partition by partition (partitions.ts), resolve the
// identities against the org and plan every row. A row whose outcome is final goes to the result files
// at once; a row waiting for its identity's write waits on disk (pendingRows.ts), and so does the write
// (spooledWrites.ts), so memory stays flat with the input. Nothing is written to the org here.
import { collectGarbage } from '../memory/collectGarbage.js';
import { DailyLimitError } from '../org/errors.js';
import type { OrgClient } from '../org/client.js';
import type { IdentityChangeLog } from './changeFiles.js';
import type { LoadedMapping } from './mappingFile/load.js';
import type { PartitionedSources } from './partitions.js';
import type { PendingRows } from './pendingRows.js';
import {
  buildPlan,
  OUTCOMES,
  planChannels,
  planStaleUnlinks,
  type ChannelWrite,
  type Outcome,
  type Plan,
} from './plan.js';
import { resolveAgainstOrg, SharedReads, type ExistingIdentity, type ScanValues } from './resolve.js';
import { resultCsv, writeStaleLinks } from './results.js';
import type { SourceItem } from './sources/read.js';
import type { SpooledWrites } from './spooledWrites.js';
import { reportNotAttempted, type ResultFiles } from './deployReport.js';

/** Where the plan stage puts what it decided: result files (none on a dry run without a folder), and disk spools. */
export interface DeploySpools {
  files: ResultFiles | undefined;
  resultsDir: string | undefined;
  pending: PendingRows;
  writes: SpooledWrites;
  changeLog: IdentityChangeLog;
}

/** What the write and report stages need of the plan; the identity writes themselves are in the spools. */
export interface DeployPlan {
  /** Rows per planned outcome; the report stage moves rows whose write failed to `failed`. */
  counts: Record<Outcome, number>;
  channelWrites: ChannelWrite[];
  staleUnlinks: Plan['staleUnlinks'];
  /** Records the plan would create or update: identities, channels, stale links removed. */
  changes: number;
}

export interface DeployInput {
  loaded: LoadedMapping;
  sources: PartitionedSources;
  mappingDisplayPath: string;
  /** The input's values for the scan rules, noted while the sources were read (resolve.ts). */
  scanValues?: ScanValues;
}

export async function planDeploy(
  org: OrgClient,
  input: DeployInput,
  spools: DeploySpools,
  run: { now: string; progress: (message: string) => void },
): Promise<DeployPlan> {
  const { loaded, sources } = input;
  const { rows, partitions } = sources;
  const { files, pending, writes, changeLog, resultsDir } = spools;
  const context = { mapping: loaded.mapping, locate: loaded.locate, mappingDisplayPath: input.mappingDisplayPath };
  const shared = new SharedReads(input.scanValues);
  const counts = Object.fromEntries(OUTCOMES.map((outcome) => [outcome, 0])) as Record<Outcome, number>;
  let channelWrites: ChannelWrite[] = [];
  // Links this tool made that no row has mentioned yet: what is left at the end is stale.
  const unmentioned = new Map<string, ExistingIdentity>();
  for (let partition = 0; partition < partitions; partition += 1) {
    // The previous partition's rows, resolutions and plan are garbage now (collectGarbage.ts).
    if (partition > 0) collectGarbage();
    const items = await sources.partition(partition);
    const identities = items.flatMap((item) => (item.kind === 'identity' ? [item.identity] : []));
    run.progress(
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
      // The first partition's reads ran the scans, the only readers of the input's filters.
      input.scanValues?.release();
      channelWrites = planChannels(loaded.mapping.channels, state.channels);
      for (const link of state.mappingLinks) unmentioned.set(link.External_Id__c, link);
    }
    for (const identity of identities) unmentioned.delete(identity.externalId);

    const plan = buildPlan({
      mapping: loaded.mapping,
      items,
      org: { ...state, staleLinks: [] },
      now: run.now,
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
      if (row.write === undefined) await files.writeText(row.outcome, resultCsv(row));
      else await pending.add(row, offset + row.write);
    }
  }
  collectGarbage();
  const staleUnlinks = planStaleUnlinks([...unmentioned.values()]);
  return {
    counts,
    channelWrites,
    staleUnlinks,
    changes: writes.length + channelWrites.length + staleUnlinks.length,
  };
}
