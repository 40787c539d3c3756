// One run of the outbox: read queued replies (and claims whose lease ran out) in batches, claim them
// (claims.ts), hand each to the transport with retries (retryPolicy.ts), and write the receipts and the
// answered inbounds (receipts.ts). Data flows one way: read -> claim -> send -> receipt -> report.
// A run stops early when the receiver cannot be reached: what it claimed and did not send is Queued again.
import { DailyLimitError } from '../org/errors.js';
import { OrgClient, type OrgConnection } from '../org/client.js';
import { bodyInListQueries } from '../org/soql.js';
import { claimReplies, type ClaimRound } from './claims.js';
import { REPLY_FIELDS, toOutboundReply, type OutboundReply } from './outboundReply.js';
import { REASON_LENGTH, truncate } from './receiverAnswer.js';
import { inboundUpdates, receiptFields, writeReceipts, type Inbound, type Settlement } from './receipts.js';
import { DEFAULT_DELIVERY_RETRY, pauseBefore, type DeliveryRetry } from './retryPolicy.js';
import type { ReplyTransport } from './transport.js';

/** Replies claimed and sent together: claims, read-back and receipts are sized to the documented limits. */
export const DEFAULT_BATCH_SIZE = 1_000;
/** How long a claim lasts: a deliverer that stops leaves replies that are sent again after this. */
export const DEFAULT_LEASE_SECONDS = 300;
/** Replies being handed to the receiver at once. */
export const DEFAULT_CONCURRENCY = 16;
/** Times one run tries to claim a reply the org keeps refusing the claim of. */
const CLAIM_TRIES = 3;
/** Claim requests (composite, 25 replies each) in flight at once. */
const CLAIM_PARALLEL = 6;
/** The inbounds the replies answer, by their external ids (an IN list follows). */
const INBOUNDS_QUERY =
  'SELECT Id, External_Id__c, Status__c, First_Response_At__c FROM Social_Interaction__c WHERE External_Id__c';

export interface DeliverOptions {
  connection: OrgConnection;
  transport: ReplyTransport;
  /** At most this many replies in this run. */
  limit?: number;
  dryRun: boolean;
  batchSize?: number;
  leaseSeconds?: number;
  concurrency?: number;
  retry?: Partial<DeliveryRetry>;
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  onProgress?: (message: string) => void;
}

export type ReplyOutcome = 'Sent' | 'Failed' | 'Queued' | 'WouldSend';

export interface ReplyResult {
  id: string;
  outcome: ReplyOutcome;
  network: string;
  attempts: number;
  postId?: string;
  permalink?: string;
  /** Why it failed or is still queued; for a dry run, the first words of the body. */
  reason?: string;
  /** 409: the receiver had posted it before (a rerun after a lost answer). */
  alreadyDelivered?: boolean;
}

export interface DeliverResult {
  dryRun: boolean;
  destination: string;
  counts: { sent: number; failed: number; queued: number; wouldSend: number; claimedElsewhere: number };
  replies: ReplyResult[];
  /** Set when the receiver could not be reached: the run stopped and its replies stay queued. */
  receiverUnreachable?: string;
  /** Receipts or inbound updates the org refused (the reply then keeps its claim until the lease ends). */
  receiptErrors: string[];
  /** Posts another record already held as its External_Id__c (imported before the receipt came back). */
  duplicatePosts: string[];
  apiCalls: number;
}

export function deliveryFailed(result: DeliverResult): boolean {
  return (
    result.receiverUnreachable !== undefined ||
    result.counts.failed > 0 ||
    result.counts.queued > 0 ||
    result.receiptErrors.length > 0
  );
}

