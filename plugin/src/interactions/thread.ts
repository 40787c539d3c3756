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

/**
 * The posts of a file as threading reads them, by number (0 to count - 1): the import holds them in
 * typed arrays (outline.ts OutlineStore), so threading a million posts needs no object per post.
 */
export interface ThreadPosts {
  readonly count: number;
  externalId(post: number): string;
  /** The post's number when it is a post of the file, else undefined. */
  numberOf(externalId: string): number | undefined;
  /** Only posts with a time are threaded. */
  timed(post: number): boolean;
  postedAtMs(post: number): number;
  network(post: number): string;
  /** Who the post is with (see personKey); undefined when nobody else can be (no identity). */
  personKey(post: number): string | undefined;
  outbound(post: number): boolean;
  private(post: number): boolean;
  inReplyTo(post: number): string | undefined;
  conversationKey(post: number): string | undefined;
  existingThreadKey(post: number): string | undefined;
}

export const THREAD_RULES: readonly ThreadRule[] = ['existing', 'reply', 'conversation', 'continuation', 'root'];
/** The rule of a post that was not threaded (it has no time). */
export const UNTHREADED = 255;

/**
 * Every post's thread, compactly: threadOf holds a key number (a post's number when the key is that post's
 * external id, else -(k + 1) for otherKeys[k]), rules an index into THREAD_RULES (UNTHREADED for a post
 * without time). Some 5 bytes a post, where a Map of objects took a hundred and more.
 */
export class PostThreadKeys {
  public constructor(
    private readonly posts: Pick<ThreadPosts, 'externalId' | 'numberOf'>,
    public readonly threadOf: Int32Array,
    public readonly rules: Uint8Array,
    private readonly otherKeys: readonly string[],
  ) {}

  public keyText(key: number): string {
    return key >= 0 ? this.posts.externalId(key) : this.otherKeys[-key - 1]!;
  }

  public get(externalId: string): ThreadAssignment | undefined {
    const post = this.posts.numberOf(externalId);
    return post === undefined ? undefined : this.at(post);
  }

  /** The thread of a post by number. */
  public at(post: number): ThreadAssignment | undefined {
    if (this.rules[post] === UNTHREADED) return undefined;
    return { threadKey: this.keyText(this.threadOf[post]!), rule: THREAD_RULES[this.rules[post]!]! };
  }
}

const EXISTING = 0;
const REPLY = 1;
const CONVERSATION = 2;
const CONTINUATION = 3;
const ROOT = 4;

/**
 * The threads of a file's posts (the rules at the top of this module). Posts are resolved oldest first;
 * a private message's earlier messages are found among the same person's posts sorted by time (an index,
 * not a list per person), and among the org's known interactions (few: parents and people's recent posts).
 */
