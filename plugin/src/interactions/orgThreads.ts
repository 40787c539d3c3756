// The org's side of threading: reads what the org already knows about the file's posts (their thread
// keys), their parents, and the recent posts of people who sent private messages, then hands it all to
// the pure assignThreads (thread.ts).
import { collectGarbage } from '../memory/collectGarbage.js';
import type { OrgClient } from '../org/client.js';
import type { SettledIdentity } from './identities.js';
import { ExistingPosts } from './existingPosts.js';
import type { OutlineStore } from './outline.js';
import { INTERACTION_FIELDS, type ExistingInteraction } from './plan.js';
import { ReadRound } from './readRound.js';
import { threadPosts, type KnownInteraction, type PostThreadKeys, type ThreadPosts } from './thread.js';

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
  outlines: OutlineStore,
  identities: ReadonlyMap<string, SettledIdentity>,
  continuationMinutes: number,
  round = new ReadRound(),
  orgHoldsInteractions = true,
): Promise<{ threads: PostThreadKeys; inOrg: ExistingPosts }> {
  // The file's own posts are read with every field planning compares, once: their records wait on disk
  // (existingPosts.ts) for the plan stage, which reads none of them from the org again. Parents outside
  // the file become known interactions, so they are read with every field threading uses. An org that
  // holds no interaction (orgAtStart.ts) has none of them: nothing is read.
  const parents = new Set<string>();
  if (orgHoldsInteractions) {
    for (let post = 0; post < outlines.numbered; post += 1) {
      const inReplyTo = outlines.inReplyTo(post);
      if (inReplyTo !== undefined && !outlines.has(inReplyTo)) parents.add(inReplyTo);
    }
  }
  const existing = new ExistingPosts();
  // Thread_Key__c of the file's posts the org holds, by post number.
  const existingKeys: string[] = [];
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
      if (record.Thread_Key__c) existingKeys[outlines.numberOf(record.External_Id__c)!] = String(record.Thread_Key__c);
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

  // The posts as threading reads them, straight from the store's arrays (no object a post).
  const posts: ThreadPosts = {
    count: outlines.numbered,
    externalId: (post) => outlines.externalId(post),
    numberOf: (externalId) => outlines.numberOf(externalId),
    timed: (post) => outlines.is(post, 'timed'),
    postedAtMs: (post) => outlines.postedAtMs(post),
    network: (post) => outlines.network(post),
    personKey: (post) => {
      const identity = outlines.identityExternalId(post);
      return identity === undefined ? undefined : identities.get(identity)?.personKey;
    },
    outbound: (post) => outlines.is(post, 'outbound'),
    private: (post) => outlines.is(post, 'private'),
    inReplyTo: (post) => outlines.inReplyTo(post),
    conversationKey: (post) => outlines.conversationKey(post),
    existingThreadKey: (post) => existingKeys[post],
  };
  // Private messages that may continue an earlier post: no thread key in the org, no parent, no conversation.
  let first = Infinity;
  let last = -Infinity;
  let privateRoots = 0;
  const persons = new Set<string>();
  for (let post = 0; post < posts.count; post += 1) {
    if (!posts.timed(post) || !posts.private(post) || existingKeys[post] !== undefined) continue;
    if (posts.inReplyTo(post) !== undefined || posts.conversationKey(post) !== undefined) continue;
    // A loop, not Math.min(...times): spreading some 100,000 arguments overflows the stack.
    first = Math.min(first, posts.postedAtMs(post));
    last = Math.max(last, posts.postedAtMs(post));
    privateRoots += 1;
    const person = posts.personKey(post);
    if (person !== undefined) persons.add(person);
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
  if (privateRoots > 0 && orgHoldsInteractions) {
    const windowMs = continuationMinutes * 60_000;
    const from = new Date(first - windowMs).toISOString();
    const to = new Date(last).toISOString();
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
  return { threads: threadPosts(posts, known, continuationMinutes), inOrg: existing };
}
