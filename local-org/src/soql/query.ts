// Runs a SOQL query against the store: parse (soql-parser-js), check every name against the schema,
// filter, sort, page and shape rows the way the REST query resource returns them. Anything the local
// org does not implement is a MALFORMED_QUERY error, never a silently different answer.

import {
  parseQuery,
  type FieldType as SelectField,
  type OrderByClause,
  type Query,
} from '@jetstreamapp/soql-parser-js';
import { indexedRecords } from '../data/indexedRecords.js';
import type { RecordStore, StoredRecord } from '../data/store.js';
import { findObject, type FieldSchema, type ObjectSchema, type OrgSchema } from '../schema/model.js';
import { followPath, readPath, resolveFieldPath, type FieldPath } from './fieldPath.js';
import { SoqlError } from './soqlError.js';
import { compileWhere, indexedLookup, type IndexedLookup, type Predicate, type WhereContext } from './whereClause.js';

export const MAX_SOQL_LENGTH = 100_000;
const MAX_OFFSET = 2000;

export type Column =
  { kind: 'field'; path: FieldPath } | { kind: 'count'; alias: string; display: string; path?: FieldPath };

export interface CompiledQuery {
  object: ObjectSchema;
  columns: Column[];
  /** `SELECT COUNT() FROM ...`: only totalSize is returned. */
  countOnly: boolean;
  where?: Predicate;
  /** The records the WHERE clause can match, found by an index instead of a scan. */
  lookup?: IndexedLookup;
  orderBy: Array<{ path: FieldPath; descending: boolean; nullsFirst: boolean }>;
  limit?: number;
  offset: number;
}

export interface QueryOutcome {
  compiled: CompiledQuery;
  totalSize: number;
  /** REST-shaped rows: `{ attributes, Field, Parent: { attributes, Field } }`. */
  records: Array<Record<string, unknown>>;
}

export interface QueryOptions {
  includeDeleted?: boolean;
  apiVersion: string;
  now?: Date;
}

function parse(soql: string): Query {
  if (soql.length > MAX_SOQL_LENGTH) {
    throw new SoqlError(
      'MALFORMED_QUERY',
      `SOQL statements cannot be longer than ${MAX_SOQL_LENGTH} characters (this one has ${soql.length}). Split the IN list into several queries.`,
    );
  }
  try {
    return parseQuery(soql);
  } catch (error) {
    throw new SoqlError('MALFORMED_QUERY', `${soql}\n${(error as Error).message}`);
  }
}

