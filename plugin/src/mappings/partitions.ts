// A deploy holds what it knows about each identity (its rows, how it resolved, what to write) only for
// one partition of the input at a time, so memory stays flat however long the sources are. Rows are
// split by a hash of the identity's external id: every row of one identity lands in the same
// partition, which is all the plan needs to see (conflicting targets, one decision per identity).
// Every source row is parsed once (a read of the sources per partition made a 1M-row deploy read 50M
// rows). How many partitions there are comes from the most rows the files can hold (their lines,
// counted before the read without parsing: sources/read.ts maxSourceRows), so each row goes straight
// into its partition's file as it is read, and a file is read when its turn comes. A row waits there in
// a compact form (where it came from, its values, what the scan rules noted), not as the identity made
// of it: the identity is made again from the row when its partition is read (toIdentity is pure and
// cheap; the JSON of the whole identity was not). An input of one partition stays in memory and
// touches no disk.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LoadedMapping } from './mappingFile/load.js';
import type { Channel, FileSource } from './mappingFile/schema.js';
import { NdjsonFile } from '../memory/ndjsonFile.js';
import { maxSourceRows, readSources, type SourceItem } from './sources/read.js';
import { isIdentity, toIdentity, type Identity } from './identity.js';
import type { RowOrigin, SourceRow } from './sources/row.js';

/** Rows per partition: enough to fill composite query calls, few enough to keep memory small. */
export const PARTITION_ROWS = 20_000;

/** Bytes the partition files hold in memory before writing, all together (a chunk each). */
const BUFFERED_BYTES = 2_000_000;

/** Where a spilled row came from: the source's name and file, and the source itself (for toIdentity). */
interface SpilledOrigin {
  source: string;
  file: string;
  config: Pick<FileSource, 'network' | 'networkValues'> | undefined;
}

/**
 * A row as it waits in its partition's file: [0, origin, line, values, what the scan rules noted or 0,
 * the pair or 0] for an identity, [1, origin, line, values, reason] for a rejected row; origin is an
 * index into the run's origins.
 */
type SpilledRow =
  | [0, number, number, Record<string, string>, Identity['normalised'] | 0, SourceRow['pair'] | 0]
  | [1, number, number, Record<string, string>, string];

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
    private readonly spilled: SpilledRows,
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
    const partitions = Math.max(1, Math.ceil((await maxSourceRows(loaded)) / partitionRows));
    const spilled = new SpilledRows(loaded);
    const held: SourceItem[] | undefined = partitions === 1 ? [] : undefined;
    let dir: string | undefined;
    let files: NdjsonFile[] = [];
    let rows = 0;
    try {
      if (held === undefined) {
        dir = await mkdtemp(join(tmpdir(), 'social-partitions-'));
        const chunkBytes = Math.max(4096, Math.floor(BUFFERED_BYTES / partitions));
        files = Array.from(
          { length: partitions },
          (_, index) => new NdjsonFile(join(dir!, `part-${index}.ndjson`), { chunkBytes }),
        );
      }
      for await (const item of readSources(loaded, mappingDisplayPath)) {
        rows += 1;
        if (rows % 10_000 === 0) onRows(rows);
        if (item.kind === 'identity') onIdentity(item.identity);
        if (held !== undefined) {
          held.push(item);
          continue;
        }
        // A rejected row has no identity to hash: it belongs to the first partition.
        const partition = item.kind === 'rejected' ? 0 : identityHash(item.identity.externalId) % partitions;
        await files[partition]!.addLine(spilled.line(item));
      }
      return new PartitionedSources(rows, partitions, held, files, dir, spilled);
    } catch (error) {
      for (const file of files) file.destroy();
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
    for await (const batch of this.files[index]!.lineBatches()) {
      for (const line of batch) items.push(this.spilled.item(line));
    }
    return items;
  }

  /** Removes the partition files (nothing to do for an input held in memory). */
  public async discard(): Promise<void> {
    for (const file of this.files) file.destroy();
    if (this.dir !== undefined) await rm(this.dir, { recursive: true, force: true });
  }
}

/** Turns rows into the lines of the partition files and back. */
class SpilledRows {
  private readonly origins: SpilledOrigin[] = [];
  private readonly channels: Map<string, Channel>;
  private readonly configs = new Map<string, SpilledOrigin['config']>();

  public constructor(loaded: LoadedMapping) {
    this.channels = new Map(loaded.mapping.channels.map((channel) => [channel.key, channel]));
    for (const source of loaded.mapping.sources) this.configs.set(source.name, 'pairs' in source ? undefined : source);
  }

  public line(item: SourceItem): string {
    if (item.kind === 'rejected') {
      const { origin, values, reason } = item.rejected;
      return JSON.stringify([1, this.originIndex(origin), origin.line, values, reason] satisfies SpilledRow);
    }
    const { row, normalised } = item.identity;
    const spilled: SpilledRow = [
      0,
      this.originIndex(row.origin),
      row.origin.line,
      row.values,
      normalised ?? 0,
      row.pair ?? 0,
    ];
    return JSON.stringify(spilled);
  }

  public item(line: string): SourceItem {
    const spilled = JSON.parse(line) as SpilledRow;
    const from = this.origins[spilled[1]]!;
    const origin: RowOrigin = { source: from.source, file: from.file, line: spilled[2] };
    if (spilled[0] === 1) return { kind: 'rejected', rejected: { origin, values: spilled[3], reason: spilled[4] } };
    const row: SourceRow = { origin, values: spilled[3] };
    if (spilled[5] !== 0) row.pair = spilled[5];
    const identity = toIdentity(row, from.config, this.channels);
    // The same row made the same identity when it was read; anything else is a bug, not bad input.
    if (!isIdentity(identity)) throw new Error(`partitions: ${origin.file}:${origin.line} no longer makes an identity`);
    if (spilled[4] !== 0) identity.normalised = spilled[4];
    return { kind: 'identity', identity };
  }

  /** The index of a row's source and file; rows of one source share the strings, so the last one is tried first. */
  private originIndex(origin: RowOrigin): number {
    const last = this.origins.length - 1;
    const known = this.origins[last];
    if (known !== undefined && known.source === origin.source && known.file === origin.file) return last;
    const index = this.origins.findIndex((entry) => entry.source === origin.source && entry.file === origin.file);
    if (index >= 0) return index;
    this.origins.push({ source: origin.source, file: origin.file, config: this.configs.get(origin.source) });
    return this.origins.length - 1;
  }
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
