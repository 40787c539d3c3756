// A local org store for the UI API tests: the schema read from force-app (as the server reads it),
// B's MemoryStore, and helpers that seed records through the store's validated create and run
// GraphQL through the same executor the HTTP route uses.

import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MemoryStore } from '../../local-org/src/data/memoryStore.js';
import { loadOrgSchema } from '../../local-org/src/schema/loadSchema.js';
import type { OrgSchema } from '../../local-org/src/schema/model.js';
import type { OrgContext } from '../../local-org/src/http/route.js';
import { noFaults } from '../../local-org/src/faults/faults.js';
import { executeGraphQL, type GraphQLResponseBody } from '../../local-org/src/uiapi/graphqlExecution.js';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const USER_ID = '005000000000001AAA';
/** A fixed clock so date literals and audit fields are reproducible. */
export const NOW = new Date('2026-11-20T12:00:00.000Z');

let forceAppSchema: OrgSchema | undefined;

export function forceAppOrgSchema(): OrgSchema {
  forceAppSchema ??= loadOrgSchema(join(repoRoot, 'force-app'));
  return forceAppSchema;
}

export function newStore(): MemoryStore {
  return new MemoryStore(forceAppOrgSchema(), { userId: USER_ID, now: () => NOW });
}

export function create(store: MemoryStore, objectName: string, fields: Record<string, unknown>): string {
  const result = store.create(objectName, fields);
  if (!result.success) {
    throw new Error(`Seeding ${objectName} failed: ${JSON.stringify(result.errors)}`);
  }
  return result.id;
}

let sequence = 0;

/** One interaction with the required fields filled; `fields` overrides them. */
export function interaction(store: MemoryStore, fields: Record<string, unknown>): string {
  sequence++;
  return create(store, 'Social_Interaction__c', {
    External_Id__c: `x:post-${sequence}`,
    Network__c: 'x',
    Direction__c: 'Inbound',
    Visibility__c: 'Public',
    Posted_At__c: '2026-11-01T00:00:00.000Z',
    ...fields,
  });
}

export function graphql(
  store: MemoryStore,
  query: string,
  variables: Record<string, unknown> = {},
  options: { apiVersion?: number; operationName?: string } = {},
): Promise<GraphQLResponseBody> {
  return executeGraphQL(
    { query, variables, operationName: options.operationName },
    { store, apiVersion: options.apiVersion ?? 62, now: () => NOW },
  );
}

/** A record node as the tests read it: fields are value objects, relationships nested nodes. */
export type Node = { [field: string]: Node & { value?: unknown; displayValue?: unknown } } & { Id?: string };

export interface ConnectionView {
  edges: Array<{ node: Node; cursor: string }>;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  totalCount: number;
  pageResultCount: number;
}

/** `data.uiapi.query.<name>` of a response. */
export function connectionOf(body: GraphQLResponseBody, name: string): ConnectionView {
  const data = body.data as { uiapi: { query: Record<string, ConnectionView> } } | null;
  const connection = data?.uiapi.query[name];
  if (!connection) {
    throw new Error(`No ${name} connection in ${JSON.stringify(body)}`);
  }
  return connection;
}

/** The nodes of `data.uiapi.query.<name>`, for assertions. */
export function nodesOf(body: GraphQLResponseBody, name: string): Node[] {
  return connectionOf(body, name).edges.map((edge) => edge.node);
}

/** The context the server hands routes, for calling them without HTTP. */
export function orgContext(store: MemoryStore): OrgContext {
  return {
    store,
    userId: USER_ID,
    orgId: '00D000000000001AAA',
    apiCalls: { used: 0, max: 15000 },
    instanceUrl: 'http://127.0.0.1',
    faults: noFaults(),
  };
}
