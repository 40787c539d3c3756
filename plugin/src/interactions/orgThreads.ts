// The org's side of threading: reads what the org already knows about the file's posts (their thread
// keys), their parents, and the recent posts of people who sent private messages, then hands it all to
// the pure assignThreads (thread.ts).
import { collectGarbage } from '../memory/collectGarbage.js';
import type { OrgClient } from '../org/client.js';
import type { SettledIdentity } from './identities.js';
import { ExistingPosts } from './existingPosts.js';
import type { Outline } from './outline.js';
import { INTERACTION_FIELDS, type ExistingInteraction } from './plan.js';
import { ReadRound } from './readRound.js';
import { assignThreads, type KnownInteraction, type ThreadAssignment, type ThreadItem } from './thread.js';

const THREAD_FIELDS = [
  'Id',
  'External_Id__c',
  'Thread_Key__c',
  'Network__c',
  'Direction__c',
  'Visibility__c',
  'Posted_At__c',
  'Identity__c',
  'Contact__c',
  'Lead__c',
] as const;
type ThreadRecord = { External_Id__c: string } & Partial<Record<(typeof THREAD_FIELDS)[number], string | null>>;
/** Posts read back between two forced collections while a re-import reads the file's posts. */
const COLLECT_EVERY = 20_000;
const SELECT_THREAD_FIELDS = `SELECT ${THREAD_FIELDS.join(', ')} FROM Social_Interaction__c`;

/**
 * Reads what the org knows about these posts, their parents and the people's recent posts, then threads.
 * The first read goes out in `round`, with whatever other steps have added to it.
 */
