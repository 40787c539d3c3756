// The settle stage of `sf social interactions import`: the export's identities written or linked
// (identities.ts), every post threaded against what the org holds (orgThreads.ts), and of each post
// only what pass 2 needs kept: the line imported, whether a row deleted it, its thread and its first
// answer. All of it stays in typed arrays by post number (outline.ts, thread.ts): at 300,000 posts the
// Maps of objects this replaced held some 290 bytes a post through pass 2, and threading's objects
// took the peak RSS from 280 to 410 MB before pass 2 had read a row.
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
import type { OutlineStore } from './outline.js';
import { ReadRound } from './readRound.js';
import { firstResponseTimes } from './status.js';
import { PostThreadKeys, UNTHREADED, type ThreadAssignment } from './thread.js';

/** What planning each post needs, settled before pass 2. */
export interface SettledExport {
  settlement: IdentitySettlement;
  /** Each post's line imported, deletion, thread and first answer (SettledPosts). */
  posts: SettledPosts;
  /** Posts the org held at the start, with their records: only those can exist already. */
  inOrg: ExistingPosts;
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
  const threading = await stop.until(async () => {
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
  }, undefined);
  outlines.releaseThreading();
  const posts = new SettledPosts(outlines, threading?.threads);
  // Threading's working set (what it read from the org, its indexes) is garbage now.
  collectGarbage();
  return {
    settlement,
    posts,
    inOrg: threading?.inOrg ?? new ExistingPosts(),
    orgHoldsInteractions: options.orgHoldsInteractions,
  };
}

/**
 * What planning asks of each post, by external id, from the outline store's arrays and the threads:
 * the line imported (later rows of the same post are duplicates), whether a row deleted it, its thread
 * and, for an inbound post, when the file holds the company's first answer in its thread.
 */
export class SettledPosts {
  private lastId: string | undefined;
  private lastPost: number | undefined;
  /** Per post, the first answer's time, or NaN. */
  private readonly answeredAt: Float64Array;

  /** threads: undefined when the run stopped before threading (no post is threaded). */
  public constructor(
    private readonly outlines: OutlineStore,
    private readonly threadKeys: PostThreadKeys | undefined,
  ) {
    this.answeredAt = threadKeys
      ? firstResponseTimes({
          count: outlines.numbered,
          threaded: (post) => outlines.is(post, 'timed') && threadKeys.rules[post] !== UNTHREADED,
          threadOf: threadKeys.threadOf,
          outbound: (post) => outlines.is(post, 'outbound'),
          postedAtMs: (post) => outlines.postedAtMs(post),
        })
      : new Float64Array(0);
  }

  public readonly threads = {
    get: (externalId: string): ThreadAssignment | undefined => {
      const post = this.postOf(externalId);
      return post === undefined ? undefined : this.threadKeys?.at(post);
    },
  };

  public readonly answered = {
    get: (externalId: string): number | undefined => {
      const post = this.postOf(externalId);
      const at = post === undefined ? NaN : (this.answeredAt[post] ?? NaN);
      return Number.isNaN(at) ? undefined : at;
    },
  };

  public has(externalId: string): boolean {
    return this.postOf(externalId) !== undefined;
  }

  /** The line of the row imported for this post. */
  public importedLine(externalId: string): number | undefined {
    const post = this.postOf(externalId);
    return post === undefined ? undefined : this.outlines.lineOf(post);
  }

  public deleted(externalId: string): boolean {
    const post = this.postOf(externalId);
    return post !== undefined && this.outlines.is(post, 'deleted');
  }

  /** The company's messages in the file (threaded), which may answer questions already in the org. */
  public *outbound(): Generator<OutboundMessage> {
    if (this.threadKeys === undefined) return;
    const { threadOf, rules } = this.threadKeys;
    for (let post = 0; post < this.outlines.numbered; post += 1) {
      if (rules[post] === UNTHREADED || !this.outlines.is(post, 'timed') || !this.outlines.is(post, 'outbound'))
        continue;
      yield { threadKey: this.threadKeys.keyText(threadOf[post]!), postedAtMs: this.outlines.postedAtMs(post) };
    }
  }

  /**
   * A post's number. Planning asks two or three things of a row's post in a row, each a search of the
   * store's table by the id's bytes: the last answer is kept for the next question.
   */
  private postOf(externalId: string): number | undefined {
    if (externalId !== this.lastId) {
      this.lastId = externalId;
      this.lastPost = this.outlines.numberOf(externalId);
    }
    return this.lastPost;
  }

  /** Lets go of every post's state. */
  public clear(): void {
    this.lastId = undefined;
    this.lastPost = undefined;
    this.outlines.clear();
  }
}
