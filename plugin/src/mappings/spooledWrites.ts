// The identity writes of a deploy, kept on disk until they are applied. A deploy plans partition by
// partition but writes once at the end (one Bulk API job rather than one per partition); holding
// 100,000 planned writes as objects would make memory grow with the input. Each write is one JSON
// line, already an upsert record (External_Id__c set); the few writes that create a Lead go in one
// transaction with it (apply.ts) and stay in memory.
import { once } from 'node:events';
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { IdentityWriteSet } from './apply.js';
import type { BulkRecords } from './bulkRecords.js';
import type { IdentityWrite } from './plan.js';

export class SpooledWrites implements IdentityWriteSet {
  /** Writes added, of both kinds: the next write's index. */
  public length = 0;
  public readonly leadWrites: Array<{ index: number; write: IdentityWrite }> = [];
  public readonly plainIndexes: number[] = [];
  private readonly columns = new Set<string>(['External_Id__c']);
  private readonly file: string;
  private readonly out: WriteStream;
  private finished: Promise<void> | undefined;

  private failure: Error | undefined;

  private constructor(private readonly dir: string) {
    this.file = join(dir, 'writes.ndjson');
    this.out = createWriteStream(this.file, { encoding: 'utf8' });
    // A write that fails (a full disk) is reported by the next add or read, not left waiting for 'drain'.
    this.out.on('error', (error) => (this.failure = error));
  }

  public static async open(): Promise<SpooledWrites> {
    return new SpooledWrites(await mkdtemp(join(tmpdir(), 'social-writes-')));
  }

  /** Adds a write and returns its index. */
  public async add(write: IdentityWrite): Promise<number> {
    if (this.failure) throw this.failure;
    if (this.finished) throw new Error('SpooledWrites: a write was added after the writes were read');
    const index = this.length;
    this.length += 1;
    if (write.lead !== undefined) {
      this.leadWrites.push({ index, write });
      return index;
    }
    this.plainIndexes.push(index);
    for (const column of Object.keys(write.fields)) this.columns.add(column);
    const record = { External_Id__c: write.externalId, ...write.fields };
    if (!this.out.write(`${JSON.stringify(record)}\n`)) await once(this.out, 'drain');
    return index;
  }

  /** The writes that create no Lead, as upsert records, in the order added; readable again and again. */
  public get plain(): BulkRecords {
    const read = async function* (this: SpooledWrites): AsyncGenerator<Record<string, unknown>> {
      await this.finish();
      const lines = createInterface({ input: createReadStream(this.file, 'utf8'), crlfDelay: Infinity });
      for await (const line of lines) if (line !== '') yield JSON.parse(line) as Record<string, unknown>;
    };
    return { count: this.plainIndexes.length, columns: [...this.columns], read: read.bind(this) };
  }

  public async discard(): Promise<void> {
    this.out.destroy();
    await rm(this.dir, { recursive: true, force: true });
  }

  private finish(): Promise<void> {
    this.finished ??= new Promise<void>((resolve, reject) =>
      this.out.end((error?: Error | null) => (error ? reject(error) : resolve())),
    );
    return this.finished;
  }
}
