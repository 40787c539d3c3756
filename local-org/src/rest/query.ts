// The query resources: /query and /queryAll with ?q=, paging through nextRecordsUrl cursors
// (2,000 rows a batch unless `Sforce-Query-Options: batchSize=N`), and `&columns=true`, which sf
// data query calls for columnMetadata.

import { ApiError } from '../http/apiError.js';
import type { OrgContext, Route, RouteRequest } from '../http/route.js';
import type { FieldSchema } from '../schema/model.js';
import { compileQuery, runQuery, type Column } from '../soql/query.js';
import { SoqlError } from '../soql/soqlError.js';
import { apiVersion, dataRoute } from './paths.js';

const DEFAULT_BATCH = 2000;
const MIN_BATCH = 200;
/** Open cursors kept; the oldest is dropped beyond this, as real orgs expire idle locators. */
const MAX_CURSORS = 200;

interface Cursor {
  rows: Array<Record<string, unknown>>;
  totalSize: number;
  batchSize: number;
  resource: 'query' | 'queryAll';
}

function batchSize(request: RouteRequest): number {
  const header = request.req.headers['sforce-query-options'];
  const match = /batchSize\s*=\s*(\d+)/i.exec(Array.isArray(header) ? header.join(',') : (header ?? ''));
  if (!match) return DEFAULT_BATCH;
  return Math.min(DEFAULT_BATCH, Math.max(MIN_BATCH, Number(match[1])));
}

const APEX_TYPES: Record<string, string> = {
  boolean: 'Boolean',
  double: 'Double',
  currency: 'Decimal',
  percent: 'Double',
  int: 'Integer',
  date: 'Date',
  datetime: 'Datetime',
  id: 'Id',
  reference: 'Id',
};

function columnInfo(
  field: FieldSchema,
  columnName: string,
  displayName: string,
  joinColumns: unknown[] = [],
): Record<string, unknown> {
  return {
    aggregate: false,
    apexType: APEX_TYPES[field.type] ?? 'String',
    booleanType: field.type === 'boolean',
    columnName,
    custom: field.name.endsWith('__c'),
    displayName,
    foreignKeyName: null,
    insertable: field.createable,
    joinColumns,
    numberType: ['double', 'int', 'currency', 'percent'].includes(field.type),
    textType: !['boolean', 'double', 'int', 'currency', 'percent', 'date', 'datetime'].includes(field.type),
    updatable: field.updateable,
  };
}

/** columnMetadata: relationship columns nest their fields in joinColumns, as real orgs answer. */
function columnMetadata(columns: Column[]): unknown[] {
  const metadata: Array<Record<string, unknown>> = [];
  for (const column of columns) {
    if (column.kind === 'count') {
      metadata.push({
        aggregate: true,
        apexType: 'Integer',
        booleanType: false,
        columnName: column.alias,
        custom: false,
        displayName: column.display,
        foreignKeyName: null,
        insertable: false,
        joinColumns: [],
        numberType: true,
        textType: false,
        updatable: false,
      });
      continue;
    }
    const { path } = column;
    if (path.steps.length === 0) {
      metadata.push(columnInfo(path.field, path.field.name, path.field.name));
      continue;
    }
    let siblings = metadata;
    let display = '';
    for (const step of path.steps) {
      const name = step.field.relationshipName!;
      display = display ? `${display}.${name}` : name;
      let join = siblings.find(
        (entry) =>
          entry.columnName === name && Array.isArray(entry.joinColumns) && (entry.joinColumns as unknown[]).length > 0,
      );
      if (!join) {
        join = { ...columnInfo(step.field, name, display), apexType: null, joinColumns: [] };
        siblings.push(join);
      }
      siblings = join.joinColumns as Array<Record<string, unknown>>;
    }
    siblings.push(columnInfo(path.field, path.field.name, `${display}.${path.field.name}`));
  }
  return metadata;
}

export function queryRoutes(): Route[] {
  const cursors = new Map<string, Cursor>();
  let nextCursor = 1;

  function page(request: RouteRequest, cursorId: string, cursor: Cursor, start: number): Record<string, unknown> {
    const rows = cursor.rows.slice(start, start + cursor.batchSize);
    const end = start + rows.length;
    const done = end >= cursor.rows.length;
    if (done) {
      cursors.delete(cursorId);
    }
    return {
      totalSize: cursor.totalSize,
      done,
      ...(done
        ? {}
        : { nextRecordsUrl: `/services/data/v${apiVersion(request)}/${cursor.resource}/${cursorId}-${end}` }),
      records: rows,
    };
  }

  function run(request: RouteRequest, ctx: OrgContext, resource: 'query' | 'queryAll') {
    const soql = request.query.get('q');
    if (!soql) {
      throw new ApiError(
        400,
        'MALFORMED_QUERY',
        'A query needs the q parameter, e.g. /query?q=SELECT+Id+FROM+Contact.',
      );
    }
    if (request.query.get('explain') !== null) {
      throw new SoqlError('MALFORMED_QUERY', 'The local org has no query plans (explain).');
    }
    const options = { apiVersion: apiVersion(request), includeDeleted: resource === 'queryAll' };
    if (request.query.get('columns') === 'true') {
      const compiled = compileQuery(ctx.store.schema, ctx.store, soql, options);
      return {
        status: 200,
        body: {
          columnMetadata: columnMetadata(compiled.columns),
          entityName: compiled.columns.some((column) => column.kind === 'count')
            ? 'AggregateResult'
            : compiled.object.name,
          groupBy: false,
          idSelected: compiled.columns.some(
            (column) => column.kind === 'field' && column.path.steps.length === 0 && column.path.field.name === 'Id',
          ),
          keyPrefix: compiled.object.keyPrefix,
        },
      };
    }
    const outcome = runQuery(ctx.store.schema, ctx.store, soql, options);
    const cursorId = `01g8d${String(nextCursor++).padStart(10, '0')}`;
    const cursor: Cursor = {
      rows: outcome.records,
      totalSize: outcome.totalSize,
      batchSize: batchSize(request),
      resource,
    };
    if (outcome.records.length > cursor.batchSize) {
      cursors.set(cursorId, cursor);
      if (cursors.size > MAX_CURSORS) {
        cursors.delete(cursors.keys().next().value!);
      }
    }
    return { status: 200, body: page(request, cursorId, cursor, 0) };
  }

  function more(request: RouteRequest) {
    const locator = request.params.locator ?? '';
    const match = /^(.+)-(\d+)$/.exec(locator);
    const cursor = match ? cursors.get(match[1]!) : undefined;
    if (!match || !cursor) {
      throw new ApiError(
        400,
        'INVALID_QUERY_LOCATOR',
        `invalid query locator: ${locator}. Cursors live until their last page is read; run the query again.`,
      );
    }
    return { status: 200, body: page(request, match[1]!, cursor, Number(match[2])) };
  }

  return [
    dataRoute('GET', '/query', (request, ctx) => run(request, ctx, 'query')),
    dataRoute('GET', '/queryAll', (request, ctx) => run(request, ctx, 'queryAll')),
    dataRoute('GET', '/query/(?<locator>[^/]+)', (request) => more(request)),
    dataRoute('GET', '/queryAll/(?<locator>[^/]+)', (request) => more(request)),
  ];
}
