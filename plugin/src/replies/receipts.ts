// What a run writes back once the receiver has answered: the reply's receipt (Sent with the network's
// post id as its External_Id__c, the permalink and the time; Failed with the reason; or Queued again for
// the next run) and, for a delivered reply, the inbound it answers: Responded, with its first response
// time if it had none. Writes go as sObject Collections of 200, by Id.
import { COLLECTION_SIZE } from '../org/limits.js';
import { type OrgClient, type SaveOutcome } from '../org/client.js';
import type { OutboundReply } from './outboundReply.js';

/** How a reply ended this run. */
export type Settlement =
  | { kind: 'sent'; postId: string; permalink: string | null; at: Date; alreadyDelivered: boolean; attempts: number }
  | { kind: 'failed'; reason: string; attempts: number }
  | { kind: 'requeued'; reason: string; attempts: number };

export interface Inbound {
  Id: string;
  External_Id__c: string;
  Status__c: string | null;
  First_Response_At__c: string | null;
}

/** The fields of the reply's update for how it ended. The claim (token, lease) is always cleared. */
export function receiptFields(reply: OutboundReply, settlement: Settlement): Record<string, unknown> & { Id: string } {
  const released = { Id: reply.id, Delivery_Claim_Token__c: null, Delivery_Claimed_Until__c: null };
  switch (settlement.kind) {
    case 'sent':
      return {
        ...released,
        Delivery_Status__c: 'Sent',
        External_Id__c: `${reply.network}:${settlement.postId}`,
        Permalink__c: settlement.permalink,
        Delivered_At__c: settlement.at.toISOString(),
        Delivery_Error__c: null,
        Delivery_Attempts__c: settlement.attempts,
      };
    case 'failed':
      return {
        ...released,
        Delivery_Status__c: 'Failed',
        Delivery_Error__c: settlement.reason,
        Delivery_Attempts__c: settlement.attempts,
      };
    case 'requeued':
      return {
        ...released,
        Delivery_Status__c: 'Queued',
        Delivery_Error__c: settlement.reason,
        Delivery_Attempts__c: settlement.attempts,
      };
  }
}

/**
 * The answered inbounds' updates: Responded (a Closed one stays Closed) and First_Response_At__c from
 * the earliest delivery, unless it already had one.
 */
export function inboundUpdates(
  delivered: ReadonlyArray<{ reply: OutboundReply; at: Date }>,
  inbounds: readonly Inbound[],
): Array<Record<string, unknown> & { Id: string }> {
  const byExternalId = new Map(inbounds.map((inbound) => [inbound.External_Id__c, inbound]));
  const earliest = new Map<string, Date>();
  for (const { reply, at } of delivered) {
    const inbound = reply.inReplyTo === null ? undefined : byExternalId.get(reply.inReplyTo);
    if (!inbound) continue;
    const known = earliest.get(inbound.Id);
    if (!known || at < known) earliest.set(inbound.Id, at);
  }
  const updates: Array<Record<string, unknown> & { Id: string }> = [];
  for (const inbound of inbounds) {
    const at = earliest.get(inbound.Id);
    if (!at) continue;
    const fields: Record<string, unknown> & { Id: string } = { Id: inbound.Id };
    if (inbound.Status__c !== 'Responded' && inbound.Status__c !== 'Closed') fields.Status__c = 'Responded';
    if (!inbound.First_Response_At__c) fields.First_Response_At__c = at.toISOString();
    if (Object.keys(fields).length > 1) updates.push(fields);
  }
  return updates;
}

/**
 * Writes the receipts and the inbound updates in shared Collections requests. A receipt whose post id
 * another record already holds as its External_Id__c (an import loaded the post before the receipt came
 * back) is written again without it, and reported.
 */
export async function writeReceipts(
  org: OrgClient,
  receipts: ReadonlyArray<Record<string, unknown> & { Id: string }>,
  inbounds: ReadonlyArray<Record<string, unknown> & { Id: string }>,
): Promise<{ receipts: SaveOutcome[]; inbounds: SaveOutcome[]; duplicatePosts: string[] }> {
  const outcomes = await updateInParallel(org, [...receipts, ...inbounds]);
  const receiptOutcomes = outcomes.slice(0, receipts.length);
  const duplicates = receipts.flatMap((receipt, index) =>
    receipt.External_Id__c && /DUPLICATE_VALUE/.test(receiptOutcomes[index]?.error ?? '') ? [index] : [],
  );
  if (duplicates.length > 0) {
    const again = await org.updateCollections(
      'Social_Interaction__c',
      duplicates.map((index) => {
        const { External_Id__c: _postId, ...rest } = receipts[index]!;
        return rest as Record<string, unknown> & { Id: string };
      }),
    );
    duplicates.forEach((index, position) => (receiptOutcomes[index] = again[position]!));
  }
  return {
    receipts: receiptOutcomes,
    inbounds: outcomes.slice(receipts.length),
    duplicatePosts: duplicates.map((index) => String(receipts[index]!.External_Id__c)),
  };
}

/** Collections requests in flight at once: a batch's receipts land together rather than one by one. */
const RECEIPT_PARALLEL = 4;

async function updateInParallel(
  org: OrgClient,
  records: ReadonlyArray<Record<string, unknown> & { Id: string }>,
): Promise<SaveOutcome[]> {
  const chunks: Array<ReadonlyArray<Record<string, unknown> & { Id: string }>> = [];
  for (let start = 0; start < records.length; start += COLLECTION_SIZE) {
    chunks.push(records.slice(start, start + COLLECTION_SIZE));
  }
  const outcomes: SaveOutcome[][] = [];
  for (let start = 0; start < chunks.length; start += RECEIPT_PARALLEL) {
    const group = chunks.slice(start, start + RECEIPT_PARALLEL);
    outcomes.push(...(await Promise.all(group.map((chunk) => org.updateCollections('Social_Interaction__c', chunk)))));
  }
  return outcomes.flat();
}
