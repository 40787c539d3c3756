// The UI API Record representation (`{ apiName, id, fields: { F: { value, displayValue } }, ... }`)
// of a stored record, for the fields a request names: `Obj.Field` or through lookups
// (`Obj.Contact__r.Name`, whose value is the parent's own Record representation).

import type { RecordStore, StoredRecord } from '../data/store.js';
import { findField, findObject, type ObjectSchema } from '../schema/model.js';
import { fieldValueView, isoDateTime } from './fieldValue.js';
import { parentOf, relationshipField } from './recordFilter.js';

export interface RecordRepresentation {
  apiName: string;
  childRelationships: Record<string, never>;
  eTag: string;
  fields: Record<string, { value: unknown; displayValue: string | null }>;
  id: string;
  lastModifiedById: string | null;
  lastModifiedDate: string | null;
  recordTypeId: null;
  recordTypeInfo: null;
  systemModstamp: string | null;
  weakEtag: number;
}

/** Field paths below the object, e.g. [['Status__c'], ['Contact__r', 'Name']]. */
export type FieldPaths = string[][];

export function allFieldPaths(object: ObjectSchema): FieldPaths {
  return [...object.fields.values()].map((field) => [field.name]);
}

export function recordRepresentation(
  store: RecordStore,
  object: ObjectSchema,
  record: StoredRecord,
  paths: FieldPaths,
): RecordRepresentation {
  const fields: RecordRepresentation['fields'] = {};
  const nested = new Map<string, FieldPaths>();
  for (const [head, ...rest] of paths) {
    if (!head) {
      continue;
    }
    if (rest.length === 0) {
      const field = findField(object, head);
      if (field) {
        fields[field.name] = fieldValueView(field, record[field.name]);
      }
      continue;
    }
    const lookup = relationshipField(object, head);
    if (lookup?.relationshipName) {
      const list = nested.get(lookup.relationshipName) ?? [];
      list.push(rest);
      nested.set(lookup.relationshipName, list);
    }
  }
  for (const [relationshipName, childPaths] of nested) {
    const lookup = relationshipField(object, relationshipName)!;
    const parent = parentOf(store, lookup, record);
    const parentRecord = parent ? recordRepresentation(store, parent.object, parent.record, childPaths) : null;
    const nameField = parent ? [...parent.object.fields.values()].find((field) => field.nameField) : undefined;
    fields[relationshipName] = {
      value: parentRecord,
      displayValue: parent && nameField ? ((parent.record[nameField.name] as string | null) ?? null) : null,
    };
  }
  const modstamp = isoDateTime(record.SystemModstamp);
  const weakEtag = modstamp ? Date.parse(modstamp) : 0;
  return {
    apiName: object.name,
    childRelationships: {},
    eTag: `${record.Id}-${weakEtag}`,
    fields,
    id: record.Id,
    lastModifiedById: (record.LastModifiedById as string | null | undefined) ?? null,
    lastModifiedDate: isoDateTime(record.LastModifiedDate),
    recordTypeId: null,
    recordTypeInfo: null,
    systemModstamp: modstamp,
    weakEtag,
  };
}

/**
 * Reads `Obj.Field,Obj.Rel__r.Name` for a record of `object`. Unknown names are returned apart so
 * `fields` can refuse them and `optionalFields` can skip them, as the UI API does.
 */
export function readFieldList(
  store: RecordStore,
  object: ObjectSchema,
  list: string | null,
): { paths: FieldPaths; unknown: string[] } {
  const paths: FieldPaths = [];
  const unknown: string[] = [];
  for (const entry of (list ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)) {
    const [objectName, ...path] = entry.split('.');
    if (
      objectName?.toLowerCase() !== object.name.toLowerCase() ||
      path.length === 0 ||
      !pathExists(store, object, path)
    ) {
      unknown.push(entry);
      continue;
    }
    paths.push(path);
  }
  return { paths, unknown };
}

function pathExists(store: RecordStore, object: ObjectSchema, path: string[]): boolean {
  const [head, ...rest] = path;
  if (!head) {
    return false;
  }
  if (rest.length === 0) {
    return findField(object, head) !== undefined;
  }
  const lookup = relationshipField(object, head);
  const parent = lookup ? findObject(store.schema, lookup.referenceTo[0] ?? '') : undefined;
  return parent !== undefined && pathExists(store, parent, rest);
}
