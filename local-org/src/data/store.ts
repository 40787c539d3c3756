// The contract of the local org's record store. Every surface (REST, Bulk API 2.0, GraphQL, UI API
// record writes) reads and writes through it, so validation and error codes are the same everywhere.

import type { OrgSchema } from '../schema/model.js';

/** A stored record: field values keyed by their real-case API name, always with Id. */
export type StoredRecord = Record<string, unknown> & { Id: string };

/** The error entry Salesforce returns per failed record (REST, Collections, Bulk). */
export interface SaveError {
  statusCode: string;
  message: string;
  fields: string[];
}

export type SaveResult = { success: true; id: string; created: boolean } | { success: false; errors: SaveError[] };

export interface RecordStore {
  readonly schema: OrgSchema;
  /** All records of an object, in insertion order. */
  list(objectName: string): readonly StoredRecord[];
  /** A record by id (15 or 18 characters), with the name of its object. */
  get(id: string): { objectName: string; record: StoredRecord } | undefined;
  /** Validates (fields exist, are createable, types, lengths, restricted picklists, uniqueness) and inserts. */
  create(objectName: string, fields: Record<string, unknown>): SaveResult;
  update(objectName: string, id: string, fields: Record<string, unknown>): SaveResult;
  /**
   * An update the platform itself makes, which may set fields read-only to every API client (lead
   * conversion's IsConverted, ConvertedContactId, ConvertedDate). Validation otherwise as update.
   */
  platformUpdate(objectName: string, id: string, fields: Record<string, unknown>): SaveResult;
  /** Inserts or updates by an external id field; `created` tells which. */
  upsert(objectName: string, externalIdField: string, externalId: string, fields: Record<string, unknown>): SaveResult;
  delete(id: string): SaveResult;
  /** Live records whose external id (or other unique/idLookup) field has this value. */
  findByExternalId(objectName: string, fieldName: string, value: string): readonly StoredRecord[];
  /** Deleted records of an object (the recycle bin), for queryAll. */
  listDeleted(objectName: string): readonly StoredRecord[];
  /**
   * Runs synchronous writes as one unit: when `work` throws or `keep(result)` is false, every write
   * it made is undone (allOrNone in Collections, Composite and the UI API).
   */
  atomically<T>(work: () => T, keep: (result: T) => boolean): T;
  /**
   * Runs synchronous writes as made by this user: CreatedById, LastModifiedById and a new record's
   * default OwnerId are the running user's, as the platform stamps them (SOAP API Developer Guide,
   * "System Fields"; "OwnerId … defaults to the user who created the record").
   */
  asUser<T>(userId: string, work: () => T): T;
}
