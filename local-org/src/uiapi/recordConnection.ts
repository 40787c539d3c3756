// Resolves one record connection (`Social_Interaction__c(where, orderBy, first, after, upperBound)`
// under uiapi.query, or a child relationship such as `Social_Interactions__r`): filter, sort, cut
// the page, and shape `{ edges { node cursor } pageInfo totalCount pageResultCount }`.

import { Kind, type GraphQLResolveInfo, type ValueNode } from 'graphql';
import type { StoredRecord } from '../data/store.js';
import type { ObjectSchema } from '../schema/model.js';
import { matchesFilter, type Filter } from './recordFilter.js';
import { sortKeys, sortRecords } from './recordOrder.js';
import { encodeCursor, pageWindow, type PageRequest } from './recordPaging.js';
import type { RecordSource, UiApiContext } from './recordSource.js';

export interface ConnectionArgs extends PageRequest {
  where?: Filter | null;
  orderBy?: Record<string, unknown> | null;
}

export interface Connection {
  edges: Array<{ node: RecordSource; cursor: string }>;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  totalCount: number;
  pageResultCount: number;
}

export function resolveConnection(
  object: ObjectSchema,
  candidates: readonly StoredRecord[],
  args: ConnectionArgs,
  context: UiApiContext,
  info: GraphQLResolveInfo,
): Connection {
  const window = pageWindow(args, context.apiVersion, object.name);
  const scope = { store: context.store, now: context.now() };
  const matching = candidates.filter((record) => matchesFilter(scope, object, record, args.where));
  const keys = sortKeys(context.store.schema, object, args.orderBy, rawArgument(info, 'orderBy', context.rawVariables));
  const sorted = sortRecords(context.store, matching, keys);
  const reachable = Math.min(sorted.length, window.reach);
  const end = Math.min(window.offset + window.size, reachable);
  const page = window.offset < end ? sorted.slice(window.offset, end) : [];
  const edges = page.map((record, index) => ({
    node: { objectName: object.name, record, pageSize: page.length },
    cursor: encodeCursor(window.offset + index),
  }));
  // Without upperBound, a next page past 4,000 exists but is refused when asked for: the caller
  // learns there is more instead of silently getting a truncated list.
  const hasNextPage = args.upperBound ? end < reachable : window.offset + page.length < sorted.length;
  return {
    edges,
    pageInfo: {
      hasNextPage,
      hasPreviousPage: window.offset > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount: sorted.length,
    pageResultCount: edges.length,
  };
}

/** An argument as the query text (or its variables) wrote it, keys in their written order. */
function rawArgument(info: GraphQLResolveInfo, name: string, variables: Record<string, unknown>): unknown {
  const node = info.fieldNodes[0]?.arguments?.find((argument) => argument.name.value === name);
  return node ? astValue(node.value, variables) : undefined;
}

function astValue(node: ValueNode, variables: Record<string, unknown>): unknown {
  switch (node.kind) {
    case Kind.OBJECT:
      return Object.fromEntries(node.fields.map((field) => [field.name.value, astValue(field.value, variables)]));
    case Kind.LIST:
      return node.values.map((value) => astValue(value, variables));
    case Kind.VARIABLE:
      return variables[node.name.value];
    case Kind.INT:
    case Kind.FLOAT:
      return Number(node.value);
    case Kind.NULL:
      return null;
    default:
      return node.value;
  }
}
