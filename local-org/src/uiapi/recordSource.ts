// What the GraphQL resolvers pass around: a stored record with its object, and the per-request
// context (the store, the API version, the raw variables that keep orderBy's key order).

import type { RecordStore, StoredRecord } from '../data/store.js';

export interface RecordSource {
  objectName: string;
  record: StoredRecord;
  /** Records on the page this one came in: child relationships may page (`after`) only when it is 1. */
  pageSize?: number;
}

export interface UiApiContext {
  store: RecordStore;
  /** e.g. 60 for /services/data/v60.0/graphql: upperBound needs 59 or later. */
  apiVersion: number;
  /** Variables as sent, before coercion: GraphQL input coercion loses the key order orderBy needs. */
  rawVariables: Record<string, unknown>;
  now: () => Date;
}
