// Sorts records for a UI API GraphQL `orderBy` (`{ Posted_At__c: { order: DESC, nulls: LAST }, Id: {...} }`),
// in the key order the query wrote, with SOQL's defaults (ASC, nulls first when ascending, last
// when descending) and Id as the final tie-breaker so pages never overlap or skip.

import { parseDateTime } from '../data/fieldValues.js';
import type { RecordStore, StoredRecord } from '../data/store.js';
import { findField, findObject, type FieldSchema, type ObjectSchema, type OrgSchema } from '../schema/model.js';
import { parentOf, relationshipField } from './recordFilter.js';

export interface SortKey {
  /** Lookups to follow first, e.g. [Contact__c] for `Contact__r: { Name: ... }`. */
  path: FieldSchema[];
  field: FieldSchema;
  descending: boolean;
  nullsFirst: boolean;
}

type OrderBy = Record<string, unknown>;

/**
 * Reads the sort keys. `coerced` is the validated argument; `raw` is the same value as the query or
 * its variables wrote it, whose key order is the sort order (coercion reorders keys by the schema).
 */
export function sortKeys(
  schema: OrgSchema,
  object: ObjectSchema,
  coerced: OrderBy | null | undefined,
  raw: unknown,
  path: FieldSchema[] = [],
): SortKey[] {
  if (!coerced) {
    return [];
  }
  const rawKeys = raw && typeof raw === 'object' ? Object.keys(raw) : [];
  const keys = [
    ...rawKeys.filter((key) => key in coerced),
    ...Object.keys(coerced).filter((key) => !rawKeys.includes(key)),
  ];
  const result: SortKey[] = [];
  for (const key of keys) {
    const clause = coerced[key] as Record<string, unknown> | null | undefined;
    if (!clause) {
      continue;
    }
    const field = findField(object, key);
    if (field) {
      const descending = clause.order === 'DESC';
      result.push({ path, field, descending, nullsFirst: clause.nulls ? clause.nulls === 'FIRST' : !descending });
      continue;
    }
    const lookup = relationshipField(object, key);
    const parent = lookup ? findObject(schema, lookup.referenceTo[0] ?? '') : undefined;
    if (lookup && parent) {
      result.push(
        ...sortKeys(schema, parent, clause, (raw as Record<string, unknown> | undefined)?.[key], [...path, lookup]),
      );
    }
  }
  return result;
}

function sortValue(store: RecordStore, key: SortKey, record: StoredRecord): string | number | null {
  let current: StoredRecord | undefined = record;
  for (const lookup of key.path) {
    current = parentOf(store, lookup, current)?.record;
  }
  const stored = current?.[key.field.name];
  if (stored === null || stored === undefined || stored === '') {
    return null;
  }
  switch (key.field.type) {
    case 'boolean':
      return stored === true ? 1 : 0;
    case 'double':
    case 'int':
    case 'currency':
    case 'percent':
      return Number(stored);
    case 'date':
    case 'datetime':
      return parseDateTime(String(stored))?.getTime() ?? null;
    case 'id':
    case 'reference':
      return String(stored);
    case 'picklist':
      return picklistPosition(key.field, String(stored));
    default:
      return String(stored).toLowerCase();
  }
}

/**
 * A picklist sorts in the order its values are set up in, not alphabetically (SOQL and SOSL
 * Reference, "ORDER BY": "Sorting of picklist fields is defined by the picklist sort determined
 * during setup"). A value the field does not define sorts after the defined ones.
 */
function picklistPosition(field: SortKey['field'], value: string): number {
  const lower = value.toLowerCase();
  const index = field.picklistValues.findIndex((entry) => entry.value.toLowerCase() === lower);
  return index === -1 ? field.picklistValues.length : index;
}

export function sortRecords(store: RecordStore, records: readonly StoredRecord[], keys: SortKey[]): StoredRecord[] {
  const rows = records.map((record) => ({ record, values: keys.map((key) => sortValue(store, key, record)) }));
  rows.sort((left, right) => {
    for (let index = 0; index < keys.length; index++) {
      const key = keys[index]!;
      const a = left.values[index] ?? null;
      const b = right.values[index] ?? null;
      if (a === b) {
        continue;
      }
      if (a === null || b === null) {
        return (a === null) === key.nullsFirst ? -1 : 1;
      }
      const order = a < b ? -1 : 1;
      return key.descending ? -order : order;
    }
    return left.record.Id < right.record.Id ? -1 : left.record.Id > right.record.Id ? 1 : 0;
  });
  return rows.map((row) => row.record);
}
