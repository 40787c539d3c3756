// What the import's first pass keeps per post: enough to settle identities and threads (ids, parent,
// person, time), not the body, so memory grows with the number of posts and not with their text. The
// outlines are held column by column (OutlineStore): on the bench's export 211 bytes a post at 100,000
// and some 130 at 1,000,000, against 399 and 335 as one object each (an object, a boxed time, its own
// copy of the identity's external id per post).
import type { Interaction } from './interaction.js';

/** What the first pass keeps per post: enough to thread it, not its body. */
export interface Outline {
  /** The line whose row is written for this post (the last complete one). */
  line: number;
  complete: boolean;
  /** Some row of this post in the file says it was deleted: the written row carries the deletion. */
  deleted: boolean;
  identityExternalId?: string;
  network: string;
  direction: 'Inbound' | 'Outbound';
  visibility: 'Public' | 'Private';
  postedAtMs?: number;
  inReplyTo?: string;
  conversationKey?: string;
}

/**
 * Keeps one outline per post. Of several rows of the same post, the last complete one is written (an
 * edit exported later supersedes the original); a deletion anywhere wins, because a post deleted on
 * the network must not come back.
 */
export function remember(
  outlines: { get(externalId: string): Outline | undefined; set(externalId: string, outline: Outline): unknown },
  interaction: Interaction,
): void {
  const complete = interaction.postedAt !== undefined;
  const earlier = outlines.get(interaction.externalId);
  const deleted = interaction.deleted || (earlier?.deleted ?? false);
  if (earlier !== undefined && earlier.complete && !complete) {
    outlines.set(interaction.externalId, { ...earlier, deleted });
    return;
  }
  const outline: Outline = {
    line: interaction.origin.line,
    complete,
    deleted,
    network: interaction.network,
    direction: interaction.direction,
    visibility: interaction.visibility,
  };
  if (interaction.identity) outline.identityExternalId = interaction.identity.externalId;
  if (interaction.postedAtMs !== undefined) outline.postedAtMs = interaction.postedAtMs;
  if (interaction.inReplyTo) outline.inReplyTo = interaction.inReplyTo;
  if (interaction.conversationKey) outline.conversationKey = interaction.conversationKey;
  outlines.set(interaction.externalId, outline);
}

/**
 * The same text as one sequential string. An external id is built as network + ':' + post id, which V8
 * keeps as a tree of its parts (a "cons string", some 30 bytes more a post); converting a string to a
 * number makes V8 flatten it in place. (A property name would be flatter still, 15 bytes a post less,
 * but internalising every id made pass 1 half as fast again.)
 */
function flat(text: string): string {
  Number(text);
  return text;
}

const COMPLETE = 1;
const DELETED = 2;
const OUTBOUND = 4;
const PRIVATE = 8;
const TIMED = 16;
const NO_IDENTITY = -1;
const FLAG_BITS = { deleted: DELETED, timed: TIMED, outbound: OUTBOUND, private: PRIVATE } as const;
export type PostFlag = keyof typeof FLAG_BITS;

/**
 * The outlines of a file's posts by external id, one typed array per field (a post's number indexes
 * them), the networks and identities' external ids held once each. Reads hand out a new Outline each
 * time: a caller changes a post with set, never through what get returned.
 */
export class OutlineStore implements ReadonlyMap<string, Outline> {
  private readonly numbers = new Map<string, number>();
  /** Each post's external id, by number (the same strings as the Map's keys). */
  private ids: string[] = [];
  /** Networks and identities' external ids, each once: far fewer than posts. */
  private readonly names: string[] = [];
  private readonly nameNumbers = new Map<string, number>();
  private lines = new Uint32Array(1_024);
  private flags = new Uint8Array(1_024);
  private times = new Float64Array(1_024);
  private networks = new Int32Array(1_024);
  private identities = new Int32Array(1_024);
  private replyTo: Array<string | undefined> = [];
  private conversations: Array<string | undefined> = [];

  public get size(): number {
    return this.numbers.size;
  }

  public get [Symbol.toStringTag](): string {
    return 'OutlineStore';
  }

  public has(externalId: string): boolean {
    return this.numbers.has(externalId);
  }

  public get(externalId: string): Outline | undefined {
    const post = this.numbers.get(externalId);
    return post === undefined ? undefined : this.outline(post);
  }

