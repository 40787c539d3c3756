// The file's posts the org already holds, as threading read them (every field planning compares), kept on
// disk until the plan stage asks for a batch's worth. A second import then reads each post from the org
// once, not once for its thread key and again for its fields; and the records wait on disk, not in
// memory: a record a post (a few hundred bytes, the body among them) would make memory grow with the file.
// Held per post: where its record starts and how long it is.
import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ExistingInteraction } from './plan.js';

/** Records written to disk together: a page's worth is one write call rather than one a record. */
const RECORDS_PER_WRITE = 500;
/** The most bytes read from disk at once: a batch's records are read in spans of about this. */
const SPAN_BYTES = 8 * 1024 * 1024;
/** Boolean fields: a Bulk API query answers text ("true"), the REST API booleans; planning compares booleans. */
const BOOLEAN_FIELDS = ['Deleted_On_Network__c', 'Contains_Personal_Data__c'] as const;

export class ExistingPosts {
  private readonly numbers = new Map<string, number>();
  private starts = new Float64Array(1_024);
  private lengths = new Uint32Array(1_024);
  private bytes = 0;
  private pending: string[] = [];
  private fd: number | undefined;
  private dir: string | undefined;

  /** spanBytes: the most read at once (tests make it small to cross spans). */
  public constructor(private readonly spanBytes = SPAN_BYTES) {}

  /** How many of the file's posts the org holds. */
  public get size(): number {
    return this.numbers.size;
  }

  public has(externalId: string): boolean {
    return this.numbers.has(externalId);
  }

  /** Keeps a record the org holds (once per external id: a repeated one is ignored). */
  public add(record: ExistingInteraction): void {
    if (this.numbers.has(record.External_Id__c)) return;
    for (const field of BOOLEAN_FIELDS) {
      const value = record[field];
      if (typeof value === 'string') record[field] = value === 'true';
    }
    const json = JSON.stringify(record);
    const length = Buffer.byteLength(json);
    const number = this.numbers.size;
    if (number === this.starts.length) this.grow();
    this.starts[number] = this.bytes;
    this.lengths[number] = length;
    this.bytes += length;
    this.numbers.set(record.External_Id__c, number);
    this.pending.push(json);
    if (this.pending.length >= RECORDS_PER_WRITE) this.flush();
  }

  /** The records of these posts that the org holds, by external id; read from disk in a few spans. */
  public take(externalIds: Iterable<string>): Map<string, ExistingInteraction> {
    this.flush();
    const wanted: number[] = [];
    for (const externalId of externalIds) {
      const number = this.numbers.get(externalId);
      if (number !== undefined) wanted.push(number);
    }
    wanted.sort((a, b) => this.starts[a]! - this.starts[b]!);
    const found = new Map<string, ExistingInteraction>();
    for (let first = 0; first < wanted.length;) {
      // One read for the records from `first` on that fit in a span (at least one, however long).
      const start = this.starts[wanted[first]!]!;
      let last = first;
      while (
        last + 1 < wanted.length &&
        this.starts[wanted[last + 1]!]! + this.lengths[wanted[last + 1]!]! - start <= this.spanBytes
      ) {
        last += 1;
      }
      const end = this.starts[wanted[last]!]! + this.lengths[wanted[last]!]!;
      const span = Buffer.allocUnsafe(end - start);
      let read = 0;
      while (read < span.length) {
        const got = readSync(this.fd!, span, read, span.length - read, start + read);
        if (got === 0) throw new Error('ExistingPosts: the file ended before a record it holds');
        read += got;
      }
      for (let index = first; index <= last; index += 1) {
        const number = wanted[index]!;
        const offset = this.starts[number]! - start;
        const record = JSON.parse(span.toString('utf8', offset, offset + this.lengths[number]!)) as ExistingInteraction;
        found.set(record.External_Id__c, record);
      }
      first = last + 1;
    }
    return found;
  }

  /** Removes the file. */
  public discard(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    if (this.dir !== undefined) rmSync(this.dir, { recursive: true, force: true });
    this.fd = undefined;
    this.dir = undefined;
    this.numbers.clear();
    this.pending = [];
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    if (this.fd === undefined) {
      this.dir = mkdtempSync(join(tmpdir(), 'social-existing-'));
      this.fd = openSync(join(this.dir, 'posts.json'), 'w+');
    }
    const text = Buffer.from(this.pending.join(''));
    this.pending = [];
    let written = 0;
    while (written < text.length) written += writeSync(this.fd, text, written, text.length - written);
  }

  private grow(): void {
    const starts = new Float64Array(this.starts.length * 2);
    starts.set(this.starts);
    this.starts = starts;
    const lengths = new Uint32Array(this.lengths.length * 2);
    lengths.set(this.lengths);
    this.lengths = lengths;
  }
}
