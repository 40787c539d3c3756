// Carries out a plan. Every write is an upsert by an external id (channels by Network_Key__c,
// identities by External_Id__c), so a run that stops half-way is finished by running it again, without
// duplicates. A new Lead and the identity that links to it go in one all-or-none composite request:
// there is no Lead field to upsert by, so only a transaction keeps a rerun from creating a second Lead.
import { recordsInMemory, type BulkRecords } from '../org/bulkRecords.js';
import { CREATE_LEAD_RULE, type IdentityWrite, type Plan } from './plan.js';
import { formatSaveErrors } from '../org/errors.js';
import { type OrgClient, type SaveOutcome } from '../org/client.js';

/**
 * A plan's identity writes as applying them needs them: those that create a Lead (few; in memory),
 * and the others as upsert records, read as often as needed, from memory (writesInMemory) or from disk
 * (a deploy's SpooledWrites).
 */
export interface IdentityWriteSet {
  /** Writes of both kinds: results are indexed by write. */
  readonly length: number;
  readonly leadWrites: ReadonlyArray<{ index: number; write: IdentityWrite }>;
  /** The writes that create no Lead, as upsert records keyed by External_Id__c, in index order. */
  readonly plain: BulkRecords;
  /** The write index of each plain record, in the order they are read. */
  readonly plainIndexes: ArrayLike<number>;
}

export function writesInMemory(writes: readonly IdentityWrite[]): IdentityWriteSet {
  const leadWrites: Array<{ index: number; write: IdentityWrite }> = [];
  const plainIndexes: number[] = [];
  writes.forEach((write, index) =>
    write.lead !== undefined ? leadWrites.push({ index, write }) : plainIndexes.push(index),
  );
  // The write's own fields object, keyed in place: a large plan holds no second copy of them.
  const records = plainIndexes.map((index) => keyed(writes[index]!));
  return { length: writes.length, leadWrites, plain: recordsInMemory(records), plainIndexes };
}

export interface ApplyOptions {
  /** Identity writes above this many go through Bulk API 2.0; fewer through sObject Collections. */
  bulkThreshold: number;
  onProgress?: (message: string) => void;
}

export interface ApplyResult {
  /** One outcome per plan.identityWrites entry. */
  identityResults: SaveOutcome[];
  channelResults: SaveOutcome[];
  staleResults: SaveOutcome[];
  usedBulk: boolean;
}

/** A composite request holds at most 25 subrequests: a Lead and the identities linked to it. */
const SUBREQUESTS_PER_TRANSACTION = 25;

export async function applyPlan(
  org: OrgClient,
  plan: Pick<Plan, 'channelWrites' | 'staleUnlinks'> & { identityWrites: readonly IdentityWrite[] | IdentityWriteSet },
  options: ApplyOptions,
): Promise<ApplyResult> {
  const progress = options.onProgress ?? (() => undefined);

  let channelResults: SaveOutcome[] = [];
  if (plan.channelWrites.length > 0) {
    progress(`Writing ${plan.channelWrites.length} channel(s)`);
    channelResults = await org.upsertCollections(
      'Social_Channel__c',
      'Network_Key__c',
      plan.channelWrites.map((write) => ({ Network_Key__c: write.key, ...write.fields })),
    );
  }

  const writes = isWriteSet(plan.identityWrites) ? plan.identityWrites : writesInMemory(plan.identityWrites);
  const identityResults: SaveOutcome[] = new Array<SaveOutcome>(writes.length);
  const plain = writes.plain;
  const usedBulk = plain.count > options.bulkThreshold;
  if (plain.count > 0) {
    progress(
      `Writing ${plain.count} identit${plain.count === 1 ? 'y' : 'ies'} (${usedBulk ? 'Bulk API 2.0' : 'sObject Collections'})`,
    );
    const { outcomes } = await org.upsert('Social_Identity__c', 'External_Id__c', plain, options.bulkThreshold);
    outcomes.forEach((result, position) => (identityResults[writes.plainIndexes[position]!] = result));
  }

  if (writes.leadWrites.length > 0) {
    const count = writes.leadWrites.length;
    progress(`Creating Lead(s) for ${count} unmatched identit${count === 1 ? 'y' : 'ies'}`);
    for (const transaction of leadTransactions(writes.leadWrites)) {
      const outcomes = await createLeadsWithIdentities(
        org,
        transaction.map((group) => group.map(({ write }) => write)),
      );
      transaction.flat().forEach(({ index }, position) => (identityResults[index] = outcomes[position]!));
    }
  }

  let staleResults: SaveOutcome[] = [];
  if (plan.staleUnlinks.length > 0) {
    progress(`Removing ${plan.staleUnlinks.length} link(s) no longer in the mapping`);
    const records = plan.staleUnlinks.map(({ write }) => upsertRecord(write));
    ({ outcomes: staleResults } = await org.upsert(
      'Social_Identity__c',
      'External_Id__c',
      records,
      options.bulkThreshold,
    ));
  }

  return { identityResults, channelResults, staleResults, usedBulk };
}