  public set(externalId: string, outline: Outline): this {
    let post = this.numbers.get(externalId);
    if (post === undefined) {
      post = this.numbers.size;
      if (post === this.lines.length) this.grow();
      const id = flat(externalId);
      this.numbers.set(id, post);
      this.ids.push(id);
    }
    this.lines[post] = outline.line;
    this.flags[post] =
      (outline.complete ? COMPLETE : 0) |
      (outline.deleted ? DELETED : 0) |
      (outline.direction === 'Outbound' ? OUTBOUND : 0) |
      (outline.visibility === 'Private' ? PRIVATE : 0) |
      (outline.postedAtMs !== undefined ? TIMED : 0);
    this.times[post] = outline.postedAtMs ?? 0;
    this.networks[post] = this.nameNumber(outline.network);
    this.identities[post] =
      outline.identityExternalId !== undefined ? this.nameNumber(outline.identityExternalId) : NO_IDENTITY;
    this.replyTo[post] = outline.inReplyTo === undefined ? undefined : flat(outline.inReplyTo);
    this.conversations[post] = outline.conversationKey;
    return this;
  }

  public keys(): MapIterator<string> {
    return this.numbers.keys();
  }

  public *entries(): MapIterator<[string, Outline]> {
    for (const [externalId, post] of this.numbers) yield [externalId, this.outline(post)];
  }

  public *values(): MapIterator<Outline> {
    for (const post of this.numbers.values()) yield this.outline(post);
  }

  public [Symbol.iterator](): MapIterator<[string, Outline]> {
    return this.entries();
  }

  public forEach(callback: (outline: Outline, externalId: string, map: ReadonlyMap<string, Outline>) => void): void {
    for (const [externalId, outline] of this.entries()) callback(outline, externalId, this);
  }

  /** Lets go of every outline (the arrays too). */
  public clear(): void {
    this.numbers.clear();
    this.ids = [];
    this.names.length = 0;
    this.nameNumbers.clear();
    this.lines = new Uint32Array(0);
    this.flags = new Uint8Array(0);
    this.times = new Float64Array(0);
    this.networks = new Int32Array(0);
    this.identities = new Int32Array(0);
    this.replyTo = [];
    this.conversations = [];
  }

  /** A post's number (0 to size - 1, in the order first seen), or undefined for a post not in the file. */
  public numberOf(externalId: string): number | undefined {
    return this.numbers.get(externalId);
  }

  public externalId(post: number): string {
    return this.ids[post]!;
  }

  public lineOf(post: number): number {
    return this.lines[post]!;
  }

  /** Whether a post has one of its flags: deleted by some row, timed, outbound, private. */
  public is(post: number, flag: PostFlag): boolean {
    return (this.flags[post]! & FLAG_BITS[flag]) !== 0;
  }

  public postedAtMs(post: number): number {
    return this.times[post]!;
  }

  public network(post: number): string {
    return this.names[this.networks[post]!]!;
  }

  public identityExternalId(post: number): string | undefined {
    const identity = this.identities[post]!;
    return identity === NO_IDENTITY ? undefined : this.names[identity];
  }

  public inReplyTo(post: number): string | undefined {
    return this.replyTo[post];
  }

  public conversationKey(post: number): string | undefined {
    return this.conversations[post];
  }

  /** Lets go of what only threading reads (parents, conversations): planning needs ids, lines and flags. */
  public releaseThreading(): void {
    this.replyTo = [];
    this.conversations = [];
  }

  private outline(post: number): Outline {
    const flags = this.flags[post]!;
    const outline: Outline = {
      line: this.lines[post]!,
      complete: (flags & COMPLETE) !== 0,
      deleted: (flags & DELETED) !== 0,
      network: this.names[this.networks[post]!]!,
      direction: flags & OUTBOUND ? 'Outbound' : 'Inbound',
      visibility: flags & PRIVATE ? 'Private' : 'Public',
    };
    const identity = this.identities[post]!;
    if (identity !== NO_IDENTITY) outline.identityExternalId = this.names[identity]!;
    if (flags & TIMED) outline.postedAtMs = this.times[post]!;
    const inReplyTo = this.replyTo[post];
    if (inReplyTo !== undefined) outline.inReplyTo = inReplyTo;
    const conversationKey = this.conversations[post];
    if (conversationKey !== undefined) outline.conversationKey = conversationKey;
    return outline;
  }

  private nameNumber(name: string): number {
    let number = this.nameNumbers.get(name);
    if (number === undefined) {
      number = this.names.length;
      this.names.push(name);
      this.nameNumbers.set(name, number);
    }
    return number;
  }

  /** Twice the room; the arrays are copied, so the store briefly holds both. */
  private grow(): void {
    const size = this.lines.length * 2;
    const grown = <T extends Uint32Array | Uint8Array | Float64Array | Int32Array>(
      array: T,
      make: (length: number) => T,
    ): T => {
      const larger = make(size);
      larger.set(array);
      return larger;
    };
    this.lines = grown(this.lines, (length) => new Uint32Array(length));
    this.flags = grown(this.flags, (length) => new Uint8Array(length));
    this.times = grown(this.times, (length) => new Float64Array(length));
    this.networks = grown(this.networks, (length) => new Int32Array(length));
    this.identities = grown(this.identities, (length) => new Int32Array(length));
  }
}
