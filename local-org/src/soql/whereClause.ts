// Compiles a parsed SOQL WHERE clause into a predicate over stored records. The parser gives a flat
// chain with parenthesis counts; we rebuild the tree (NOT > AND > OR) before evaluating.

import type { Condition, Query, ValueCondition, ValueQueryCondition, WhereClause } from '@jetstreamapp/soql-parser-js';
import { toId18 } from '../data/ids.js';
import { indexValue, isIndexedForQueries } from '../data/indexedRecords.js';
import { parseDateTime } from '../data/fieldValues.js';
import type { RecordStore, StoredRecord } from '../data/store.js';
import type { FieldSchema, ObjectSchema, OrgSchema } from '../schema/model.js';
import { dateLiteralRange } from './dateLiterals.js';
import { readPath, resolveFieldPath } from './fieldPath.js';
import { SoqlError } from './soqlError.js';

export type Predicate = (record: StoredRecord) => boolean;

export interface WhereContext {
  schema: OrgSchema;
  store: RecordStore;
  object: ObjectSchema;
  alias?: string;
  now: Date;
  /** Runs a semi-join subquery and returns the values of its one field. */
  semiJoin(query: Query): unknown[];
}

type Token =
  | { kind: 'open' }
  | { kind: 'close' }
  | { kind: 'op'; op: 'AND' | 'OR' | 'NOT' }
  | { kind: 'cond'; cond: Condition | ValueQueryCondition };

function tokenize(where: WhereClause): Token[] {
  const tokens: Token[] = [];
  let node: WhereClause | undefined = where;
  while (node) {
    const left = node.left as
      (Condition & { openParen?: number; closeParen?: number; field?: string; fn?: unknown }) | null;
    if (left) {
      for (let index = 0; index < (left.openParen ?? 0); index++) {
        tokens.push({ kind: 'open' });
      }
      if ('field' in left || 'fn' in left) {
        tokens.push({ kind: 'cond', cond: left });
      }
      for (let index = 0; index < (left.closeParen ?? 0); index++) {
        tokens.push({ kind: 'close' });
      }
    }
    const operator = (node as { operator?: string }).operator;
    if (operator === 'AND' || operator === 'OR' || operator === 'NOT') {
      tokens.push({ kind: 'op', op: operator });
    }
    node = (node as { right?: WhereClause }).right;
  }
  return tokens;
}

export function compileWhere(where: WhereClause, context: WhereContext): Predicate {
  const tokens = tokenize(where);
  let position = 0;
  const peek = (): Token | undefined => tokens[position];
  const malformed = (): never => {
    throw new SoqlError(
      'MALFORMED_QUERY',
      'unexpected token in WHERE clause: check parentheses and AND/OR/NOT placement.',
    );
  };
  const parseOr = (): Predicate => {
    const parts = [parseAnd()];
    for (let token = peek(); token?.kind === 'op' && token.op === 'OR'; token = peek()) {
      position++;
      parts.push(parseAnd());
    }
    return parts.length === 1 ? parts[0]! : (record) => parts.some((part) => part(record));
  };
  const parseAnd = (): Predicate => {
    const parts = [parseUnary()];
    for (let token = peek(); token?.kind === 'op' && token.op === 'AND'; token = peek()) {
      position++;
      parts.push(parseUnary());
    }
    return parts.length === 1 ? parts[0]! : (record) => parts.every((part) => part(record));
  };
  const parseUnary = (): Predicate => {
    const token = tokens[position++] ?? malformed();
    if (token.kind === 'op' && token.op === 'NOT') {
      const inner = parseUnary();
      return (record) => !inner(record);
    }
    if (token.kind === 'open') {
      const inner = parseOr();
      if (tokens[position++]?.kind !== 'close') {
        malformed();
      }
      return inner;
    }
    if (token.kind === 'cond') {
      return compileCondition(token.cond, context);
    }
    return malformed();
  };
  const predicate = parseOr();
  if (position !== tokens.length) {
    malformed();
  }
  return predicate;
}

/** An equality the store can answer from an index: `Field = 'v'` or `Field IN ('v', …)`. */
export interface IndexedLookup {
  field: FieldSchema;
  values: string[];
}

/**
 * When the WHERE clause is a chain of ANDs and one of them is an equality or IN on the Id, an
 * external id, a unique field or a lookup of the queried object itself, the records it can match are
 * those the store finds by that field's index; the whole predicate still runs on them. Anything else
 * (OR, NOT, parentheses, relationship paths, case-sensitive text) scans.
 */
