// A scan rule's index: every record of the org with a value in the rule's field, by its normalised
// value (resolve.ts). A deploy builds it once, from the pages of the scan as they arrive, and keeps it
// for the whole run, so its size is what an org with many Contacts costs. A Map of Sets held about 300
// bytes a record (the Map entry, a Set, the key and id strings, and the query's records behind them);
// this holds the values and ids as bytes in a few growing buffers and finds a value by open addressing:
// about 60 bytes a record (docs/mappings.md, "API calls and memory", has the measured figures). A deploy
// notes its input's values in a ValueFilter before it scans, and keeps only the records one of them can
// match: the index then grows with the matches, at most the input, however many Contacts the org holds.

import { ByteStrings, grow, hash, StringTable } from '../memory/stringTable.js';

/** A second hash, independent enough of FNV-1a for a Bloom filter's double hashing (murmur3's mixing). */
function hash2(text: string): number {
  let value = 0x9747b28c;
  for (let index = 0; index < text.length; index += 1) {
    value = Math.imul(value ^ text.charCodeAt(index), 0x5bd1e995);
    value ^= value >>> 15;
  }
  value = Math.imul(value ^ (value >>> 13), 0xc2b2ae35);
  return (value ^ (value >>> 16)) >>> 0;
}

/** Bits of a ValueFilter: 2 MB, whatever the input. */
const FILTER_BITS = 2 ** 24;
const FILTER_PROBES = 4;

/**
 * The values an input's identities can be matched by (a Bloom filter): a scan keeps only the records
 * whose value is in it, so the index holds what the input could match, not the whole org. Its size is
 * fixed; a value it was not given is let through now and then (about 1 in 500 with 1,000,000 values in
 * it, far fewer with fewer), which costs an index entry no identity asks for, never a missed match.
 */
export class ValueFilter {
  private readonly bits = Buffer.alloc(FILTER_BITS / 8);
  /** Values added (repeats included). */
  public added = 0;

  public add(value: string): void {
    this.added += 1;
    const first = hash(value);
    const step = hash2(value) | 1;
    for (let probe = 0; probe < FILTER_PROBES; probe += 1) {
      const bit = (first + Math.imul(probe, step)) & (FILTER_BITS - 1);
      this.bits[bit >>> 3]! |= 1 << (bit & 7);
    }
  }

  /** False: no value added was `value`. True: one probably was. */
  public mightHave(value: string): boolean {
    const first = hash(value);
    const step = hash2(value) | 1;
    for (let probe = 0; probe < FILTER_PROBES; probe += 1) {
      const bit = (first + Math.imul(probe, step)) & (FILTER_BITS - 1);
      if ((this.bits[bit >>> 3]! & (1 << (bit & 7))) === 0) return false;
    }
    return true;
  }
}

export class ScanIndex {
  /** The distinct values, numbered. */
  private readonly values = new StringTable();
  /** Each entry's record id. */
  private readonly ids = new ByteStrings();
  /** Each value's first entry. */
  private heads = new Int32Array(1024);
  /** The next entry with the same value, or -1. */
  private next = new Int32Array(1024);

  /** Records added (a record with a value in the field counts once). */
  public get size(): number {
    return this.ids.count;
  }

  public add(value: string, id: string): void {
    const entry = this.ids.count;
    this.ids.add(id);
    if (entry === this.next.length) this.next = grow(this.next);
    this.next[entry] = -1;
    const distinct = this.values.size;
    const number = this.values.add(value);
    if (number < distinct) {
      // The same value again: chained behind the first entry, which stays the head.
      const head = this.heads[number]!;
      this.next[entry] = this.next[head]!;
      this.next[head] = entry;
      return;
    }
    if (number === this.heads.length) this.heads = grow(this.heads);
    this.heads[number] = entry;
  }

  /** The ids of the records whose normalised value is `value`, or undefined. */
  public get(value: string): string[] | undefined {
    const number = this.values.numberOf(value);
    if (number < 0) return undefined;
    const ids: string[] = [];
    for (let entry = this.heads[number]!; entry >= 0; entry = this.next[entry]!) ids.push(this.ids.get(entry));
    return ids;
  }
}

/** The last 7 digits: 10,000,000 keys, a bit each (1.25 MB). */
const TAIL_DIGITS = 7;

/**
 * A cheaper first test for a phone-e164 scan: the last 7 digits of the input's numbers. Parsing a
 * number costs tens of µs, and a scan would parse every Contact's; E.164 ends with the digits the number
 * was written with (phoneToE164 reads only digits, a leading + and the separators it drops: the calling
 * code and a trunk prefix change the front, never the end), so a Contact whose number is written that
 * way and whose last 7 digits no input number has cannot match, and is passed over unparsed. Anything
 * else (letters, fewer digits) is parsed as before; so is everything once the input has a number of
 * fewer than 7 digits.
 */
export class PhoneTails {
  private readonly bits = Buffer.alloc(10 ** TAIL_DIGITS / 8 + 1);
  private everything = false;

  /** Notes a number the input has, in E.164. */
  public add(e164: string): void {
    if (!/^\+\d+$/.test(e164) || e164.length - 1 < TAIL_DIGITS) {
      this.everything = true;
      return;
    }
    const key = Number(e164.slice(-TAIL_DIGITS));
    this.bits[key >>> 3]! |= 1 << (key & 7);
  }

  /** False: the record's number, written as `raw`, is none of the input's. True: parse it to know. */
  public mightMatch(raw: string): boolean {
    if (this.everything) return true;
    const compact = raw.replace(/[\s().\-\u00a0]/g, '');
    if (!/^\+?\d+$/.test(compact) || compact.length < TAIL_DIGITS + (compact.startsWith('+') ? 1 : 0)) return true;
    const key = Number(compact.slice(-TAIL_DIGITS));
    return (this.bits[key >>> 3]! & (1 << (key & 7))) !== 0;
  }
}
