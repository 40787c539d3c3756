// The settle stage of `sf social interactions import`: the export's identities written or linked
// (identities.ts), every post threaded against what the org holds (orgThreads.ts), and of each post
// only what pass 2 needs kept: the line imported and whether a row deleted it. The outlines are let go
// here, so the plan stage holds a number a post instead of its outline (some 400 bytes).
import type { LoadedMapping } from '../mappings/mappingFile/load.js';
import { countOutcomes } from '../mappings/plan.js';
import type { ExistingChannel } from '../mappings/resolve.js';
import { collectGarbage } from '../memory/collectGarbage.js';
import type { OrgClient } from '../org/client.js';
import type { OutboundMessage } from './answers.js';
import type { DailyLimitStop } from './dailyLimitStop.js';
import { ExistingPosts } from './existingPosts.js';
import { readAccounts, settleIdentities, type IdentitySettlement } from './identities.js';
import type { ChannelInfo } from './interaction.js';
import type { ExportOutline } from './importRead.js';
import { threadOutlines } from './orgThreads.js';
import type { Outline } from './outline.js';
import { ReadRound } from './readRound.js';
import { firstResponses } from './status.js';
import type { ThreadAssignment } from './thread.js';

/** What planning each post needs, settled before pass 2. */
export interface SettledExport {
  settlement: IdentitySettlement;
  threads: Map<string, ThreadAssignment>;
  /** Posts the org held at the start, with their records: only those can exist already. */
  inOrg: ExistingPosts;
  /** Per inbound post, when the file holds the company's first answer in its thread. */
  answered: Map<string, number>;
  /** The company's messages in the file, which may answer questions already in the org. */
  outbound: OutboundMessage[];
  /** Per post, the line of the row imported (later rows of the same post are duplicates). */
  importedLine: Map<string, number>;
  deletedPosts: Set<string>;
  /** False when the org held no interaction at the start (orgAtStart.ts): nothing in it to read back. */
  orgHoldsInteractions: boolean;
}

export interface SettleOptions {
  loaded?: LoadedMapping;
  mappingDisplayPath?: string;
  channels: Map<string, ChannelInfo>;
  /** The org's Social_Channel__c records as the import read them (readChannels). */
  channelRecords: readonly ExistingChannel[];
  dryRun: boolean;
  bulkThreshold: number;
  now: string;
  continuationMinutes: number;
  /** False when the org held no interaction at the start (orgAtStart.ts). */
  orgHoldsInteractions: boolean;
  progress: (message: string) => void;
}

export async function settleExport(
  org: OrgClient,
  outline: ExportOutline,
  stop: DailyLimitStop,
  options: SettleOptions,
): Promise<SettledExport> {
  const { outlines, identities } = outline;
  options.progress(`Settling ${identities.size} identities`);
  const noSettlement: IdentitySettlement = {
    byExternalId: new Map(),
    counts: countOutcomes([]),
    written: 0,
    usedBulk: false,
  };
  const settlement = await stop.until(
    () =>
      settleIdentities(org, [...identities.values()], {
        ...(options.loaded ? { loaded: options.loaded } : {}),
        ...(options.mappingDisplayPath ? { mappingDisplayPath: options.mappingDisplayPath } : {}),
        channels: options.channels,
        channelRecords: options.channelRecords,
        dryRun: options.dryRun,
        bulkThreshold: options.bulkThreshold,
        now: options.now,
        onProgress: options.progress,
      }),
    noSettlement,
  );
  identities.clear();
  // The identities of pass 1 and the identity step's resolutions and plan are garbage now (collectGarbage.ts).
  collectGarbage();

  options.progress('Threading');
  const { threads, inOrg } = await stop.until(
    async () => {
      // The linked Contacts' accounts are read with threading's first read.
      const round = new ReadRound();
      const setAccounts = readAccounts(round, settlement.byExternalId);
      const threading = await threadOutlines(
        org,
        outlines,
        settlement.byExternalId,
        options.continuationMinutes,
        round,
        options.orgHoldsInteractions,
      );
      setAccounts();
      return threading;
    },
    { threads: new Map<string, ThreadAssignment>(), inOrg: new ExistingPosts() },
  );
  const { answered, outbound } = responsesInFile(outlines, threads);
  const importedLine = new Map<string, number>();
  const deletedPosts = new Set<string>();
  for (const [externalId, post] of outlines) {
    importedLine.set(externalId, post.line);
    if (post.deleted) deletedPosts.add(externalId);
  }
  outlines.clear();
  // Threading's working set (what it read from the org and what assignThreads built) and the outlines
  // are garbage now.
  collectGarbage();
  return {
    settlement,
    threads,
    inOrg,
    answered,
    outbound,
    importedLine,
    deletedPosts,
    orgHoldsInteractions: options.orgHoldsInteractions,
  };
}

/**
 * Pure: per inbound post, when the file holds the company's first answer in its thread (status.ts), and
 * the company's messages, which may answer questions already in the org (answers.ts).
 */
function responsesInFile(
  outlines: ReadonlyMap<string, Outline>,
  threads: ReadonlyMap<string, ThreadAssignment>,
): { answered: Map<string, number>; outbound: OutboundMessage[] } {
  const threaded: Array<OutboundMessage & { externalId: string; direction: 'Inbound' | 'Outbound' }> = [];
  for (const [externalId, outline] of outlines) {
    const thread = threads.get(externalId);
    if (outline.postedAtMs === undefined || thread === undefined) continue;
    threaded.push({
      externalId,
      threadKey: thread.threadKey,
      direction: outline.direction,
      postedAtMs: outline.postedAtMs,
    });
  }
  return {
    answered: firstResponses(threaded),
    outbound: threaded.filter((message) => message.direction === 'Outbound'),
  };
}
