// The identity writes of a deploy, kept on disk until they are applied. A deploy plans partition by
// partition but writes once at the end (one Bulk API job rather than one per partition); holding
// 100,000 planned writes as objects would make memory grow with the input. Each write is one JSON
// line, already an upsert record (External_Id__c set); the writes that create a Lead stay in memory
// until their Leads are written and their Lead ids known (apply.ts).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IdentityWriteSet } from './apply.js';
import { keysOfJsonLines, type BulkRecords } from '../org/bulkRecords.js';
import { NdjsonFile } from '../memory/ndjsonFile.js';
import { grow } from '../memory/stringTable.js';
import type { IdentityWrite } from './plan.js';

export class SpooledWrites implements IdentityWriteSet {
  /** Writes added, of both kinds: the next write's index. */
  public length = 0;
  public readonly leadWrites: Array<{ index: number; write: IdentityWrite }> = [];
  /** The write index of each plain record, 4 bytes each (an array of numbers took 8 and more). */
  private indexes = new Int32Array(1024);
  private plainCount = 0;
  private readonly columns = new Set<string>(['External_Id__c']);
  private readonly file: NdjsonFile;

  private constructor(private readonly dir: string) {
    this.file = new NdjsonFile(join(dir, 'writes.ndjson'));
  }

  public static async open(): Promise<SpooledWrites> {
    return new SpooledWrites(await mkdtemp(join(tmpdir(), 'social-writes-')));
  }

  /** Adds a write and returns its index. */
  public async add(write: IdentityWrite): Promise<number> {
    if (this.file.sealed) throw new Error('SpooledWrites: a write was added after the writes were read');
    if (write.lead === undefined) {
      await this.file.add({ External_Id__c: write.externalId, ...write.fields });
      for (const column of Object.keys(write.fields)) this.columns.add(column);
    }
    const index = this.length;
    this.length += 1;
    if (write.lead !== undefined) this.leadWrites.push({ index, write });
    else {
      if (this.plainCount === this.indexes.length) this.indexes = grow(this.indexes);
      this.indexes[this.plainCount] = index;
      this.plainCount += 1;
    }
    return index;
  }

  public get plainIndexes(): Int32Array {
    return this.indexes.subarray(0, this.plainCount);
  }

  /** The writes that create no Lead, as upsert records, in the order added; readable again and again. */
  public get plain(): BulkRecords {
    return {
      count: this.plainCount,
      columns: [...this.columns],
      read: () => this.file.read<Record<string, unknown>>(),
      readKeys: (field: string) => keysOfJsonLines(this.file.lines(), field),
    };
  }

  public async discard(): Promise<void> {
    this.file.destroy();
    await rm(this.dir, { recursive: true, force: true });
  }
}
