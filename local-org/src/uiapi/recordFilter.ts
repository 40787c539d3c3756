// Evaluates a UI API GraphQL `where` argument (`X_Filter`, already coerced by graphql-js) against
// stored records, with SOQL's semantics: case-insensitive text, null rules, LIKE wildcards, date
// literals and parent-relationship filters such as `Contact__r: { AccountId: { eq: $id } }`.

import { parseDateTime } from '../data/fieldValues.js';
import { toId18 } from '../data/ids.js';
import type { RecordStore, StoredRecord } from '../data/store.js';
import { findField, findObject, type FieldSchema, type ObjectSchema } from '../schema/model.js';
import { dateLiteralRange, type DateRange } from '../soql/dateLiterals.js';

export type Filter = Record<string, unknown>;

interface FilterScope {
  store: RecordStore;
  now: Date;
}

/** The field a relationship name (`Contact__r`, `Account`) stands for on an object. */
export function relationshipField(object: ObjectSchema, name: string): FieldSchema | undefined {
  const lower = name.toLowerCase();
  for (const field of object.fields.values()) {
    if (field.type === 'reference' && field.relationshipName?.toLowerCase() === lower) {
      return field;
    }
  }
  return undefined;
}

/** The parent record a lookup points at, or undefined (also when the parent is not of `referenceTo`). */
export function parentOf(
  store: RecordStore,
  field: FieldSchema,
  record: StoredRecord | undefined,
): { object: ObjectSchema; record: StoredRecord } | undefined {
  const id = record?.[field.name];
  if (typeof id !== 'string') {
    return undefined;
  }
  const found = store.get(id);
  const object = found ? findObject(store.schema, found.objectName) : undefined;
  return found && object ? { object, record: found.record } : undefined;
}

export function matchesFilter(
  scope: FilterScope,
  object: ObjectSchema,
  record: StoredRecord | undefined,
  filter: Filter | null | undefined,
): boolean {
  if (!filter) {
    return true;
  }
  for (const [key, condition] of Object.entries(filter)) {
    if (condition === undefined) {
      continue;
    }
    if (!matchesEntry(scope, object, record, key, condition)) {
      return false;
    }
  }
  return true;
}

function matchesEntry(
  scope: FilterScope,
  object: ObjectSchema,
  record: StoredRecord | undefined,
  key: string,
  condition: unknown,
): boolean {
  if (key === 'and') {
    return ((condition as Filter[] | null) ?? []).every((part) => matchesFilter(scope, object, record, part));
  }
  if (key === 'or') {
    const parts = (condition as Filter[] | null) ?? [];
    return parts.length === 0 || parts.some((part) => matchesFilter(scope, object, record, part));
  }
  if (key === 'not') {
    return condition === null || !matchesFilter(scope, object, record, condition as Filter);
  }
  const field = findField(object, key);
  if (field) {
    return matchesOperators(scope, field, record?.[field.name], (condition ?? {}) as Filter);
  }
  const lookup = relationshipField(object, key);
  if (lookup) {
    // A missing parent reads as a record of nulls, as a null parent field does in SOQL.
    const parent = parentOf(scope.store, lookup, record);
    const parentObject = parent?.object ?? findObject(scope.store.schema, lookup.referenceTo[0] ?? '');
    return parentObject ? matchesFilter(scope, parentObject, parent?.record, condition as Filter) : false;
  }
  // graphql-js validated the filter against the schema, so this is a bug in schema generation.
  throw new Error(`The filter names ${key}, which ${object.name} has neither as a field nor as a relationship.`);
}

function matchesOperators(scope: FilterScope, field: FieldSchema, stored: unknown, operators: Filter): boolean {
  for (const [operator, operand] of Object.entries(operators)) {
    if (operand === undefined) {
      continue;
    }
    if (!applyOperator(scope, field, stored, operator, operand)) {
      return false;
    }
  }
  return true;
}

type Comparable = string | number | boolean;

function applyOperator(
  scope: FilterScope,
  field: FieldSchema,
  stored: unknown,
  operator: string,
  operand: unknown,
): boolean {
  const value = comparable(field, stored);
  switch (operator) {
    case 'eq':
      return operand === null ? value === null : value !== null && equals(scope, field, value, operand);
    case 'ne':
      return operand === null ? value !== null : value === null || !equals(scope, field, value, operand);
    case 'in':
      return (
        value !== null &&
        ((operand as unknown[] | null) ?? []).some((entry) => entry !== null && equals(scope, field, value, entry))
      );
    case 'nin':
      return (
        value === null ||
        !((operand as unknown[] | null) ?? []).some((entry) => entry !== null && equals(scope, field, value, entry))
      );
    case 'like':
      return value !== null && operand !== null && likePattern(String(operand)).test(String(value));
    case 'lt':
    case 'lte':
    case 'gt':
    case 'gte':
      return value !== null && operand !== null && compareOrdered(scope, field, value, operator, operand);
    case 'inq':
    case 'ninq': {
      const found = value !== null && joinedIds(scope, field, operand as Filter).has(toId18(String(value)) ?? '');
      return operator === 'inq' ? found : !found;
    }
    default:
      throw new Error(`Unsupported filter operator ${operator} on ${field.name}.`);
  }
}

