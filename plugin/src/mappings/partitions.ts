// A deploy holds what it knows about each identity (its rows, how it resolved, what to write) only for
// one partition of the input at a time, so memory stays flat however long the sources are. Rows are
// split by a hash of the identity's external id: every row of one identity lands in the same
// partition, which is all the plan needs to see (conflicting targets, one decision per identity).
// Every source row is parsed once. How many partitions there are is known only once every row has been
// counted, so a long input is spilled to disk as it is read (with each row's hash), then routed in one
// pass into a file per partition, which is read when its turn comes: reading stays linear in the rows
// (a read of the sources per partition made a 1M-row deploy read 50M rows). An input of one partition
// stays in memory and touches no disk.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LoadedMapping } from './mappingFile/load.js';
import { NdjsonFile } from '../memory/ndjsonFile.js';
import { readSources, type SourceItem } from './sources/read.js';
import type { Identity } from './identity.js';

/** Rows per partition: enough to fill composite query calls, few enough to keep memory small. */
export const PARTITION_ROWS = 20_000;

/** The hash written with a rejected row, which has no identity to hash: it belongs to the first partition. */
const NO_IDENTITY = -1;

export class PartitionedSources {
  private constructor(
    /** Rows read, rejected ones included. */
    public readonly rows: number,
    public readonly partitions: number,
    /** One partition: its rows, held until they are asked for. */
    private held: SourceItem[] | undefined,
    /** Several partitions: a file each, and the folder they are in. */
    private readonly files: NdjsonFile[],
    /** The folder of the partition files; undefined for an input held in memory. */
    public readonly dir: string | undefined,
  ) {}

  /**
   * Reads the sources once: counts their rows and fails early on a bad file, before any org call, and
   * leaves the rows sorted into partitions.
   */
  public static async read(
    loaded: LoadedMapping,
    mappingDisplayPath: string,
    onRows: (rows: number) => void = () => undefined,
    partitionRows = PARTITION_ROWS,
    /** Sees every identity as it is read (the scan rules note the input's values, resolve.ts ScanValues). */
    onIdentity: (identity: Identity) => void = () => undefined,
  ): Promise<PartitionedSources> {
    let held: SourceItem[] | undefined = [];
    let dir: string | undefined;
    let spill: NdjsonFile | undefined;
    let rows = 0;
    try {
      for await (const item of readSources(loaded, mappingDisplayPath)) {
        rows += 1;
        if (rows % 10_000 === 0) onRows(rows);
        if (item.kind === 'identity') onIdentity(item.identity);
        if (held !== undefined && held.length < partitionRows) {
          held.push(item);
          continue;
        }
        if (spill === undefined) {
          dir = await mkdtemp(join(tmpdir(), 'social-partitions-'));
          spill = new NdjsonFile(join(dir, 'rows.ndjson'));
          for (const early of held!) await spill.addLine(spilledLine(early));
          held = undefined;
        }
        await spill.addLine(spilledLine(item));
      }
      const partitions = Math.max(1, Math.ceil(rows / partitionRows));
      if (spill === undefined) return new PartitionedSources(rows, partitions, held, [], undefined);
      const files = Array.from(
        { length: partitions },
        (_, index) => new NdjsonFile(join(dir!, `part-${index}.ndjson`)),
      );
      for await (const line of spill.lines()) {
        // `[hash,item]`: the item's JSON is passed on as it is, not parsed and written again.
        const comma = line.indexOf(',');
        const hash = Number(line.slice(1, comma));
        await files[hash === NO_IDENTITY ? 0 : hash % partitions]!.addLine(line.slice(comma + 1, -1));
      }
      spill.destroy();
      await rm(join(dir!, 'rows.ndjson'), { force: true });
      return new PartitionedSources(rows, partitions, undefined, files, dir);
    } catch (error) {
      spill?.destroy();
      if (dir !== undefined) await rm(dir, { recursive: true, force: true });
      throw error;
    }
  }

  /** The rows of one partition, in input order. Rejected rows (no identity to hash) belong to the first. */
  public async partition(index: number): Promise<SourceItem[]> {
    if (this.files.length === 0) {
      // Handed over, not kept: the deploy lets go of a partition's rows once it is planned.
      const items = index === 0 ? (this.held ?? []) : [];
      this.held = undefined;
      return items;
    }
    const items: SourceItem[] = [];
    for await (const item of this.files[index]!.read<SourceItem>()) items.push(item);
    return items;
  }

  /** Removes the partition files (nothing to do for an input held in memory). */
  public async discard(): Promise<void> {
    for (const file of this.files) file.destroy();
    if (this.dir !== undefined) await rm(this.dir, { recursive: true, force: true });
  }
}

function spilledLine(item: SourceItem): string {
  const hash = item.kind === 'rejected' ? NO_IDENTITY : identityHash(item.identity.externalId);
  return `[${hash},${JSON.stringify(item)}]`;
}

/** The partition of an identity among `partitions`. */
export function partitionOf(externalId: string, partitions: number): number {
  return partitions === 1 ? 0 : identityHash(externalId) % partitions;
}

/** FNV-1a over the UTF-16 code units: stable across runs and machines, and spreads similar ids evenly. */
function identityHash(externalId: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < externalId.length; index += 1) {
    hash ^= externalId.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}