export function indexedLookup(where: WhereClause, context: WhereContext): IndexedLookup | undefined {
  const tokens = tokenize(where);
  if (tokens.some((token) => token.kind !== 'cond' && !(token.kind === 'op' && token.op === 'AND'))) {
    return undefined;
  }
  for (const token of tokens) {
    if (token.kind !== 'cond' || !('field' in token.cond) || 'valueQuery' in token.cond) continue;
    const condition = token.cond as ValueCondition;
    if (condition.operator !== '=' && condition.operator !== 'IN') continue;
    const path = resolveFieldPath(context.schema, context.object, condition.field, context.alias);
    const field = path.field;
    if (path.steps.length > 0 || !isIndexedForQueries(field, keepsCase(field))) continue;
    const types = Array.isArray(condition.literalType) ? condition.literalType : [condition.literalType];
    if (types.some((type) => type !== 'STRING')) continue;
    const raw = Array.isArray(condition.value) ? condition.value : [condition.value];
    const values = raw.map((value) => indexValue(field, unquote(value)));
    if (values.some((value) => value === undefined)) continue;
    return { field, values: values as string[] };
  }
  return undefined;
}

const TEXT_TYPES = new Set(['string', 'textarea', 'url', 'email', 'phone', 'picklist']);

/**
 * Text compares case-insensitively, except on unique case-sensitive fields: "Comparisons on strings
 * are case-sensitive for unique case-sensitive fields. For all other fields, comparisons are
 * case-insensitive" (SOQL and SOSL Reference, Comparison Operators,
 * https://developer.salesforce.com/docs/platform/salesforce-soql-sosl/guide/sforce-api-calls-soql-select-comparisonoperators.html).
 */
function keepsCase(field: FieldSchema): boolean {
  return field.unique && field.caseSensitive;
}

function foldCase(field: FieldSchema, text: string): string {
  return keepsCase(field) ? text : text.toLowerCase();
}

/** A comparable form of a stored value: lower-case text, numbers, epoch millis, 18-char ids. */
function comparable(field: FieldSchema, value: unknown): string | number | boolean | null {
  if (value === null || value === undefined) {
    return null;
  }
  if (TEXT_TYPES.has(field.type)) {
    return foldCase(field, String(value));
  }
  if (field.type === 'datetime') {
    return parseDateTime(String(value))?.getTime() ?? null;
  }
  return value as string | number | boolean;
}

