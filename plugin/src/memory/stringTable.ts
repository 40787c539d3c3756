// Many strings held as bytes rather than as V8 strings (each a heap object of 16 bytes and more, plus a
// Map entry to find it), for the indexes that grow with an org or an input: a scan rule's values and
// ids (mappings/scanIndex.ts) and a Bulk job's results by external id (org/client.ts). At a million
// strings that is tens of MB instead of a hundred and more.

/** UTF-8 strings appended one after another, each found again by its number. */
export class ByteStrings {
  private bytes = Buffer.allocUnsafe(64 * 1024);
  private ends: Uint32Array;
  private used = 0;
  public count = 0;

  /** expected: how many strings are coming, when known (no growing of their ends then). */
  public constructor(expected = 0) {
    this.ends = new Uint32Array(Math.max(1024, expected));
  }

  public add(text: string): void {
    const length = Buffer.byteLength(text);
    if (this.used + length > this.bytes.length) {
      // By half again rather than twice: at a million strings the bytes are several MB, and the old
      // buffer and the new are both held while one is copied into the other.
      const grown = Buffer.allocUnsafe(Math.max(Math.ceil(this.bytes.length * 1.5), this.used + length));
      this.bytes.copy(grown, 0, 0, this.used);
      this.bytes = grown;
    }
    this.bytes.write(text, this.used);
    this.used += length;
    if (this.count === this.ends.length) this.ends = grow(this.ends);
    this.ends[this.count] = this.used;
    this.count += 1;
  }

  public get(index: number): string {
    return this.bytes.toString('utf8', this.start(index), this.ends[index]);
  }

  public equals(index: number, encoded: Buffer): boolean {
    const start = this.start(index);
    const end = this.ends[index]!;
    return end - start === encoded.length && this.bytes.compare(encoded, 0, encoded.length, start, end) === 0;
  }

  private start(index: number): number {
    return index === 0 ? 0 : this.ends[index - 1]!;
  }
}

/**
 * Distinct strings, numbered 0, 1, 2… in the order they were first added, and found by value through
 * open addressing (a slot array kept at most half full).
 */
export class StringTable {
  private readonly keys: ByteStrings;
  /** The number of the string in each slot, or -1 for a free slot. */
  private slots: Int32Array;

  /**
   * expected: how many distinct strings are coming, when known (a Bulk job's records): the table is made
   * that large at once, not grown by rehashing (which holds the old slots and the new together).
   */
  public constructor(expected = 0) {
    this.keys = new ByteStrings(expected);
    let slots = 2048;
    while (slots < expected * 2) slots *= 2;
    this.slots = new Int32Array(slots).fill(-1);
  }

  /** Distinct strings added. */
  public get size(): number {
    return this.keys.count;
  }

  /** The number of `key`: the one it got when first added, or the next one. */
  public add(key: string): number {
    const slot = this.find(key);
    const known = this.slots[slot]!;
    if (known >= 0) return known;
    const number = this.keys.count;
    this.keys.add(key);
    this.slots[slot] = number;
    if (this.keys.count * 2 > this.slots.length) this.rehash();
    return number;
  }

  /** The string numbered `number`. */
  public get(number: number): string {
    return this.keys.get(number);
  }

  /** The number of `key`, or -1 when it was never added. */
  public numberOf(key: string): number {
    return this.slots[this.find(key)]!;
  }

  /** The slot that holds `key`, or the free slot where it would go. */
  private find(key: string): number {
    const encoded = Buffer.from(key);
    const mask = this.slots.length - 1;
    for (let slot = hash(key) & mask; ; slot = (slot + 1) & mask) {
      const number = this.slots[slot]!;
      if (number < 0 || this.keys.equals(number, encoded)) return slot;
    }
  }

  private rehash(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2).fill(-1);
    const mask = this.slots.length - 1;
    for (const number of old) {
      if (number < 0) continue;
      let slot = hash(this.keys.get(number)) & mask;
      while (this.slots[slot]! >= 0) slot = (slot + 1) & mask;
      this.slots[slot] = number;
    }
  }
}

export function grow<T extends Uint32Array | Int32Array>(array: T): T {
  const grown = new (array.constructor as new (length: number) => T)(array.length * 2);
  grown.set(array);
  return grown;
}

/** FNV-1a over the string's UTF-16 code units: cheap, and spread well enough for open addressing. */
export function hash(text: string): number {
  let value = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    value ^= text.charCodeAt(index);
    value = Math.imul(value, 0x01000193);
  }
  return value >>> 0;
}