export async function threadOutlines(
  org: OrgClient,
  outlines: ReadonlyMap<string, Outline>,
  identities: ReadonlyMap<string, SettledIdentity>,
  continuationMinutes: number,
  round = new ReadRound(),
  orgHoldsInteractions = true,
): Promise<{ threads: Map<string, ThreadAssignment>; inOrg: ExistingPosts }> {
  // The file's own posts are read with every field planning compares, once: their records wait on disk
  // (existingPosts.ts) for the plan stage, which reads none of them from the org again. Parents outside
  // the file become known interactions, so they are read with every field threading uses. An org that
  // holds no interaction (orgAtStart.ts) has none of them: nothing is read.
  const parents = new Set<string>();
  if (orgHoldsInteractions) {
    for (const outline of outlines.values()) {
      if (outline.inReplyTo !== undefined && !outlines.has(outline.inReplyTo)) parents.add(outline.inReplyTo);
    }
  }
  const existing = new ExistingPosts();
  const existingKeys = new Map<string, string>();
  round.inListInto<ExistingInteraction>(
    `SELECT ${INTERACTION_FIELDS.join(', ')} FROM Social_Interaction__c WHERE External_Id__c`,
    orgHoldsInteractions ? outlines.keys() : [],
    (record) => {
      // SOQL compares text case-insensitively; the external id is case-sensitive: only exact hits count.
      if (!outlines.has(record.External_Id__c)) return;
      existing.add(record);
      // The answers already handed over (10,000 records a call, every field) are garbage that V8 left
      // to grow to 240 MB at 100,000 posts: collected as the read goes on, so memory stays flat.
      if (existing.size % COLLECT_EVERY === 0) collectGarbage();
      if (record.Thread_Key__c) existingKeys.set(record.External_Id__c, String(record.Thread_Key__c));
    },
  );
  const parentRecords = round.inList<ThreadRecord>(`${SELECT_THREAD_FIELDS} WHERE External_Id__c`, parents);
  await round.run(org);
  // The last answers are garbage now too.
  if (existing.size > 0) collectGarbage();

  const personOfIdentity = new Map<string, string>();
  for (const [externalId, settled] of identities) {
    if (settled.link.identityId) personOfIdentity.set(settled.link.identityId.slice(0, 15), settled.personKey);
    personOfIdentity.set(externalId, settled.personKey);
  }
  const personOfRecord = (record: ThreadRecord): string | undefined => {
    if (record.Contact__c) return `Contact:${record.Contact__c.slice(0, 15)}`;
    if (record.Lead__c) return `Lead:${record.Lead__c.slice(0, 15)}`;
    return record.Identity__c ? personOfIdentity.get(record.Identity__c.slice(0, 15)) : undefined;
  };

  const items: ThreadItem[] = [];
  const privateRoots: ThreadItem[] = [];
  for (const [externalId, outline] of outlines) {
    if (outline.postedAtMs === undefined) continue;
    const item: ThreadItem = {
      externalId,
      network: outline.network,
      personKey:
        (outline.identityExternalId && identities.get(outline.identityExternalId)?.personKey) ?? `post:${externalId}`,
      direction: outline.direction,
      visibility: outline.visibility,
      postedAtMs: outline.postedAtMs,
      ...(outline.inReplyTo ? { inReplyTo: outline.inReplyTo } : {}),
      ...(outline.conversationKey ? { conversationKey: outline.conversationKey } : {}),
    };
    const existingKey = existingKeys.get(externalId);
    if (existingKey) item.existingThreadKey = existingKey;
    items.push(item);
    if (!existingKey && !item.inReplyTo && !item.conversationKey && item.visibility === 'Private')
      privateRoots.push(item);
  }

  const known: KnownInteraction[] = [];
  const toKnown = (record: ThreadRecord): KnownInteraction | undefined => {
    if (!record.Thread_Key__c) return undefined;
    const person = personOfRecord(record);
    const postedAtMs = record.Posted_At__c
      ? Date.parse(record.Posted_At__c.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'))
      : undefined;
    return {
      externalId: record.External_Id__c,
      threadKey: record.Thread_Key__c,
      network: record.Network__c ?? '',
      ...(person ? { personKey: person } : {}),
      ...(record.Direction__c ? { direction: record.Direction__c as 'Inbound' | 'Outbound' } : {}),
      ...(record.Visibility__c ? { visibility: record.Visibility__c as 'Public' | 'Private' } : {}),
      ...(postedAtMs !== undefined && Number.isFinite(postedAtMs) ? { postedAtMs } : {}),
    };
  };
  // Interactions of the org already taken into `known`.
  const seen = new Set<string>();
  const addKnown = (record: ThreadRecord): void => {
    if (seen.has(record.External_Id__c) || outlines.has(record.External_Id__c)) return;
    seen.add(record.External_Id__c);
    const entry = toKnown(record);
    if (entry) known.push(entry);
  };
  for (const record of parentRecords()) if (parents.has(record.External_Id__c)) addKnown(record);

  // Earlier posts of the people who sent private messages, which those messages may continue.
  if (privateRoots.length > 0 && orgHoldsInteractions) {
    const windowMs = continuationMinutes * 60_000;
    // A loop, not Math.min(...times): spreading some 100,000 arguments overflows the stack.
    let first = Infinity;
    let last = -Infinity;
    for (const { postedAtMs } of privateRoots) {
      first = Math.min(first, postedAtMs);
      last = Math.max(last, postedAtMs);
    }
    const from = new Date(first - windowMs).toISOString();
    const to = new Date(last).toISOString();
    const persons = new Set(privateRoots.map((item) => item.personKey));
    const byField: Record<'Identity__c' | 'Contact__c' | 'Lead__c', Set<string>> = {
      Identity__c: new Set(),
      Contact__c: new Set(),
      Lead__c: new Set(),
    };
    for (const settled of identities.values()) {
      if (!persons.has(settled.personKey)) continue;
      // An identity this import created has no interactions in the org yet (a first import reads none).
      if (settled.link.identityId && !settled.created) byField.Identity__c.add(settled.link.identityId);
      if (settled.link.contactId) byField.Contact__c.add(settled.link.contactId);
      if (settled.link.leadId) byField.Lead__c.add(settled.link.leadId);
    }
    const recent = new ReadRound();
    const inWindow = `${SELECT_THREAD_FIELDS} WHERE Posted_At__c >= ${from} AND Posted_At__c <= ${to} AND`;
    const reads = Object.entries(byField).map(([field, values]) =>
      recent.inList<ThreadRecord>(`${inWindow} ${field}`, values),
    );
    await recent.run(org);
    for (const read of reads) for (const record of read()) addKnown(record);
  }
  // inOrg: the file's posts the org already holds, with their records for the plan stage.
  return { threads: assignThreads(items, known, continuationMinutes), inOrg: existing };
}
