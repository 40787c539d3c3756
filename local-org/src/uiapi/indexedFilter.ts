// The records a UI API GraphQL `where` can match, found by the store's indexes instead of a scan of
// every record: a top-level `{ Field: { eq: v } }` or `{ Field: { in: [...] } }` on Id, a lookup or an
// external id. The whole filter still runs on them (recordConnection.ts), so the answer is a scan's.

import { indexedRecords, indexValue, isIndexedForQueries } from '../data/indexedRecords.js';
import type { RecordStore, StoredRecord } from '../data/store.js';
import { findField, type ObjectSchema } from '../schema/model.js';
import type { Filter } from './recordFilter.js';

export function indexedCandidates(
  store: RecordStore,
  object: ObjectSchema,
  where: Filter | null | undefined,
): StoredRecord[] | undefined {
  for (const [key, condition] of Object.entries(where ?? {})) {
    const field = findField(object, key);
    if (!field || !isIndexedForQueries(field) || !condition || typeof condition !== 'object') continue;
    const { eq, in: list } = condition as { eq?: unknown; in?: unknown };
    const raw = eq !== undefined ? [eq] : Array.isArray(list) ? (list as unknown[]) : undefined;
    const values = raw?.map((value) => indexValue(field, value));
    if (!values || values.some((value) => value === undefined)) continue;
    return indexedRecords(store, object.name, field, values as string[]);
  }
  return undefined;
}
