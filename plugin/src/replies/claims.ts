// Claiming replies so that two deliverers never both send one. A claim is a conditional update of the
// reply's row (sObject Rows PATCH with If-Unmodified-Since: its LastModifiedDate as read; 25 to a
// composite request, each subrequest with its own httpHeaders) that sets Sending, a lease and this
// round's random token. The org refuses it (412) if anybody changed the reply since it was read.
//
// If-Unmodified-Since compares to the second, so a claim landing in the same second as the reply's
// last change can pass for two deliverers. Hence the read-back: a reply is ours only when it holds our
// token AND its LastModifiedDate is in a later second than the claim's condition. From then on every
// write conditioned on that second fails, and nobody else conditions on a later one while the lease is
// live. A reply holding our token but still modified in the condition's second is unproven: after a
// second's pause the same conditional write is sent again, which only one deliverer can pass.
// A claim is never trusted for what its answer said (the answer may be lost): only the read-back decides.
import { randomUUID } from 'node:crypto';
import { COMPOSITE_SUBREQUESTS } from '../org/limits.js';
import type { OrgClient } from '../org/client.js';
import { quoteSoql } from '../org/soql.js';
import type { OutboundReply } from './outboundReply.js';

export interface ClaimOptions {
  leaseMs: number;
  /** Composite requests in flight at once. */
  parallel: number;
  now: () => Date;
  sleep: (ms: number) => Promise<void>;
}

export interface ClaimRound {
  token: string;
  leaseUntil: Date;
  /** The replies this deliverer may send, as read (their attempts already count this run's first one). */
  owned: OutboundReply[];
  /** Claimed by another deliverer, or changed since they were read. */
  lost: number;
  /** Still unproven after the confirmation rounds: they keep our claim until the lease ends. */
  unproven: number;
  /** What `alongside` queries found, read in the same call as the first read-back. */
  alongside: Array<Array<Record<string, unknown>>>;
}

/** Confirmation rounds for unproven claims before leaving them to the lease. */
const CONFIRM_ROUNDS = 3;

export async function claimReplies(
  org: OrgClient,
  candidates: readonly OutboundReply[],
  options: ClaimOptions,
  alongside: readonly string[] = [],
): Promise<ClaimRound> {
  const token = randomUUID();
  const leaseUntil = new Date(options.now().getTime() + options.leaseMs);
  const conditions = new Map(candidates.map((reply) => [reply.id, secondOf(reply.lastModified)]));
  let pending = [...candidates];
  const owned: OutboundReply[] = [];
  let alongsideResults: Array<Array<Record<string, unknown>>> = [];
  for (let round = 0; round <= CONFIRM_ROUNDS && pending.length > 0; round += 1) {
    // A second after the read-back that saw our claim in the condition's second: this write lands later.
    if (round > 0) await options.sleep(1_100);
    await writeClaims(org, pending, { token, leaseUntil, conditions, parallel: options.parallel });
    const [readBack = [], ...others] = await org.queryMany([readBackQuery(token), ...(round === 0 ? alongside : [])]);
    if (round === 0) alongsideResults = others;
    const held = new Map(readBack.map((record) => [String(record.Id), secondOf(String(record.LastModifiedDate))]));
    const unproven: OutboundReply[] = [];
    for (const reply of pending) {
      const modified = held.get(reply.id);
      if (modified === undefined) continue;
      if (modified > conditions.get(reply.id)!) owned.push(reply);
      else unproven.push(reply);
    }
    pending = unproven;
  }
  return {
    token,
    leaseUntil,
    owned,
    lost: candidates.length - owned.length - pending.length,
    unproven: pending.length,
    alongside: alongsideResults,
  };
}

/** The replies holding this round's token, with when they were last changed. */
function readBackQuery(token: string): string {
  return `SELECT Id, LastModifiedDate FROM Social_Interaction__c WHERE Delivery_Claim_Token__c = ${quoteSoql(token)} AND Delivery_Status__c = 'Sending'`;
}

async function writeClaims(
  org: OrgClient,
  replies: readonly OutboundReply[],
  claim: { token: string; leaseUntil: Date; conditions: Map<string, number>; parallel: number },
): Promise<void> {
  const chunks: OutboundReply[][] = [];
  for (let start = 0; start < replies.length; start += COMPOSITE_SUBREQUESTS) {
    chunks.push(replies.slice(start, start + COMPOSITE_SUBREQUESTS));
  }
  const send = async (chunk: OutboundReply[]): Promise<void> => {
    try {
      await org.compositeEach(
        chunk.map((reply, index) => ({
          method: 'PATCH' as const,
          url: `/sobjects/Social_Interaction__c/${reply.id}`,
          referenceId: `claim${index}`,
          body: {
            Delivery_Status__c: 'Sending',
            Delivery_Claim_Token__c: claim.token,
            Delivery_Claimed_Until__c: claim.leaseUntil.toISOString(),
            Delivery_Attempts__c: reply.attempts + 1,
          },
          httpHeaders: { 'If-Unmodified-Since': new Date(claim.conditions.get(reply.id)! * 1000).toUTCString() },
        })),
      );
    } catch {
      // A request the org kept failing: its replies are simply not ours (the read-back will say so).
    }
  };
  for (let start = 0; start < chunks.length; start += claim.parallel) {
    await Promise.all(chunks.slice(start, start + claim.parallel).map(send));
  }
}

/** Seconds since the epoch of an org date-time (`2026-11-20T12:00:00.000+0000`). */
export function secondOf(dateTime: string): number {
  return Math.floor(Date.parse(dateTime.replace(/([+-]\d\d)(\d\d)$/, '$1:$2')) / 1000);
}