export function unquote(literal: string): string {
  const body = literal.startsWith("'") && literal.endsWith("'") ? literal.slice(1, -1) : literal;
  return body.replace(/\\(.)/g, (_, char: string) => ({ n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' })[char] ?? char);
}

type Literal =
  | { kind: 'value'; value: string | number | boolean | null }
  | { kind: 'range'; start: number | string; end: number | string };

function literalFor(field: FieldSchema, raw: string, type: string | undefined, context: WhereContext): Literal {
  const wrongType = (expected: string): never => {
    throw new SoqlError(
      'INVALID_QUERY_FILTER_OPERATOR',
      `value of filter criterion for field '${field.name}' must be of type ${expected}${expected === 'string' || expected === 'id' ? ' and should be enclosed in quotes' : ' and should not be enclosed in quotes'}`,
    );
  };
  if (type === 'NULL') {
    return { kind: 'value', value: null };
  }
  if (type === 'DATE_LITERAL' || type === 'DATE_N_LITERAL') {
    if (field.type !== 'date' && field.type !== 'datetime') {
      wrongType(field.type);
    }
    const range = dateLiteralRange(raw, context.now);
    if (!range) {
      throw new SoqlError(
        'MALFORMED_QUERY',
        `The local org does not support the date literal ${raw}; use a date-time value or a supported literal such as LAST_N_DAYS:n.`,
      );
    }
    return field.type === 'date'
      ? {
          kind: 'range',
          start: new Date(range.start).toISOString().slice(0, 10),
          end: new Date(range.end).toISOString().slice(0, 10),
        }
      : { kind: 'range', start: range.start, end: range.end };
  }
  switch (field.type) {
    case 'boolean':
      return type === 'BOOLEAN' ? { kind: 'value', value: raw.toUpperCase() === 'TRUE' } : wrongType('boolean');
    case 'double':
    case 'int':
    case 'currency':
    case 'percent':
      return type === 'INTEGER' || type === 'DECIMAL' ? { kind: 'value', value: Number(raw) } : wrongType('double');
    case 'datetime': {
      if (type === 'DATE') {
        throw new SoqlError(
          'INVALID_QUERY_FILTER_OPERATOR',
          `value of filter criterion for field '${field.name}' must be of type dateTime and should not be enclosed in quotes`,
        );
      }
      const date = type === 'DATETIME' ? parseDateTime(raw) : undefined;
      return date ? { kind: 'value', value: date.getTime() } : wrongType('dateTime');
    }
    case 'date':
      return type === 'DATE' ? { kind: 'value', value: raw } : wrongType('date');
    case 'id':
    case 'reference': {
      if (type !== 'STRING') {
        wrongType('id');
      }
      const text = unquote(raw);
      if (text === '') {
        return { kind: 'value', value: null };
      }
      const id = toId18(text);
      if (!id) {
        throw new SoqlError('INVALID_QUERY_FILTER_OPERATOR', `invalid ID field: ${text}`);
      }
      return { kind: 'value', value: id };
    }
    default:
      return type === 'STRING' ? { kind: 'value', value: foldCase(field, unquote(raw)) } : wrongType('string');
  }
}

function likeMatcher(pattern: string): RegExp {
  let source = '';
  for (let index = 0; index < pattern.length; index++) {
    const char = pattern[index]!;
    if (char === '\\' && index + 1 < pattern.length) {
      source += pattern[++index]!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    } else if (char === '%') {
      source += '.*';
    } else if (char === '_') {
      source += '.';
    } else {
      source += char.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    }
  }
  return new RegExp(`^${source}$`, 'is');
}

function compare(a: string | number | boolean, b: string | number | boolean): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function matches(operator: string, value: string | number | boolean | null, literal: Literal): boolean {
  if (literal.kind === 'range') {
    if (value === null) {
      return operator === '!=';
    }
    switch (operator) {
      case '=':
        return value >= literal.start && value < literal.end;
      case '!=':
        return value < literal.start || value >= literal.end;
      case '<':
        return value < literal.start;
      case '<=':
        return value < literal.end;
      case '>':
        return value >= literal.end;
      case '>=':
        return value >= literal.start;
      default:
        return false;
    }
  }
  const expected = literal.value;
  if (operator === '=') {
    return value === expected;
  }
  if (operator === '!=') {
    return value !== expected;
  }
  if (value === null || expected === null) {
    return false;
  }
  const order = compare(value, expected);
  switch (operator) {
    case '<':
      return order < 0;
    case '<=':
      return order <= 0;
    case '>':
      return order > 0;
    case '>=':
      return order >= 0;
    default:
      return false;
  }
}

function compileCondition(condition: Condition | ValueQueryCondition, context: WhereContext): Predicate {
  if (!('field' in condition)) {
    throw new SoqlError(
      'MALFORMED_QUERY',
      'The local org supports conditions on fields only, not on functions such as CALENDAR_YEAR() in WHERE.',
    );
  }
  const path = resolveFieldPath(context.schema, context.object, condition.field, context.alias);
  const field = path.field;
  if (field.type === 'textarea' && field.length > 255) {
    // Long text areas cannot be filtered in real orgs either.
    throw new SoqlError('INVALID_FIELD', `field '${field.name}' can not be filtered in a query call`);
  }
  const read = (record: StoredRecord) => comparable(field, readPath(context.store, record, path));
  const operator = condition.operator;
  if ('valueQuery' in condition && condition.valueQuery) {
    if (operator !== 'IN' && operator !== 'NOT IN') {
      throw new SoqlError('MALFORMED_QUERY', 'A subquery in WHERE needs IN or NOT IN.');
    }
    const values = new Set(context.semiJoin(condition.valueQuery).map((value) => comparable(field, value)));
    return operator === 'IN' ? (record) => values.has(read(record)) : (record) => !values.has(read(record));
  }
  const valueCondition = condition as ValueCondition;
  const types = Array.isArray(valueCondition.literalType) ? valueCondition.literalType : [valueCondition.literalType];
  const rawValues = Array.isArray(valueCondition.value) ? valueCondition.value : [valueCondition.value];
  const literals = rawValues.map((raw, index) =>
    literalFor(field, raw, (types[index] ?? types[0]) as string | undefined, context),
  );
  switch (operator) {
    case 'IN':
    case 'NOT IN': {
      const wanted = new Set(literals.map((literal) => (literal.kind === 'value' ? literal.value : undefined)));
      return operator === 'IN' ? (record) => wanted.has(read(record)) : (record) => !wanted.has(read(record));
    }
    case 'LIKE': {
      if (!TEXT_TYPES.has(field.type) && field.type !== 'id' && field.type !== 'reference') {
        throw new SoqlError(
          'INVALID_QUERY_FILTER_OPERATOR',
          `invalid operator on field '${field.name}': LIKE applies to text fields`,
        );
      }
      const pattern = likeMatcher(unquote(rawValues[0] ?? "''"));
      return (record) => {
        const value = readPath(context.store, record, path);
        return value !== null && pattern.test(String(value));
      };
    }
    case 'INCLUDES':
    case 'EXCLUDES':
      throw new SoqlError(
        'MALFORMED_QUERY',
        `${operator} applies to multi-select picklists, which the local org does not have.`,
      );
    default: {
      const literal = literals[0]!;
      if (rawValues.length !== 1) {
        throw new SoqlError('MALFORMED_QUERY', `Operator ${operator} takes one value; use IN for a list.`);
      }
      return (record) => matches(operator, read(record), literal);
    }
  }
}