type LeadWrite = IdentityWriteSet['leadWrites'][number];

function isWriteSet(writes: readonly IdentityWrite[] | IdentityWriteSet): writes is IdentityWriteSet {
  return !Array.isArray(writes);
}

function keyed(write: IdentityWrite): Record<string, unknown> {
  write.fields.External_Id__c = write.externalId;
  return write.fields;
}

function upsertRecord(write: IdentityWrite): Record<string, unknown> {
  return { External_Id__c: write.externalId, ...write.fields };
}

/**
 * Identities that would get a Lead each, grouped so that those with the same e-mail share one Lead:
 * two Leads with one address would make the lead-email rule find both on the next run (ambiguous).
 * Groups are packed into transactions of at most 25 subrequests (one per Lead, one per identity).
 */
function leadTransactions(leadWrites: ReadonlyArray<LeadWrite>): LeadWrite[][][] {
  const groups = new Map<string, LeadWrite[]>();
  for (const entry of leadWrites) {
    const { index } = entry;
    const email = entry.write.lead!.Email;
    const key = typeof email === 'string' && email.trim() !== '' ? email.trim().toLowerCase() : `#${index}`;
    const group = groups.get(key);
    // A group is cut at what one transaction holds; a longer one (rare) starts a second Lead.
    if (group !== undefined && group.length < SUBREQUESTS_PER_TRANSACTION - 1) group.push(entry);
    else groups.set(group === undefined ? key : `${key}#${index}`, [entry]);
  }
  const transactions: LeadWrite[][][] = [];
  let current: LeadWrite[][] = [];
  let size = 0;
  for (const group of groups.values()) {
    if (size + group.length + 1 > SUBREQUESTS_PER_TRANSACTION) {
      transactions.push(current);
      current = [];
      size = 0;
    }
    current.push(group);
    size += group.length + 1;
  }
  if (current.length > 0) transactions.push(current);
  return transactions;
}

/** One all-or-none composite: each group's Lead, then its identities linked to it. Outcomes in group order. */
async function createLeadsWithIdentities(org: OrgClient, groups: IdentityWrite[][]): Promise<SaveOutcome[]> {
  const writes = groups.flat();
  const leadOf: number[] = [];
  const subrequests = groups.flatMap((group, groupIndex) => [
    { method: 'POST' as const, url: '/sobjects/Lead', referenceId: `lead${groupIndex}`, body: group[0]!.lead! },
    ...group.map((write) => {
      const index = leadOf.push(groupIndex) - 1;
      const { External_Id__c: _key, ...fields } = upsertRecord(write);
      return {
        method: 'PATCH' as const,
        url: `/sobjects/Social_Identity__c/External_Id__c/${encodeURIComponent(write.externalId)}`,
        referenceId: `identity${index}`,
        body: { ...fields, Lead__c: `@{lead${groupIndex}.id}`, Matched_By_Rule__c: CREATE_LEAD_RULE },
      };
    }),
  ]);
  let responses: Array<{ referenceId: string; httpStatusCode: number; body: unknown }>;
  try {
    responses = await org.compositeTransaction(subrequests);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return writes.map(() => ({ success: false, error: `the Lead and identity were not created: ${message}` }));
  }
  const failure = responses.find((response) => response.httpStatusCode >= 400 && !isRollbackNotice(response.body));
  return writes.map((_write, index) => {
    const identity = responses.find((response) => response.referenceId === `identity${index}`);
    if (failure !== undefined || identity === undefined || identity.httpStatusCode >= 400) {
      const cause = failure ?? identity;
      return {
        success: false,
        error: `rolled back with the other Leads of its request: ${cause ? `${cause.referenceId}: ${formatSaveErrors(asErrors(cause.body))}` : 'no response'}`,
      };
    }
    const body = identity.body as { id?: string; created?: boolean } | null;
    const lead = responses.find((response) => response.referenceId === `lead${leadOf[index]}`)?.body as
      { id?: string } | null | undefined;
    return {
      success: true,
      ...(body?.id ? { id: body.id } : {}),
      ...(lead?.id ? { relatedId: lead.id } : {}),
      created: body?.created ?? identity.httpStatusCode === 201,
    };
  });
}

function asErrors(
  body: unknown,
): Array<{ errorCode?: string; statusCode?: string; message?: string; fields?: string[] }> {
  return Array.isArray(body) ? (body as Array<{ errorCode?: string; message?: string; fields?: string[] }>) : [];
}

/** Subrequests that did nothing wrong report PROCESSING_HALTED when another one failed. */
function isRollbackNotice(body: unknown): boolean {
  return asErrors(body).some((error) => error.errorCode === 'PROCESSING_HALTED');
}
