// A deploy holds what it knows about each identity (its rows, how it resolved, what to write) only for
// one partition of the input at a time, so memory stays flat however long the sources are. Rows are
// split by a hash of the identity's external id: every row of one identity lands in the same
// partition, which is all the plan needs to see (conflicting targets, one decision per identity).
// Sources are read again for each partition; reading is cheap next to the org's round trips.
import type { LoadedMapping } from './mappingFile/load.js';
import { readSources, type SourceItem } from './sources/read.js';

/** Rows per partition: enough to fill composite query calls, few enough to keep memory small. */
export const PARTITION_ROWS = 20_000;

export interface Partitioning {
  rows: number;
  partitions: number;
}

/** Reads the sources once to count their rows (and fail early on a bad file, before any org call). */
export async function partitionSources(
  loaded: LoadedMapping,
  mappingDisplayPath: string,
  onRows: (rows: number) => void = () => undefined,
  partitionRows = PARTITION_ROWS,
): Promise<Partitioning> {
  let rows = 0;
  for await (const _item of readSources(loaded, mappingDisplayPath)) {
    rows += 1;
    if (rows % 10_000 === 0) onRows(rows);
  }
  return { rows, partitions: Math.max(1, Math.ceil(rows / partitionRows)) };
}

/** The rows of one partition, in input order. Rejected rows (no identity to hash) belong to the first. */
export async function readPartition(
  loaded: LoadedMapping,
  mappingDisplayPath: string,
  partition: number,
  partitions: number,
): Promise<SourceItem[]> {
  const items: SourceItem[] = [];
  for await (const item of readSources(loaded, mappingDisplayPath)) {
    const owner = item.kind === 'rejected' ? 0 : partitionOf(item.identity.externalId, partitions);
    if (owner === partition) items.push(item);
  }
  return items;
}

/** FNV-1a over the UTF-16 code units: stable across runs and machines, and spreads similar ids evenly. */
export function partitionOf(externalId: string, partitions: number): number {
  if (partitions === 1) return 0;
  let hash = 0x811c9dc5;
  for (let index = 0; index < externalId.length; index += 1) {
    hash ^= externalId.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % partitions;
}