export async function deliverReplies(options: DeliverOptions): Promise<DeliverResult> {
  const now = options.now ?? (() => new Date());
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const random = options.random ?? Math.random;
  const retry = { ...DEFAULT_DELIVERY_RETRY, ...options.retry };
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  const leaseMs = (options.leaseSeconds ?? DEFAULT_LEASE_SECONDS) * 1000;
  const org = new OrgClient(options.connection);
  const progress = options.onProgress ?? (() => undefined);
  const result: DeliverResult = {
    dryRun: options.dryRun,
    destination: options.transport.destination,
    counts: { sent: 0, failed: 0, queued: 0, wouldSend: 0, claimedElsewhere: 0 },
    replies: [],
    receiptErrors: [],
    duplicatePosts: [],
    apiCalls: 0,
  };
  // Replies this run changed are not read again by it (a reply it queued again waits for the next run).
  const runStart = new Date(Math.ceil(now().getTime() / 1000) * 1000);
  const seen = new Set<string>();
  const claimTries = new Map<string, number>();
  /** Replies this run is done with that are Queued again (put back, or their claim kept failing). */
  let passedOver = 0;

  const deliverBatch = async (round: ClaimRound): Promise<void> => {
    const inbounds = round.alongside.flat() as unknown as Inbound[];
    progress(`sending ${round.owned.length} replies to ${options.transport.destination}`);
    const context: SendContext = {
      transport: options.transport,
      retry,
      random,
      sleep,
      now,
      leaseEnds: round.leaseUntil.getTime(),
      leaseMargin: Math.min(60_000, leaseMs / 2),
      run: result,
    };
    const settled = await inPool(round.owned, options.concurrency ?? DEFAULT_CONCURRENCY, (reply) =>
      sendOne(reply, context),
    );
    const delivered = round.owned.flatMap((reply, index) => {
      const settlement = settled[index]!;
      return settlement.kind === 'sent' ? [{ reply, at: settlement.at }] : [];
    });
    progress(`writing ${round.owned.length} receipts`);
    const written = await writeReceipts(
      org,
      round.owned.map((reply, index) => receiptFields(reply, settled[index]!)),
      inboundUpdates(delivered, inbounds),
    );
    result.duplicatePosts.push(...written.duplicatePosts);
    round.owned.forEach((reply, index) => {
      const settlement = settled[index]!;
      result.replies.push(toReplyResult(reply, settlement));
      result.counts[settlement.kind === 'sent' ? 'sent' : settlement.kind === 'failed' ? 'failed' : 'queued'] += 1;
      if (settlement.kind === 'requeued') passedOver += 1;
      const outcome = written.receipts[index];
      if (outcome && !outcome.success) result.receiptErrors.push(`${reply.id}: ${outcome.error ?? 'not written'}`);
    });
    for (const outcome of written.inbounds) {
      if (!outcome.success)
        result.receiptErrors.push(`inbound of a delivered reply: ${outcome.error ?? 'not written'}`);
    }
  };

  try {
    if (options.dryRun) {
      const replies = (await org.queryAll(candidateQuery(now(), runStart, limit))).map(toOutboundReply);
      for (const reply of replies.slice(0, limit)) {
        result.replies.push({
          id: reply.id,
          outcome: 'WouldSend',
          network: reply.network,
          attempts: reply.attempts,
          reason: Array.from(reply.body).slice(0, 60).join(''),
        });
      }
      result.counts.wouldSend = result.replies.length;
      return result;
    }

    let handled = 0;
    /** Reads and claims the next batch; undefined when there is none (or the receiver is gone). */
    const claimNext = async (): Promise<ClaimRound | undefined> => {
      if (handled >= limit || result.receiverUnreachable !== undefined) return undefined;
      // Replies this run put back in the queue still match the query: read past them.
      const want = Math.min(batchSize, limit - handled);
      const read = (await org.queryAll(candidateQuery(now(), runStart, want + passedOver))).map(toOutboundReply);
      const candidates = read.filter((reply) => !seen.has(reply.id)).slice(0, want);
      if (candidates.length === 0) return undefined;
      progress(`claiming ${candidates.length} replies`);
      const parents = candidates.flatMap((reply) => (reply.inReplyTo === null ? [] : [reply.inReplyTo]));
      const round = await claimReplies(
        org,
        candidates,
        { leaseMs, parallel: CLAIM_PARALLEL, now, sleep },
        parents.length === 0 ? [] : bodyInListQueries(INBOUNDS_QUERY, parents),
      );
      result.counts.claimedElsewhere += round.lost + round.unproven;
      handled += round.owned.length;
      const owned = new Set(round.owned.map((reply) => reply.id));
      for (const reply of candidates) {
        if (owned.has(reply.id)) {
          seen.add(reply.id);
          continue;
        }
        // A claim the org refused (a locked row, a failed request) leaves the reply Queued: it is claimed
        // again in a later batch, up to CLAIM_TRIES times in a run. (One another deliverer won is Sending.)
        const tries = (claimTries.get(reply.id) ?? 0) + 1;
        claimTries.set(reply.id, tries);
        if (tries >= CLAIM_TRIES) {
          seen.add(reply.id);
          passedOver += 1;
        }
      }
      return round;
    };

    // The next batch is read and claimed while this one is sent. A batch claimed after the receiver was
    // found unreachable is still "sent": every reply in it is written back Queued, its attempts unchanged.
    let next = claimNext();
    for (let round = await next; round !== undefined; round = await next) {
      next = claimNext();
      next.catch(() => undefined);
      await deliverBatch(round);
    }
  } catch (error) {
    if (error instanceof DailyLimitError) result.apiCalls = org.apiCalls;
    throw error;
  }
  result.apiCalls = org.apiCalls;
  return result;
}