/**
 * A semi-join's (`inq`) or anti-join's (`ninq`) operand `{ ApiName: 'AccountId', Contact: {...} }`:
 * the values of the ApiName field among the other object's records that match its filter.
 */
function joinedIds(scope: FilterScope, field: FieldSchema, join: Filter): Set<string> {
  const apiName = typeof join.ApiName === 'string' ? join.ApiName : undefined;
  const objects = Object.keys(join).filter((key) => key !== 'ApiName' && join[key] !== undefined);
  const object = objects.length === 1 ? findObject(scope.store.schema, objects[0]!) : undefined;
  const target = object && apiName ? findField(object, apiName) : undefined;
  if (!object || !target || (target.type !== 'reference' && target.type !== 'id')) {
    throw new Error(
      `${field.name}: inq/ninq needs one object's filter and ApiName naming an Id or lookup field of it, ` +
        `e.g. { Contact: { LastName: { like: "Smith%" } }, ApiName: "AccountId" }.`,
    );
  }
  const ids = new Set<string>();
  for (const record of scope.store.list(object.name)) {
    const id = record[target.name];
    if (typeof id === 'string' && matchesFilter(scope, object, record, join[object.name] as Filter)) {
      ids.add(toId18(id) ?? id);
    }
  }
  return ids;
}

/** The stored value in the form comparisons use: lower-case text, epoch milliseconds, numbers. */
function comparable(field: FieldSchema, stored: unknown): Comparable | null {
  if (stored === null || stored === undefined || stored === '') {
    return null;
  }
  switch (field.type) {
    case 'boolean':
      return stored === true;
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
    default:
      return field.caseSensitive ? String(stored) : String(stored).toLowerCase();
  }
}

/** A DateTimeInput / DateInput operand as an instant or a half-open range. */
function temporalOperand(scope: FilterScope, field: FieldSchema, operand: unknown): number | DateRange | null {
  const input = operand as {
    value?: string | null;
    literal?: string | null;
    range?: Record<string, number | null> | null;
  };
  if (typeof input.value === 'string') {
    const date = parseDateTime(input.value);
    if (!date) {
      throw new Error(
        `${field.name}: "${input.value}" is not a valid ${field.type === 'date' ? 'date (YYYY-MM-DD)' : 'date-time (ISO 8601)'}.`,
      );
    }
    return date.getTime();
  }
  if (typeof input.literal === 'string') {
    return dateLiteralRange(input.literal, scope.now) ?? null;
  }
  const [name, n] = Object.entries(input.range ?? {}).find(([, count]) => typeof count === 'number') ?? [];
  if (name && typeof n === 'number') {
    const range = dateLiteralRange(`${name.toUpperCase()}:${n}`, scope.now);
    if (!range) {
      throw new Error(`${field.name}: the range ${name} is not supported by the local org.`);
    }
    return range;
  }
  return null;
}

function operandValue(field: FieldSchema, operand: unknown): Comparable | null {
  if (field.type === 'id' || field.type === 'reference') {
    return toId18(String(operand)) ?? String(operand);
  }
  return comparable(field, operand);
}

function equals(scope: FilterScope, field: FieldSchema, value: Comparable, operand: unknown): boolean {
  if (field.type === 'date' || field.type === 'datetime') {
    const target = temporalOperand(scope, field, operand);
    if (target === null) {
      return false;
    }
    return typeof target === 'number'
      ? value === target
      : (value as number) >= target.start && (value as number) < target.end;
  }
  return value === operandValue(field, operand);
}

function compareOrdered(
  scope: FilterScope,
  field: FieldSchema,
  value: Comparable,
  operator: string,
  operand: unknown,
): boolean {
  if (field.type === 'date' || field.type === 'datetime') {
    const target = temporalOperand(scope, field, operand);
    if (target === null) {
      return false;
    }
    const time = value as number;
    const [low, high] = typeof target === 'number' ? [target, target] : [target.start, target.end - 1];
    switch (operator) {
      case 'lt':
        return time < low;
      case 'lte':
        return time <= high;
      case 'gt':
        return time > high;
      default:
        return time >= low;
    }
  }
  const target = operandValue(field, operand);
  if (target === null) {
    return false;
  }
  switch (operator) {
    case 'lt':
      return value < target;
    case 'lte':
      return value <= target;
    case 'gt':
      return value > target;
    default:
      return value >= target;
  }
}

/** SOQL LIKE: `%` any run, `_` one character, `\%` and `\_` literal; case-insensitive. */
export function likePattern(pattern: string): RegExp {
  let source = '';
  for (let index = 0; index < pattern.length; index++) {
    const char = pattern.charAt(index);
    if (char === '\\' && index + 1 < pattern.length) {
      index++;
      source += pattern.charAt(index).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    } else if (char === '%') {
      source += '[\\s\\S]*';
    } else if (char === '_') {
      source += '[\\s\\S]';
    } else {
      source += char.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    }
  }
  return new RegExp(`^${source}$`, 'i');
}
