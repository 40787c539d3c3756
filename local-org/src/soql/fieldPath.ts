// Resolves `Field`, `Account.Name` or `Identity__r.Contact__r.Email` against the schema and reads its
// value from a record by following lookups through the store.

import { findField, findObject, type FieldSchema, type ObjectSchema, type OrgSchema } from '../schema/model.js';
import type { RecordStore, StoredRecord } from '../data/store.js';
import { SoqlError } from './soqlError.js';

export interface RelationshipStep {
  field: FieldSchema;
  /** Possible target objects (several for polymorphic lookups such as Task.WhoId). */
  targets: ObjectSchema[];
}

export interface FieldPath {
  /** As written in the query, e.g. `Account.Name`. */
  text: string;
  steps: RelationshipStep[];
  /** The final field; for polymorphic parents, the field on the first target that has it. */
  field: FieldSchema;
}

export function resolveFieldPath(
  schema: OrgSchema,
  object: ObjectSchema,
  text: string,
  objectAlias?: string,
): FieldPath {
  let parts = text.split('.');
  if (
    parts.length > 1 &&
    (parts[0]!.toLowerCase() === object.name.toLowerCase() || parts[0]!.toLowerCase() === objectAlias?.toLowerCase())
  ) {
    parts = parts.slice(1);
  }
  const steps: RelationshipStep[] = [];
  let candidates: ObjectSchema[] = [object];
  for (const relationshipName of parts.slice(0, -1)) {
    const field = candidates
      .flatMap((candidate) => [...candidate.fields.values()])
      .find((candidate) => candidate.relationshipName?.toLowerCase() === relationshipName.toLowerCase());
    if (!field) {
      throw new SoqlError(
        'INVALID_FIELD',
        `Didn't understand relationship '${relationshipName}' in field path '${text}' on entity '${candidates[0]!.name}'. ` +
          "If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name.",
      );
    }
    const targets = field.referenceTo
      .map((name) => findObject(schema, name))
      .filter((target): target is ObjectSchema => target !== undefined);
    steps.push({ field, targets });
    candidates = targets;
  }
  const last = parts.at(-1)!;
  const field = candidates.map((candidate) => findField(candidate, last)).find((found) => found !== undefined);
  if (!field) {
    throw new SoqlError(
      'INVALID_FIELD',
      `No such column '${last}' on entity '${candidates[0]!.name}'. Check the spelling of the field name; field names are API names such as Contact__c.`,
    );
  }
  return { text, steps, field };
}

/** The parent records along a path, or undefined where a lookup is empty. */
export function followPath(
  store: RecordStore,
  record: StoredRecord,
  path: FieldPath,
): Array<{ objectName: string; record: StoredRecord } | undefined> {
  const chain: Array<{ objectName: string; record: StoredRecord } | undefined> = [];
  let current: StoredRecord | undefined = record;
  for (const step of path.steps) {
    const id: unknown = current?.[step.field.name];
    const parent: { objectName: string; record: StoredRecord } | undefined =
      typeof id === 'string' ? store.get(id) : undefined;
    chain.push(parent);
    current = parent?.record;
  }
  return chain;
}

export function readPath(store: RecordStore, record: StoredRecord, path: FieldPath): unknown {
  if (path.steps.length === 0) {
    return record[path.field.name] ?? null;
  }
  const last = followPath(store, record, path).at(-1);
  return last ? (last.record[path.field.name] ?? null) : null;
}
