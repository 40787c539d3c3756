// Reading records by an index instead of a scan, for the query engines (SOQL, UI API GraphQL): which
// fields the store indexes, and the live records holding any of some values, in the order a scan of
// `list()` meets them, so an answer from the index is the answer a scan gives.

import { toId18 } from './ids.js';
import type { RecordStore, StoredRecord } from './store.js';
import type { FieldSchema } from '../schema/model.js';

/**
 * Fields `findByExternalId` answers from an index with the query's case rule: Id, lookups, and
 * external id or unique fields whose index folds case as the query does (a case-sensitive field's
 * index is exact, so it serves only a query that compares it case-sensitively, as SOQL does).
 */
export function isIndexedForQueries(field: FieldSchema, queryKeepsCase = false): boolean {
  return (
    field.type === 'id' ||
    field.type === 'reference' ||
    ((field.externalId || field.unique) && field.caseSensitive === queryKeepsCase)
  );
}

/** A filter value as the index keys it: ids in their 18-character form; undefined when it cannot match. */
export function indexValue(field: FieldSchema, value: unknown): string | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  return field.type === 'id' || field.type === 'reference' ? toId18(value) : value;
}

/** Live records whose field holds one of the values, once each, in insertion order (ids grow with it). */
export function indexedRecords(
  store: RecordStore,
  objectName: string,
  field: FieldSchema,
  values: Iterable<string>,
): StoredRecord[] {
  const found = new Map<string, StoredRecord>();
  for (const value of new Set(values)) {
    for (const record of store.findByExternalId(objectName, field.name, value)) {
      found.set(record.Id, record);
    }
  }
  return [...found.values()].sort((a, b) => (a.Id < b.Id ? -1 : a.Id > b.Id ? 1 : 0));
}
