// Threading: which conversation each interaction belongs to, as a thread key (the external id of the
// conversation's first message). Pure, no I/O: table-driven tests in test/interactions/thread.test.ts.
//
// The rules, in order:
//  1. An interaction already in the org keeps its Thread_Key__c: an edit or a re-import never moves it.
//  2. A reply joins its parent's thread, whether the parent is earlier or later in the file or already
//     in the org. A parent nobody has seen yet is taken as the root (its id is the thread key), which
//     is what the parent will get when it arrives, if it is a root.
//  3. A message without a known parent, whose network names the conversation, joins that conversation.
//  4. A private message without a parent continues the conversation of the same person's latest public
//     inbound post (on any channel: "the same person" is the Contact or Lead the identities are linked
//     to) or private message on the same network, when that was at most `continuationMinutes` earlier.
//     This is how a conversation that went from a public complaint to a DM stays one thread.
//  5. Anything else starts its own thread.

export interface ThreadItem {
  externalId: string;
  network: string;
  /** The Contact/Lead the identity is linked to, else the identity itself: see personKey(). */
  personKey: string;
  direction: 'Inbound' | 'Outbound';
  visibility: 'Public' | 'Private';
  postedAtMs: number;
  inReplyTo?: string;
  conversationKey?: string;
  /** Thread_Key__c of the same interaction in the org, when it is already there. */
  existingThreadKey?: string;
}

/** An interaction already in the org that is not in the file: a parent, or an earlier public post. */
export interface KnownInteraction {
  externalId: string;
  threadKey: string;
  network: string;
  personKey?: string;
  direction?: 'Inbound' | 'Outbound';
  visibility?: 'Public' | 'Private';
  postedAtMs?: number;
}

export type ThreadRule = 'existing' | 'reply' | 'conversation' | 'continuation' | 'root';

export interface ThreadAssignment {
  threadKey: string;
  rule: ThreadRule;
}

/** A private message continues a public conversation that happened at most this long before it. */
export const DEFAULT_CONTINUATION_MINUTES = 24 * 60;

/** Who a message is with: a linked record unites identities across channels; a suggestion does not. */
export function personKey(identity: { externalId: string; contactId?: string; leadId?: string }): string {
  if (identity.contactId !== undefined) return `Contact:${identity.contactId.slice(0, 15)}`;
  if (identity.leadId !== undefined) return `Lead:${identity.leadId.slice(0, 15)}`;
  return `identity:${identity.externalId}`;
}

export function assignThreads(
  items: readonly ThreadItem[],
  known: readonly KnownInteraction[],
  continuationMinutes = DEFAULT_CONTINUATION_MINUTES,
): Map<string, ThreadAssignment> {
  const windowMs = continuationMinutes * 60_000;
  const inFile = new Map(items.map((item) => [item.externalId, item]));
  const inOrg = new Map(known.map((interaction) => [interaction.externalId, interaction]));
  const assigned = new Map<string, ThreadAssignment>();
  const resolving = new Set<string>();

  // Earlier messages per person, oldest first, to find what a private message continues.
  type Candidate = { externalId: string; network: string; visibility?: string; direction?: string; postedAtMs: number };
  const byPerson = new Map<string, Candidate[]>();
  const addCandidate = (person: string | undefined, candidate: Candidate): void => {
    if (person === undefined) return;
    const list = byPerson.get(person) ?? [];
    list.push(candidate);
    byPerson.set(person, list);
  };
  for (const item of items) addCandidate(item.personKey, item);
  for (const interaction of known) {
    if (interaction.postedAtMs !== undefined && !inFile.has(interaction.externalId)) {
      addCandidate(interaction.personKey, { ...interaction, postedAtMs: interaction.postedAtMs });
    }
  }
  for (const list of byPerson.values()) list.sort(compareTime);

  const keyOf = (externalId: string): string | undefined => {
    if (inFile.has(externalId)) return resolve(inFile.get(externalId)!).threadKey;
    return inOrg.get(externalId)?.threadKey;
  };

  function resolve(item: ThreadItem): ThreadAssignment {
    const done = assigned.get(item.externalId);
    if (done !== undefined) return done;
    // A reply cycle (a -> b -> a) in a broken export: the message where it closes starts the thread.
    if (resolving.has(item.externalId)) return { threadKey: item.externalId, rule: 'root' };
    resolving.add(item.externalId);
    const result = decide(item);
    resolving.delete(item.externalId);
    assigned.set(item.externalId, result);
    return result;
  }

  function decide(item: ThreadItem): ThreadAssignment {
    if (item.existingThreadKey !== undefined) return { threadKey: item.existingThreadKey, rule: 'existing' };
    if (item.inReplyTo !== undefined) {
      const parentKey = keyOf(item.inReplyTo);
      if (parentKey !== undefined) return { threadKey: parentKey, rule: 'reply' };
      if (item.conversationKey !== undefined) return { threadKey: item.conversationKey, rule: 'conversation' };
      return { threadKey: item.inReplyTo, rule: 'reply' };
    }
    if (item.conversationKey !== undefined) return { threadKey: item.conversationKey, rule: 'conversation' };
    if (item.visibility === 'Private') {
      const previous = continued(item);
      if (previous !== undefined) {
        const key = keyOf(previous.externalId);
        if (key !== undefined) return { threadKey: key, rule: 'continuation' };
      }
    }
    return { threadKey: item.externalId, rule: 'root' };
  }

  /** The latest earlier message of the same person this private message continues, if any. */
  function continued(item: ThreadItem): Candidate | undefined {
    const candidates = byPerson.get(item.personKey) ?? [];
    let found: Candidate | undefined;
    for (const candidate of candidates) {
      if (compareTime(candidate, item) >= 0) break;
      if (item.postedAtMs - candidate.postedAtMs > windowMs) continue;
      const publicInbound = candidate.visibility === 'Public' && candidate.direction === 'Inbound';
      const samePrivateChannel = candidate.visibility === 'Private' && candidate.network === item.network;
      if (publicInbound || samePrivateChannel) found = candidate;
    }
    return found;
  }

  for (const item of [...items].sort(compareTime)) resolve(item);
  return assigned;
}

/** Oldest first; the external id breaks ties so two messages of the same second cannot continue each other. */
function compareTime(
  a: { postedAtMs: number; externalId: string },
  b: { postedAtMs: number; externalId: string },
): number {
  return a.postedAtMs - b.postedAtMs || (a.externalId < b.externalId ? -1 : a.externalId > b.externalId ? 1 : 0);
}