export function threadPosts(
  posts: ThreadPosts,
  known: readonly KnownInteraction[],
  continuationMinutes = DEFAULT_CONTINUATION_MINUTES,
): PostThreadKeys {
  const windowMs = continuationMinutes * 60_000;
  const count = posts.count;
  const threadOf = new Int32Array(count);
  const rules = new Uint8Array(count).fill(UNTHREADED);
  const otherKeys: string[] = [];
  const otherNumbers = new Map<string, number>();
  const inFile = (externalId: string): number | undefined => {
    const post = posts.numberOf(externalId);
    return post !== undefined && posts.timed(post) ? post : undefined;
  };
  /** One number per key text: a post's number when it is a post's external id. */
  const keyNumber = (text: string): number => {
    const post = posts.numberOf(text);
    if (post !== undefined) return post;
    let other = otherNumbers.get(text);
    if (other === undefined) {
      other = -(otherKeys.length + 1);
      otherKeys.push(text);
      otherNumbers.set(text, other);
    }
    return other;
  };
  const inOrg = new Map<string, KnownInteraction>();
  for (const interaction of known) inOrg.set(interaction.externalId, interaction);

  // People by number; a post whose person is undefined has nobody's earlier messages to continue.
  const personNumbers = new Map<string, number>();
  const personOf = new Int32Array(count).fill(-1);
  let timedCount = 0;
  for (let post = 0; post < count; post += 1) {
    if (!posts.timed(post)) continue;
    timedCount += 1;
    const person = posts.personKey(post);
    if (person === undefined) continue;
    let number = personNumbers.get(person);
    if (number === undefined) personNumbers.set(person, (number = personNumbers.size));
    personOf[post] = number;
  }
  const compare = (a: number, b: number): number =>
    posts.postedAtMs(a) - posts.postedAtMs(b) || compareIds(posts.externalId(a), posts.externalId(b));
  const byTime = new Int32Array(timedCount);
  let filled = 0;
  for (let post = 0; post < count; post += 1) if (posts.timed(post)) byTime[filled++] = post;
  byTime.sort(compare);
  // Each person's posts together, oldest first: a post's earlier messages are just before it.
  const byPerson = byTime.filter((post) => personOf[post]! >= 0);
  byPerson.sort((a, b) => personOf[a]! - personOf[b]! || compare(a, b));
  const placeInPerson = new Int32Array(count);
  for (let index = 0; index < byPerson.length; index += 1) placeInPerson[byPerson[index]!] = index;

  // The org's interactions not in the file, per person, oldest first.
  type Candidate = { externalId: string; network: string; visibility?: string; direction?: string; postedAtMs: number };
  const knownByPerson = new Map<number, Candidate[]>();
  for (const interaction of known) {
    const person = interaction.personKey === undefined ? undefined : personNumbers.get(interaction.personKey);
    if (interaction.postedAtMs === undefined || person === undefined || inFile(interaction.externalId) !== undefined) {
      continue;
    }
    const list = knownByPerson.get(person) ?? [];
    list.push({ ...interaction, postedAtMs: interaction.postedAtMs });
    knownByPerson.set(person, list);
  }
  for (const list of knownByPerson.values()) list.sort(compareTime);

  const resolving = new Uint8Array(count);
  const keyOf = (externalId: string): number | undefined => {
    const post = inFile(externalId);
    if (post !== undefined) return resolve(post);
    const interaction = inOrg.get(externalId);
    return interaction === undefined ? undefined : keyNumber(interaction.threadKey);
  };

  function resolve(post: number): number {
    if (rules[post] !== UNTHREADED) return threadOf[post]!;
    // A reply cycle (a -> b -> a) in a broken export: the message where it closes starts the thread.
    if (resolving[post]) return post;
    resolving[post] = 1;
    const [key, rule] = decide(post);
    resolving[post] = 0;
    threadOf[post] = key;
    rules[post] = rule;
    return key;
  }

  function decide(post: number): [number, number] {
    const existing = posts.existingThreadKey(post);
    if (existing !== undefined) return [keyNumber(existing), EXISTING];
    const inReplyTo = posts.inReplyTo(post);
    const conversation = posts.conversationKey(post);
    if (inReplyTo !== undefined) {
      const parentKey = keyOf(inReplyTo);
      if (parentKey !== undefined) return [parentKey, REPLY];
      if (conversation !== undefined) return [keyNumber(conversation), CONVERSATION];
      return [keyNumber(inReplyTo), REPLY];
    }
    if (conversation !== undefined) return [keyNumber(conversation), CONVERSATION];
    if (posts.private(post)) {
      const previous = continued(post);
      if (previous !== undefined) {
        const key = keyOf(previous);
        if (key !== undefined) return [key, CONTINUATION];
      }
    }
    return [post, ROOT];
  }

  /** The latest earlier message of the same person this private message continues, if any. */
  function continued(post: number): string | undefined {
    const person = personOf[post]!;
    if (person < 0) return undefined;
    const at = posts.postedAtMs(post);
    const network = posts.network(post);
    let fromFile: number | undefined;
    for (let index = placeInPerson[post]! - 1; index >= 0; index -= 1) {
      const candidate = byPerson[index]!;
      if (personOf[candidate] !== person || at - posts.postedAtMs(candidate) > windowMs) break;
      const publicInbound = !posts.private(candidate) && !posts.outbound(candidate);
      if (publicInbound || (posts.private(candidate) && posts.network(candidate) === network)) {
        fromFile = candidate;
        break;
      }
    }
    const item = { externalId: posts.externalId(post), postedAtMs: at };
    let fromOrg: Candidate | undefined;
    for (const candidate of knownByPerson.get(person) ?? []) {
      if (compareTime(candidate, item) >= 0) break;
      if (at - candidate.postedAtMs > windowMs) continue;
      const publicInbound = candidate.visibility === 'Public' && candidate.direction === 'Inbound';
      const samePrivateChannel = candidate.visibility === 'Private' && candidate.network === network;
      if (publicInbound || samePrivateChannel) fromOrg = candidate;
    }
    if (fromFile === undefined) return fromOrg?.externalId;
    const fileCandidate = { externalId: posts.externalId(fromFile), postedAtMs: posts.postedAtMs(fromFile) };
    return fromOrg !== undefined && compareTime(fromOrg, fileCandidate) > 0
      ? fromOrg.externalId
      : fileCandidate.externalId;
  }

  for (const post of byTime) resolve(post);
  return new PostThreadKeys(posts, threadOf, rules, otherKeys);
}

/** threadPosts over objects (tests, small callers): every item's thread by external id. */
export function assignThreads(
  items: readonly ThreadItem[],
  known: readonly KnownInteraction[],
  continuationMinutes = DEFAULT_CONTINUATION_MINUTES,
): Map<string, ThreadAssignment> {
  const numbers = new Map<string, number>();
  const list: ThreadItem[] = [];
  for (const item of items) {
    // A repeated external id: the last item stands for the post, as a Map of items would keep it.
    const number = numbers.get(item.externalId);
    if (number === undefined) {
      numbers.set(item.externalId, list.length);
      list.push(item);
    } else {
      list[number] = item;
    }
  }
  const threads = threadPosts(
    {
      count: list.length,
      externalId: (post) => list[post]!.externalId,
      numberOf: (externalId) => numbers.get(externalId),
      timed: () => true,
      postedAtMs: (post) => list[post]!.postedAtMs,
      network: (post) => list[post]!.network,
      personKey: (post) => list[post]!.personKey,
      outbound: (post) => list[post]!.direction === 'Outbound',
      private: (post) => list[post]!.visibility === 'Private',
      inReplyTo: (post) => list[post]!.inReplyTo,
      conversationKey: (post) => list[post]!.conversationKey,
      existingThreadKey: (post) => list[post]!.existingThreadKey,
    },
    known,
    continuationMinutes,
  );
  const assigned = new Map<string, ThreadAssignment>();
  for (const item of list) assigned.set(item.externalId, threads.get(item.externalId)!);
  return assigned;
}

/** Oldest first; the external id breaks ties so two messages of the same second cannot continue each other. */
function compareTime(
  a: { postedAtMs: number; externalId: string },
  b: { postedAtMs: number; externalId: string },
): number {
  return a.postedAtMs - b.postedAtMs || compareIds(a.externalId, b.externalId);
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
