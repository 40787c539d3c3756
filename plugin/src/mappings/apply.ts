// Carries out a plan. Every write is an upsert by an external id (channels by Network_Key__c,
// identities by External_Id__c, the Leads `unmatched: create-lead` makes by Social_Bridge_Key__c), so a
// run that stops half-way is finished by running it again, without duplicates. New Leads go first, all
// of them in one upsert (Bulk API 2.0 above the threshold), then every identity write in one more, the
// identities of those Leads linked to them by id: two jobs, however many Leads.
import { recordsInMemory, type BulkRecords } from '../org/bulkRecords.js';
import { CREATE_LEAD_RULE, type IdentityWrite, type Plan } from './plan.js';
import { type OrgClient, type SaveOutcome } from '../org/client.js';
import { CompactOutcomes, type Outcomes } from '../org/saveOutcomes.js';

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
  /** One outcome per plan.identityWrites entry (compact: a million of them is a deploy's peak). */
  identityResults: Outcomes;
  channelResults: SaveOutcome[];
  staleResults: Outcomes;
  usedBulk: boolean;
}

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
  const stale = async (): Promise<{ staleResults: Outcomes }> => removeStaleLinks(org, plan, options, progress);
  // Made only when needed: at 1,000,000 writes it is 19 MB.
  let identityResults: CompactOutcomes | undefined;
  const results = (): CompactOutcomes => (identityResults ??= new CompactOutcomes(writes.length));
  const linked = await createLeads(org, writes.leadWrites, results, options, progress);
  const identities = concatenated(writes.plain, recordsInMemory(linked.records));
  const usedBulk = identities.count > options.bulkThreshold;
  if (identities.count > 0) {
    progress(
      `Writing ${identities.count} identit${identities.count === 1 ? 'y' : 'ies'} (${usedBulk ? 'Bulk API 2.0' : 'sObject Collections'})`,
    );
    const { outcomes } = await org.upsert('Social_Identity__c', 'External_Id__c', identities, options.bulkThreshold);
    // No Lead writes: the upsert's records are the writes, in order, and its compact outcomes are the
    // results as they are (a second copy was 19 MB more at 1,000,000 writes, and an object per write).
    if (writes.leadWrites.length === 0 && outcomes instanceof CompactOutcomes && outcomes.length === writes.length) {
      return { ...(await stale()), identityResults: outcomes, channelResults, usedBulk };
    }
    const plainCount = writes.plain.count;
    for (let position = 0; position < outcomes.length; position += 1) {
      const result = outcomes.at(position)!;
      if (position < plainCount) results().set(writes.plainIndexes[position]!, result);
      else {
        const { index, leadId } = linked.entries[position - plainCount]!;
        results().set(index, result.success ? { ...result, relatedId: leadId } : result);
      }
    }
  }

  return { ...(await stale()), identityResults: results(), channelResults, usedBulk };
}

/** Clears the links no row mentions any more (mapping.removeStaleLinks). */
async function removeStaleLinks(
  org: OrgClient,
  plan: Pick<Plan, 'staleUnlinks'>,
  options: ApplyOptions,
  progress: (message: string) => void,
): Promise<{ staleResults: Outcomes }> {
  if (plan.staleUnlinks.length === 0) return { staleResults: [] };
  progress(`Removing ${plan.staleUnlinks.length} link(s) no longer in the mapping`);
  const records = plan.staleUnlinks.map(({ write }) => upsertRecord(write));
  const { outcomes } = await org.upsert('Social_Identity__c', 'External_Id__c', records, options.bulkThreshold);
  return { staleResults: outcomes };
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

/** The identity upserts that link to the Leads just written, and for each the write's index and its Lead. */
interface LinkedToLeads {
  records: Array<Record<string, unknown>>;
  entries: Array<{ index: number; leadId: string }>;
}

/**
 * Upserts one Lead per group of unmatched identities (leadGroups) by Social_Bridge_Key__c, and returns
 * the identity records that link to them. An identity whose Lead could not be written gets that error
 * as its own outcome (in `results`) and is not written: a rerun finds it unmatched again and tries anew,
 * and finds the Lead by its key if it was written after all, so no Lead is created twice.
 */
async function createLeads(
  org: OrgClient,
  leadWrites: ReadonlyArray<LeadWrite>,
  results: () => CompactOutcomes,
  options: ApplyOptions,
  progress: (message: string) => void,
): Promise<LinkedToLeads> {
  const linked: LinkedToLeads = { records: [], entries: [] };
  if (leadWrites.length === 0) return linked;
  const groups = leadGroups(leadWrites);
  progress(
    `Writing ${groups.length} Lead(s) for ${leadWrites.length} unmatched identit${leadWrites.length === 1 ? 'y' : 'ies'}`,
  );
  const { outcomes } = await org.upsert(
    'Lead',
    LEAD_KEY_FIELD,
    groups.map((group) => group.members[0]!.write.lead!),
    options.bulkThreshold,
  );
  groups.forEach((group, position) => {
    const lead = outcomes.at(position)!;
    for (const { index, write } of group.members) {
      if (!lead.success || lead.id === undefined) {
        const error = lead.error ?? 'the org returned no id';
        // Not sent at all (the daily limit) stays NOT_ATTEMPTED, so the report counts the row as such.
        results().set(index, {
          success: false,
          error: error.startsWith('NOT_ATTEMPTED') ? error : `the Lead was not written: ${error}`,
        });
        continue;
      }
      linked.entries.push({ index, leadId: lead.id });
      linked.records.push({ ...upsertRecord(write), Lead__c: lead.id, Matched_By_Rule__c: CREATE_LEAD_RULE });
    }
  });
  return linked;
}

/** The Lead field a deploy upserts its Leads by (force-app/main/default/objects/Lead/fields). */
const LEAD_KEY_FIELD = 'Social_Bridge_Key__c';

/** Identities that would get a Lead each, by the Lead's key (plan.ts, leadKey): those with one e-mail share it. */
function leadGroups(leadWrites: ReadonlyArray<LeadWrite>): Array<{ key: string; members: LeadWrite[] }> {
  const groups = new Map<string, LeadWrite[]>();
  for (const entry of leadWrites) {
    const key = String(entry.write.lead![LEAD_KEY_FIELD]);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [entry]);
    else group.push(entry);
  }
  return [...groups].map(([key, members]) => ({ key, members }));
}

/** Two record sets read one after the other, as one upsert. */
function concatenated(first: BulkRecords, second: BulkRecords): BulkRecords {
  if (second.count === 0) return first;
  if (first.count === 0) return second;
  return {
    count: first.count + second.count,
    columns: [...new Set([...first.columns, ...second.columns])],
    read: async function* () {
      yield* first.read();
      yield* second.read();
    },
  };
}