/** Queued replies, and Sending ones whose claim ran out, oldest first, not changed since the run began. */
function candidateQuery(now: Date, runStart: Date, limit: number): string {
  const literal = (date: Date): string => date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return (
    `SELECT ${REPLY_FIELDS.join(', ')} FROM Social_Interaction__c ` +
    `WHERE Direction__c = 'Outbound' AND (Delivery_Status__c = 'Queued' OR (Delivery_Status__c = 'Sending' ` +
    `AND (Delivery_Claimed_Until__c < ${literal(now)} OR Delivery_Claimed_Until__c = null))) ` +
    `AND LastModifiedDate < ${literal(runStart)} ORDER BY Posted_At__c ASC` +
    (Number.isFinite(limit) ? ` LIMIT ${limit}` : '')
  );
}

interface SendContext {
  transport: ReplyTransport;
  retry: DeliveryRetry;
  random: () => number;
  sleep: (ms: number) => Promise<void>;
  now: () => Date;
  leaseEnds: number;
  /** Time kept free before the lease ends for the send itself. */
  leaseMargin: number;
  run: DeliverResult;
}

/** Sends one reply until it is delivered, refused, out of tries for this run, or out of attempts. */
async function sendOne(reply: OutboundReply, context: SendContext): Promise<Settlement> {
  const { retry, run } = context;
  let attempts = reply.attempts;
  let reason = 'not sent: the receiver could not be reached';
  for (let sendInRun = 1; sendInRun <= retry.attemptsPerRun; sendInRun += 1) {
    if (run.receiverUnreachable !== undefined) break;
    // A slow receiver can hold a batch claimed ahead past its lease: what is left goes back to the queue
    // rather than out after another deliverer may have claimed it.
    if (context.now().getTime() + context.leaseMargin > context.leaseEnds) {
      if (sendInRun === 1) reason = 'not sent: its claim was about to expire; it waits for the next run';
      break;
    }
    attempts += 1;
    const outcome = await context.transport.send(reply, attempts);
    if (outcome.kind === 'delivered') {
      return {
        kind: 'sent',
        postId: outcome.postId,
        permalink: outcome.permalink,
        at: context.now(),
        alreadyDelivered: outcome.alreadyDelivered,
        attempts,
      };
    }
    if (outcome.kind === 'refused') return { kind: 'failed', reason: outcome.reason, attempts };
    reason = outcome.reason;
    if (!outcome.reached) attempts -= 1;
    if (attempts >= retry.maxAttempts) {
      return {
        kind: 'failed',
        reason: truncate(`gave up after ${attempts} attempts: ${reason}`, REASON_LENGTH),
        attempts,
      };
    }
    if (sendInRun === retry.attemptsPerRun) {
      if (!outcome.reached) run.receiverUnreachable = reason;
      break;
    }
    const pause = pauseBefore(sendInRun, retry, outcome.retryAfterMs, context.random);
    // Waiting past the claim's lease would let another deliverer send it meanwhile: leave it for later.
    if (pause > retry.maxWaitMs || context.now().getTime() + pause + context.leaseMargin > context.leaseEnds) break;
    await context.sleep(pause);
  }
  return { kind: 'requeued', reason, attempts };
}

function toReplyResult(reply: OutboundReply, settlement: Settlement): ReplyResult {
  const base = { id: reply.id, network: reply.network, attempts: settlement.attempts };
  switch (settlement.kind) {
    case 'sent':
      return {
        ...base,
        outcome: 'Sent',
        postId: settlement.postId,
        ...(settlement.permalink ? { permalink: settlement.permalink } : {}),
        ...(settlement.alreadyDelivered ? { alreadyDelivered: true } : {}),
      };
    case 'failed':
      return { ...base, outcome: 'Failed', reason: settlement.reason };
    case 'requeued':
      return { ...base, outcome: 'Queued', reason: settlement.reason };
  }
}

/** Runs `work` over `items`, `size` at a time, results in the items' order. */
async function inPool<T, R>(items: readonly T[], size: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await work(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, worker));
  return results;
}