export function compileQuery(
  schema: OrgSchema,
  store: RecordStore,
  soql: string | Query,
  options: QueryOptions,
): CompiledQuery {
  const query = typeof soql === 'string' ? parse(soql) : soql;
  const unsupported = (what: string): never => {
    throw new SoqlError(
      'MALFORMED_QUERY',
      `The local org does not support ${what} in SOQL. Rewrite the query without it or extend local-org/src/soql/.`,
    );
  };
  if (query.groupBy) unsupported('GROUP BY');
  if (query.having) unsupported('HAVING');
  if (query.usingScope) unsupported('USING SCOPE');
  if (query.withDataCategory) unsupported('WITH DATA CATEGORY');
  if (!query.sObject) unsupported('a query without FROM');
  const object = findObject(schema, query.sObject!);
  if (!object) {
    throw new SoqlError(
      'INVALID_TYPE',
      `sObject type '${query.sObject}' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name.`,
    );
  }
  const alias = query.sObjectAlias;
  const columns: Column[] = [];
  let countOnly = false;
  let expression = 0;
  for (const selected of query.fields ?? []) {
    columns.push(...compileColumn(selected));
  }
  function compileColumn(selected: SelectField): Column[] {
    switch (selected.type) {
      case 'Field':
        if (selected.field.toUpperCase() === 'FIELDS(ALL)' || /^FIELDS\(/i.test(selected.field)) {
          return unsupported('FIELDS()');
        }
        return [{ kind: 'field', path: resolveFieldPath(schema, object!, selected.field, alias) }];
      case 'FieldRelationship':
        return [
          {
            kind: 'field',
            path: resolveFieldPath(schema, object!, [...selected.relationships, selected.field].join('.'), alias),
          },
        ];
      case 'FieldFunctionExpression': {
        const name = selected.functionName.toUpperCase();
        if (name === 'FIELDS') {
          return unsupported('FIELDS()');
        }
        if (name !== 'COUNT') {
          return unsupported(`the function ${selected.functionName}()`);
        }
        if (selected.parameters.length === 0) {
          countOnly = true;
          return [];
        }
        const parameter = selected.parameters[0];
        if (typeof parameter !== 'string') {
          return unsupported('nested functions');
        }
        const column: Column = {
          kind: 'count',
          alias: selected.alias ?? `expr${expression++}`,
          display: selected.rawValue ?? `COUNT(${parameter})`,
          path: resolveFieldPath(schema, object!, parameter, alias),
        };
        return [column];
      }
      case 'FieldSubquery':
        return unsupported('child relationship subqueries (SELECT ... (SELECT ... FROM Children__r))');
      default:
        return unsupported('TYPEOF');
    }
  }
  if (countOnly && columns.length > 0) {
    throw new SoqlError('MALFORMED_QUERY', 'COUNT() must be the only element in the SELECT list.');
  }
  const aggregates = columns.filter((column) => column.kind === 'count');
  if (aggregates.length > 0 && aggregates.length !== columns.length) {
    const plain = columns.find((column) => column.kind === 'field');
    throw new SoqlError(
      'MALFORMED_QUERY',
      `Field must be grouped or aggregated: ${plain?.kind === 'field' ? plain.path.field.name : ''}`,
    );
  }
  const now = options.now ?? new Date();
  const whereContext: WhereContext = {
    schema,
    store,
    object,
    alias,
    now,
    semiJoin: (subquery) => {
      const inner = compileQuery(schema, store, subquery, options);
      const first = inner.columns[0];
      if (inner.columns.length !== 1 || first?.kind !== 'field') {
        throw new SoqlError(
          'MALFORMED_QUERY',
          'A semi-join subquery selects exactly one field, e.g. (SELECT Contact__c FROM Social_Identity__c).',
        );
      }
      return matchingRecords(store, inner, false).map((record) => readPath(store, record, first.path));
    },
  };
  const where = query.where ? compileWhere(query.where, whereContext) : undefined;
  const lookup = query.where ? indexedLookup(query.where, whereContext) : undefined;
  const clauses = query.orderBy === undefined ? [] : Array.isArray(query.orderBy) ? query.orderBy : [query.orderBy];
  const orderBy = clauses.map((clause: OrderByClause) => {
    if (!('field' in clause) || !clause.field) {
      return unsupported('ORDER BY on a function');
    }
    const path = resolveFieldPath(schema, object, clause.field, alias);
    if (path.field.type === 'textarea' && path.field.length > 255) {
      throw new SoqlError('INVALID_FIELD', `field '${path.field.name}' can not be sorted in a query call`);
    }
    const descending = clause.order === 'DESC';
    // Salesforce sorts nulls first by default, whatever the direction.
    return { path, descending, nullsFirst: clause.nulls ? clause.nulls === 'FIRST' : true };
  });
  if (query.offset !== undefined && query.offset > MAX_OFFSET) {
    throw new SoqlError('NUMBER_OUTSIDE_VALID_RANGE', `Maximum SOQL offset allowed is ${MAX_OFFSET}`);
  }
  return { object, columns, countOnly, where, lookup, orderBy, limit: query.limit, offset: query.offset ?? 0 };
}

function sortValue(field: FieldSchema, value: unknown): string | number | boolean | null {
  if (value === null || value === undefined) {
    return null;
  }
  return typeof value === 'string' && field.type !== 'id' && field.type !== 'reference'
    ? value.toLowerCase()
    : (value as number | boolean | string);
}

/** Records that pass the WHERE clause, sorted, with OFFSET and LIMIT applied. */
export function matchingRecords(store: RecordStore, compiled: CompiledQuery, includeDeleted: boolean): StoredRecord[] {
  let records = compiled.lookup
    ? [
        ...indexedRecords(store, compiled.object.name, compiled.lookup.field, compiled.lookup.values),
        ...(includeDeleted ? store.listDeleted(compiled.object.name) : []),
      ]
    : [...store.list(compiled.object.name), ...(includeDeleted ? store.listDeleted(compiled.object.name) : [])];
  if (compiled.where) {
    records = records.filter(compiled.where);
  }
  if (compiled.orderBy.length > 0) {
    const keyed = records.map((record) => ({
      record,
      keys: compiled.orderBy.map((order) => sortValue(order.path.field, readPath(store, record, order.path))),
    }));
    keyed.sort((a, b) => {
      for (const [index, order] of compiled.orderBy.entries()) {
        const left = a.keys[index] ?? null;
        const right = b.keys[index] ?? null;
        if (left === right) continue;
        if (left === null) return order.nullsFirst ? -1 : 1;
        if (right === null) return order.nullsFirst ? 1 : -1;
        const result = left < right ? -1 : 1;
        return order.descending ? -result : result;
      }
      return 0;
    });
    records = keyed.map((entry) => entry.record);
  }
  const end = compiled.limit === undefined ? undefined : compiled.offset + compiled.limit;
  return records.slice(compiled.offset, end);
}

export function recordUrl(apiVersion: string, objectName: string, id: string): string {
  return `/services/data/v${apiVersion}/sobjects/${objectName}/${id}`;
}

/** One REST-shaped row with the selected fields, nesting parent fields under relationship names. */
export function shapeRow(
  store: RecordStore,
  record: StoredRecord,
  objectName: string,
  columns: Column[],
  apiVersion: string,
): Record<string, unknown> {
  const row: Record<string, unknown> = {
    attributes: { type: objectName, url: recordUrl(apiVersion, objectName, record.Id) },
  };
  for (const column of columns) {
    if (column.kind !== 'field') continue;
    const path = column.path;
    if (path.steps.length === 0) {
      row[path.field.name] = record[path.field.name] ?? null;
      continue;
    }
    const chain = followPath(store, record, path);
    let holder = row;
    for (const [index, step] of path.steps.entries()) {
      const name = step.field.relationshipName!;
      const parent = chain[index];
      if (!parent) {
        if (!(name in holder)) holder[name] = null;
        holder = {};
        break;
      }
      let nested = holder[name] as Record<string, unknown> | null | undefined;
      if (!nested) {
        nested = {
          attributes: { type: parent.objectName, url: recordUrl(apiVersion, parent.objectName, parent.record.Id) },
        };
        holder[name] = nested;
      }
      holder = nested;
    }
    const parent = chain.at(-1);
    if (parent) {
      holder[path.field.name] = parent.record[path.field.name] ?? null;
    }
  }
  return row;
}

export function runQuery(schema: OrgSchema, store: RecordStore, soql: string, options: QueryOptions): QueryOutcome {
  const compiled = compileQuery(schema, store, soql, options);
  const records = matchingRecords(store, compiled, options.includeDeleted ?? false);
  if (compiled.countOnly) {
    return { compiled, totalSize: records.length, records: [] };
  }
  if (compiled.columns.some((column) => column.kind === 'count')) {
    const row: Record<string, unknown> = { attributes: { type: 'AggregateResult' } };
    for (const column of compiled.columns) {
      if (column.kind === 'count') {
        row[column.alias] = column.path
          ? records.filter((record) => readPath(store, record, column.path!) !== null).length
          : records.length;
      }
    }
    return { compiled, totalSize: 1, records: [row] };
  }
  return {
    compiled,
    totalSize: records.length,
    records: records.map((record) =>
      shapeRow(store, record, compiled.object.name, compiled.columns, options.apiVersion),
    ),
  };
}
