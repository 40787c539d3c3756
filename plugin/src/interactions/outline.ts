// What the import's first pass keeps per post: enough to settle identities and threads (ids, parent,
// person, time), not the body, so memory grows with the number of posts and not with their text. The
// outlines are held column by column (OutlineStore), the external ids as bytes: some 90 bytes a post
// of the bench's export at 1,000,000, against 335 as one object each.
import { StringTable } from '../memory/stringTable.js';
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

const COMPLETE = 1;
const DELETED = 2;
const OUTBOUND = 4;
const PRIVATE = 8;
const TIMED = 16;
/** A post of the file (a number may also be only a parent some post names). */
const PRESENT = 32;
const NONE = -1;
const FLAG_BITS = { deleted: DELETED, timed: TIMED, outbound: OUTBOUND, private: PRIVATE } as const;
export type PostFlag = keyof typeof FLAG_BITS;

/**
 * The outlines of a file's posts by external id, one typed array per field (a post's number indexes
 * them). The external ids, of posts and of the parents they name, are held as bytes in one StringTable
 * (memory/stringTable.ts), which numbers them; a Map keyed by V8 strings cost some 130 bytes a post
 * more (a cons string and its flat copy, a Map entry, an array slot): 229 against 86 bytes a post at
 * 1,000,000 bench posts. The networks and identities' external ids are held once each. Reads hand out
 * a new Outline each time: a caller changes a post with set, never through what get returned.
 */
export class OutlineStore implements ReadonlyMap<string, Outline> {
  /** External ids by number: the posts' and their parents'. */
  private ids = new StringTable();
  private posts = 0;
  /** Networks and identities' external ids, each once: far fewer than posts. */
  private readonly names: string[] = [];
  private readonly nameNumbers = new Map<string, number>();
  private lines = new Uint32Array(1_024);
  private flags = new Uint8Array(1_024);
  private times = new Float64Array(1_024);
  private networks = new Int32Array(1_024);
  private identities = new Int32Array(1_024);
  /** The number of the post's parent, or NONE. */
  private replyTo = new Int32Array(1_024).fill(NONE);
  /** Conversation keys (rare: only some networks name them), by number. */
  private conversations = new Map<number, string>();

  /** Posts of the file. */
  public get size(): number {
    return this.posts;
  }

  /** Numbers handed out (posts and the parents they name): a post's number is below this. */
  public get numbered(): number {
    return this.ids.size;
  }

  public get [Symbol.toStringTag](): string {
    return 'OutlineStore';
  }

  public has(externalId: string): boolean {
    return this.numberOf(externalId) !== undefined;
  }

  public get(externalId: string): Outline | undefined {
    const post = this.numberOf(externalId);
    return post === undefined ? undefined : this.outline(post);
  }

  public set(externalId: string, outline: Outline): this {
    const post = this.number(externalId);
    if ((this.flags[post]! & PRESENT) === 0) this.posts += 1;
    this.lines[post] = outline.line;
    this.flags[post] =
      PRESENT |
      (outline.complete ? COMPLETE : 0) |
      (outline.deleted ? DELETED : 0) |
      (outline.direction === 'Outbound' ? OUTBOUND : 0) |
      (outline.visibility === 'Private' ? PRIVATE : 0) |
      (outline.postedAtMs !== undefined ? TIMED : 0);
    this.times[post] = outline.postedAtMs ?? 0;
    this.networks[post] = this.nameNumber(outline.network);
    this.identities[post] =
      outline.identityExternalId !== undefined ? this.nameNumber(outline.identityExternalId) : NONE;
    this.replyTo[post] = outline.inReplyTo === undefined ? NONE : this.number(outline.inReplyTo);
    if (outline.conversationKey !== undefined) this.conversations.set(post, outline.conversationKey);
    else this.conversations.delete(post);
    return this;
  }

  public *keys(): MapIterator<string> {
    for (let post = 0; post < this.ids.size; post += 1) if (this.flags[post]! & PRESENT) yield this.ids.get(post);
  }

  public *entries(): MapIterator<[string, Outline]> {
    for (const externalId of this.keys()) yield [externalId, this.get(externalId)!];
  }

  public *values(): MapIterator<Outline> {
    for (let post = 0; post < this.ids.size; post += 1) if (this.flags[post]! & PRESENT) yield this.outline(post);
  }

  public [Symbol.iterator](): MapIterator<[string, Outline]> {
    return this.entries();
  }

  public forEach(callback: (outline: Outline, externalId: string, map: ReadonlyMap<string, Outline>) => void): void {
    for (const [externalId, outline] of this.entries()) callback(outline, externalId, this);
  }

  /** Lets go of every outline (the arrays too). */
  public clear(): void {
    this.ids = new StringTable();
    this.posts = 0;
    this.names.length = 0;
    this.nameNumbers.clear();
    this.lines = new Uint32Array(0);
    this.flags = new Uint8Array(0);
    this.times = new Float64Array(0);
    this.networks = new Int32Array(0);
    this.identities = new Int32Array(0);
    this.replyTo = new Int32Array(0);
    this.conversations = new Map();
  }

  /** A post's number (below `numbered`), or undefined for a post not in the file. */
  public numberOf(externalId: string): number | undefined {
    const post = this.ids.numberOf(externalId);
    return post >= 0 && (this.flags[post]! & PRESENT) !== 0 ? post : undefined;
  }

  public externalId(post: number): string {
    return this.ids.get(post);
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
    return identity === NONE ? undefined : this.names[identity];
  }

  public inReplyTo(post: number): string | undefined {
    const parent = this.replyTo[post]!;
    return parent === NONE ? undefined : this.ids.get(parent);
  }

  public conversationKey(post: number): string | undefined {
    return this.conversations.get(post);
  }

  /** Lets go of what only threading reads (parents, conversations): planning needs ids, lines and flags. */
  public releaseThreading(): void {
    this.replyTo = new Int32Array(0);
    this.conversations = new Map();
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
    const identity = this.identityExternalId(post);
    if (identity !== undefined) outline.identityExternalId = identity;
    if (flags & TIMED) outline.postedAtMs = this.times[post]!;
    const inReplyTo = post < this.replyTo.length ? this.inReplyTo(post) : undefined;
    if (inReplyTo !== undefined) outline.inReplyTo = inReplyTo;
    const conversationKey = this.conversations.get(post);
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

  /** The number of an external id (a new one, with room in the arrays, when first seen). */
  private number(externalId: string): number {
    const number = this.ids.add(externalId);
    if (number === this.lines.length) this.grow();
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
    this.replyTo = grown(this.replyTo, (length) => new Int32Array(length).fill(NONE));
  }
}
