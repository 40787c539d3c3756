// The local org's record store: records in memory, validated the way Salesforce validates them, with
// unique and external-id indexes, a recycle bin, undo for all-or-none work and change notification
// (persistence listens to it). Implements the RecordStore contract every surface writes through.

import { findField, type FieldSchema, type ObjectSchema, type OrgSchema } from '../schema/model.js';
import { auditFields } from './auditFields.js';
import { coerceFieldValue, formatDateTime } from './fieldValues.js';
import { makeId, toId18 } from './ids.js';
import type { RecordStore, SaveError, SaveResult, StoredRecord } from './store.js';

export type WriteOperation = 'create' | 'update' | 'delete';

export interface StoreOptions {
  /** Clock for audit fields; tests pass a fixed one. */
  now?: () => Date;
  /** Id of the running user, written to CreatedById, LastModifiedById and OwnerId. */
  userId: string;
}

/** Everything needed to rebuild the store, as persisted by `--data DIR`. */
export interface StoreSnapshot {
  version: 1;
  objects: Record<
    string,
    { nextSequence: number; autoNumbers: Record<string, number>; records: StoredRecord[]; deleted: StoredRecord[] }
  >;
}

interface ObjectTable {
  schema: ObjectSchema;
  records: Map<string, StoredRecord>;
  deleted: Map<string, StoredRecord>;
  nextSequence: number;
  autoNumbers: Map<string, number>;
  /**
   * Per indexed field (external id, unique, lookup; lower-case name): normalised value -> the id
   * holding it, or the ids when several do. One string per value, not a Set: a Set costs about 100
   * bytes even with one member, and almost every value of an external id has one holder.
   */
  indexes: Map<string, Map<string, IndexEntry>>;
  /**
   * Every field at its empty value, built once: a new record is copied from it, which gives V8 a
   * compact object with a shared layout. Assigning the fields one by one by computed name turns a
   * record of 20-40 fields into a hash table (dictionary mode), about three times the size.
   */
  blank: Record<string, unknown>;
}

/** The ids holding one value: most values have one; a Set once many share it (lookups to a busy parent). */
type IndexEntry = string | string[] | Set<string>;
const LIST_LIMIT = 16;

type Undo = () => void;

const success = (id: string, created: boolean): SaveResult => ({ success: true, id, created });
const failure = (statusCode: string, message: string, fields: string[] = []): SaveResult => ({
  success: false,
  errors: [{ statusCode, message, fields }],
});
/**
 * A converted Lead may be neither changed nor newly referenced: "after a lead is converted you can only
 * reference the convertedAccountId or convertedContactId fields" (Salesforce Help, knowledge article
 * 000384333, "CANNOT_UPDATE_CONVERTED_LEAD"); the platform's message is "cannot reference converted lead".
 * Users with "View and Edit Converted Leads" may edit them; the local org grants it to nobody.
 */
const convertedLeadRefused = (fields: string[]): SaveResult =>
  failure('CANNOT_UPDATE_CONVERTED_LEAD', 'cannot reference converted lead', fields);

export class MemoryStore implements RecordStore {
  readonly schema: OrgSchema;
  readonly userId: string;
  /** The user whose writes are running (asUser); the org's own user otherwise. */
  private runningUserId: string | undefined;
  /**
   * Consulted before every write with the written fields and the record as it is (none on create);
   * returns an error to fail it (fault injection: UNABLE_TO_LOCK_ROW).
   */
  writeFault?: (
    objectName: string,
    operation: WriteOperation,
    fields: Record<string, unknown>,
    existing?: Record<string, unknown>,
  ) => SaveError | undefined;
  private readonly now: () => Date;
  private readonly tables = new Map<string, ObjectTable>();
  private readonly prefixes = new Map<string, ObjectTable>();
  private readonly journals: Undo[][] = [];
  private readonly listeners: Array<() => void> = [];

  constructor(schema: OrgSchema, options: StoreOptions) {
    this.schema = schema;
    this.userId = options.userId;
    this.now = options.now ?? (() => new Date());
    for (const object of schema.objects.values()) {
      const table: ObjectTable = {
        schema: object,
        records: new Map(),
        deleted: new Map(),
        nextSequence: 1,
        autoNumbers: new Map(),
        indexes: new Map(),
        blank: blankRecord(object),
      };
      for (const field of object.fields.values()) {
        if (isIndexed(field)) {
          table.indexes.set(field.name.toLowerCase(), new Map());
        }
      }
      this.tables.set(object.name.toLowerCase(), table);
      this.prefixes.set(object.keyPrefix, table);
    }
  }

  /** Called after every committed change (persistence saves on it). */
  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  list(objectName: string): readonly StoredRecord[] {
    const table = this.tables.get(objectName.toLowerCase());
    return table ? [...table.records.values()] : [];
  }

  listDeleted(objectName: string): readonly StoredRecord[] {
    const table = this.tables.get(objectName.toLowerCase());
    return table ? [...table.deleted.values()] : [];
  }

  get(id: string): { objectName: string; record: StoredRecord } | undefined {
    const id18 = toId18(id);
    const table = id18 ? this.prefixes.get(id18.slice(0, 3)) : undefined;
    const record = id18 ? table?.records.get(id18) : undefined;
    return table && record ? { objectName: table.schema.name, record } : undefined;
  }

  /** A deleted record by id, to answer ENTITY_IS_DELETED instead of NOT_FOUND. */
  getDeleted(id: string): { objectName: string; record: StoredRecord } | undefined {
    const id18 = toId18(id);
    const table = id18 ? this.prefixes.get(id18.slice(0, 3)) : undefined;
    const record = id18 ? table?.deleted.get(id18) : undefined;
    return table && record ? { objectName: table.schema.name, record } : undefined;
  }

  /** The object an id belongs to by its key prefix, whether or not the record exists. */
  objectOfId(id: string): ObjectSchema | undefined {
    return this.prefixes.get(id.slice(0, 3))?.schema;
  }

  findByExternalId(objectName: string, fieldName: string, value: string): readonly StoredRecord[] {
    const table = this.tables.get(objectName.toLowerCase());
    const field = table ? findField(table.schema, fieldName) : undefined;
    if (!table || !field) {
      return [];
    }
    if (field.type === 'id') {
      const found = this.get(value);
      return found && found.objectName === table.schema.name ? [found.record] : [];
    }
    const index = table.indexes.get(field.name.toLowerCase());
    if (index) {
      return holders(index.get(indexKey(field, value)))
        .map((id) => table.records.get(id))
        .filter((record): record is StoredRecord => record !== undefined);
    }
    return [...table.records.values()].filter(
      (record) => record[field.name] !== null && indexKey(field, String(record[field.name])) === indexKey(field, value),
    );
  }

  create(objectName: string, fields: Record<string, unknown>): SaveResult {
    const table = this.tables.get(objectName.toLowerCase());
    if (!table) {
      return failure('INVALID_TYPE', `sObject type '${objectName}' is not supported.`);
    }
    const fault = this.writeFault?.(table.schema.name, 'create', fields);
    if (fault) {
      return { success: false, errors: [fault] };
    }
    const values = this.readInput(table.schema, fields, 'create');
    if (!values.ok) {
      return values.result;
    }
    const record: Record<string, unknown> = { ...table.blank };
    Object.assign(record, values.values);
    const id = makeId(table.schema.keyPrefix, table.nextSequence);
    const now = formatDateTime(this.now());
    Object.assign(record, { Id: id, ...auditFields(now, this.writer) });
    if (table.schema.fields.has('ownerid') && !record.OwnerId) {
      record.OwnerId = this.writer;
    }
    derive(table.schema, record as StoredRecord, undefined, now);
    const problem = this.checkRecord(table, record as StoredRecord, Object.keys(values.values));
    if (problem) {
      return problem;
    }
    table.nextSequence++;
    for (const field of table.schema.fields.values()) {
      if (field.autoNumber) {
        const next = (table.autoNumbers.get(field.name) ?? 0) + 1;
        table.autoNumbers.set(field.name, next);
        record[field.name] = formatAutoNumber(field.displayFormat ?? '{0}', next, this.now());
      }
    }
    this.put(table, record as StoredRecord, undefined);
    return success(id, true);
  }

  update(objectName: string, id: string, fields: Record<string, unknown>): SaveResult {
    return this.updateRecord(objectName, id, fields, 'update');
  }

  platformUpdate(objectName: string, id: string, fields: Record<string, unknown>): SaveResult {
    return this.updateRecord(objectName, id, fields, 'platform');
  }

  private updateRecord(
    objectName: string,
    id: string,
    fields: Record<string, unknown>,
    operation: 'update' | 'platform',
  ): SaveResult {
    const table = this.tables.get(objectName.toLowerCase());
    if (!table) {
      return failure('INVALID_TYPE', `sObject type '${objectName}' is not supported.`);
    }
    const id18 = toId18(id);
    if (!id18) {
      return failure('MALFORMED_ID', `${table.schema.label} ID: id value of incorrect type: ${id}`, ['Id']);
    }
    const existing = table.records.get(id18);
    if (!existing) {
      return table.deleted.has(id18)
        ? failure('ENTITY_IS_DELETED', 'entity is deleted', [])
        : this.objectOfId(id18) && this.objectOfId(id18) !== table.schema
          ? failure('MALFORMED_ID', `${table.schema.label} ID: id value of incorrect type: ${id}`, ['Id'])
          : failure('INVALID_CROSS_REFERENCE_KEY', `invalid cross reference id: ${id}`, []);
    }
    const fault = this.writeFault?.(table.schema.name, 'update', fields, existing);
    if (fault) {
      return { success: false, errors: [fault] };
    }
    const { Id: bodyId, id: lowerId, ...rest } = fields as Record<string, unknown> & { id?: unknown };
    const givenId = bodyId ?? lowerId;
    if (givenId !== undefined && givenId !== null && toId18(String(givenId)) !== id18) {
      return failure(
        'INVALID_ID_FIELD',
        `Id in the body (${String(givenId)}) does not match the record being updated (${id18}).`,
        ['Id'],
      );
    }
    const values = this.readInput(table.schema, rest, operation);
    if (!values.ok) {
      return values.result;
    }
    if (operation === 'update' && existing.IsConverted === true && table.schema.name === 'Lead') {
      return convertedLeadRefused([]);
    }
    const now = formatDateTime(this.now());
    const record = {
      ...existing,
      ...values.values,
      LastModifiedDate: now,
      LastModifiedById: this.writer,
      SystemModstamp: now,
    } as StoredRecord;
    derive(table.schema, record, existing, now);
    const problem = this.checkRecord(table, record, Object.keys(values.values));
    if (problem) {
      return problem;
    }
    this.put(table, record, existing);
    return success(id18, false);
  }

  upsert(objectName: string, externalIdField: string, externalId: string, fields: Record<string, unknown>): SaveResult {
    const table = this.tables.get(objectName.toLowerCase());
    if (!table) {
      return failure('INVALID_TYPE', `sObject type '${objectName}' is not supported.`);
    }
    const field = findField(table.schema, externalIdField);
    if (!field || !(field.externalId || field.idLookup)) {
      return failure(
        'INVALID_FIELD',
        `Field ${externalIdField} is not an external id or idLookup field of ${table.schema.name}.`,
        [externalIdField],
      );
    }
    const { [field.name]: bodyValue, ...rest } = withRealCase(table.schema, fields);
    if (bodyValue !== undefined && bodyValue !== null && String(bodyValue) !== externalId) {
      return failure(
        'INVALID_FIELD',
        `${field.name} in the body (${String(bodyValue)}) differs from the upsert key (${externalId}).`,
        [field.name],
      );
    }
    if (field.type === 'id') {
      return externalId ? this.update(table.schema.name, externalId, rest) : this.create(table.schema.name, rest);
    }
    if (!externalId) {
      return failure('REQUIRED_FIELD_MISSING', `Required fields are missing: [${field.name}]`, [field.name]);
    }
    const matches = this.findByExternalId(table.schema.name, field.name, externalId);
    if (matches.length > 1) {
      return failure(
        'DUPLICATE_EXTERNAL_ID',
        `${field.label}: more than one record found for external id field: [${matches.map((match) => match.Id).join(', ')}]`,
        [field.name],
      );
    }
    const match = matches[0];
    if (match) {
      return this.update(table.schema.name, match.Id, rest);
    }
    return this.create(table.schema.name, { ...rest, [field.name]: externalId });
  }

  delete(id: string): SaveResult {
    const id18 = toId18(id);
    if (!id18) {
      return failure('MALFORMED_ID', `Invalid id: ${id}`, []);
    }
    const table = this.prefixes.get(id18.slice(0, 3));
    const existing = table?.records.get(id18);
    if (!table || !existing) {
      return table?.deleted.has(id18)
        ? failure('ENTITY_IS_DELETED', 'entity is deleted')
        : failure('INVALID_CROSS_REFERENCE_KEY', `invalid cross reference id: ${id}`);
    }
    const fault = this.writeFault?.(table.schema.name, 'delete', {}, existing);
    if (fault) {
      return { success: false, errors: [fault] };
    }
    if (['user', 'organization'].includes(table.schema.name.toLowerCase())) {
      return failure('DELETE_FAILED', `${table.schema.name} records cannot be deleted.`);
    }
    this.remove(table, existing);
    this.releaseReferences(table.schema, id18);
    this.changed();
    return success(id18, false);
  }

  atomically<T>(work: () => T, keep: (result: T) => boolean): T {
    const journal: Undo[] = [];
    this.journals.push(journal);
    let result: T;
    try {
      result = work();
    } catch (error) {
      this.journals.pop();
      this.undo(journal);
      throw error;
    }
    this.journals.pop();
    if (!keep(result)) {
      this.undo(journal);
    } else {
      // An enclosing unit must still be able to undo what this one kept.
      this.journals.at(-1)?.push(...journal);
    }
    return result;
  }

  asUser<T>(userId: string, work: () => T): T {
    const outer = this.runningUserId;
    this.runningUserId = userId;
    try {
      return work();
    } finally {
      this.runningUserId = outer;
    }
  }

  /** Who the audit fields name as creating or changing a record now. */
  private get writer(): string {
    return this.runningUserId ?? this.userId;
  }

  /** Inserts a record as is (bootstrap rows with fixed ids, persistence). */
  insertRaw(objectName: string, record: StoredRecord, sequence?: number): void {
    const table = this.table(objectName);
    this.put(table, record, undefined, false);
    if (sequence !== undefined) {
      table.nextSequence = Math.max(table.nextSequence, sequence + 1);
    }
  }

  snapshot(): StoreSnapshot {
    const objects: StoreSnapshot['objects'] = {};
    for (const table of this.tables.values()) {
      if (table.records.size === 0 && table.deleted.size === 0) {
        continue;
      }
      objects[table.schema.name] = {
        nextSequence: table.nextSequence,
        autoNumbers: Object.fromEntries(table.autoNumbers),
        records: [...table.records.values()],
        deleted: [...table.deleted.values()],
      };
    }
    return { version: 1, objects };
  }

  /** Replaces the contents with a snapshot; fields the schema no longer has are dropped, new ones are null. */
  restore(snapshot: StoreSnapshot): void {
    this.clear();
    for (const [objectName, saved] of Object.entries(snapshot.objects)) {
      this.restoreCounters(objectName, saved.nextSequence, saved.autoNumbers);
      for (const record of saved.records) this.restoreRecord(objectName, record, false);
      for (const record of saved.deleted) this.restoreRecord(objectName, record, true);
    }
  }

  /** Empties every object (before a restore). */
  clear(): void {
    for (const table of this.tables.values()) {
      table.records.clear();
      table.deleted.clear();
      table.autoNumbers.clear();
      table.nextSequence = 1;
      for (const index of table.indexes.values()) {
        index.clear();
      }
    }
  }

  /** Restores an object's id sequence and auto numbers; objects the schema no longer has are skipped. */
  restoreCounters(objectName: string, nextSequence: number, autoNumbers: Record<string, number>): void {
    const table = this.tables.get(objectName.toLowerCase());
    if (table) {
      table.nextSequence = nextSequence;
      table.autoNumbers = new Map(Object.entries(autoNumbers));
    }
  }

  /** Restores one saved record (live or in the recycle bin) without validation or notification. */
  restoreRecord(objectName: string, saved: StoredRecord, deleted: boolean): void {
    const table = this.tables.get(objectName.toLowerCase());
    if (!table) {
      return;
    }
    if (deleted) {
      table.deleted.set(saved.Id, conform(table.schema, saved));
    } else {
      this.put(table, conform(table.schema, saved), undefined, false);
    }
  }

  private table(objectName: string): ObjectTable {
    const table = this.tables.get(objectName.toLowerCase());
    if (!table) {
      throw new Error(
        `The local org has no object ${objectName}. Add its metadata to force-app or to local-org/src/schema/standardObjects.ts.`,
      );
    }
    return table;
  }

  /** Checks names, access and types of the fields in a request and converts their values. */
  private readInput(
    object: ObjectSchema,
    input: Record<string, unknown>,
    operation: 'create' | 'update' | 'platform',
  ): { ok: true; values: Record<string, unknown> } | { ok: false; result: SaveResult } {
    const values: Record<string, unknown> = {};
    const readOnly: string[] = [];
    for (const [name, value] of Object.entries(input)) {
      if (name === 'attributes') {
        continue;
      }
      const field = findField(object, name);
      if (!field) {
        return {
          ok: false,
          result: failure('INVALID_FIELD', `No such column '${name}' on sobject of type ${object.name}`, [name]),
        };
      }
      const writable = operation === 'platform' || (operation === 'create' ? field.createable : field.updateable);
      if (!writable) {
        readOnly.push(field.name);
        continue;
      }
      const coerced = coerceFieldValue(field, value);
      if (!coerced.ok) {
        return { ok: false, result: { success: false, errors: [coerced.error] } };
      }
      values[field.name] = coerced.value;
    }
    if (readOnly.length > 0) {
      return {
        ok: false,
        result: failure(
          'INVALID_FIELD_FOR_INSERT_UPDATE',
          `Unable to create/update fields: ${readOnly.join(', ')}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.`,
          readOnly,
        ),
      };
    }
    return { ok: true, values };
  }

  /** Required fields, references (of the fields the request set) and uniqueness of a record about to be stored. */
  private checkRecord(table: ObjectTable, record: StoredRecord, written: string[]): SaveResult | undefined {
    const missing = [...table.schema.fields.values()]
      .filter(
        (field) =>
          !field.nillable &&
          field.createable &&
          field.type !== 'boolean' &&
          (record[field.name] === null || record[field.name] === undefined),
      )
      .map((field) => field.name);
    if (missing.length > 0) {
      return failure('REQUIRED_FIELD_MISSING', `Required fields are missing: [${missing.join(', ')}]`, missing);
    }
    for (const field of table.schema.fields.values()) {
      const value = record[field.name];
      if (field.type === 'reference' && typeof value === 'string' && written.includes(field.name)) {
        const problem = this.checkReference(field, value);
        if (problem) {
          return problem;
        }
      }
      if (field.unique && value !== null && value !== undefined) {
        const entry = table.indexes.get(field.name.toLowerCase())?.get(indexKey(field, String(value)));
        const other = holders(entry).find((holder) => holder !== record.Id);
        if (other) {
          return failure(
            'DUPLICATE_VALUE',
            `duplicate value found: ${field.name} duplicates value on record with id: ${other}`,
            [field.name],
          );
        }
      }
    }
    return undefined;
  }

  private checkReference(field: FieldSchema, id: string): SaveResult | undefined {
    const target = this.objectOfId(id);
    if (!target || !field.referenceTo.some((name) => name.toLowerCase() === target.name.toLowerCase())) {
      return failure('FIELD_INTEGRITY_EXCEPTION', `${field.label}: id value of incorrect type: ${id}`, [field.name]);
    }
    if (this.getDeleted(id)) {
      return failure('ENTITY_IS_DELETED', `entity is deleted: ${field.label} ${id}`, [field.name]);
    }
    const found = this.get(id);
    if (!found) {
      return failure('INVALID_CROSS_REFERENCE_KEY', `invalid cross reference id: ${field.label} ${id}`, [field.name]);
    }
    if (found.objectName === 'Lead' && found.record.IsConverted === true) {
      return convertedLeadRefused([field.name]);
    }
    return undefined;
  }

  private put(table: ObjectTable, record: StoredRecord, previous: StoredRecord | undefined, notify = true): void {
    if (previous) {
      this.unindex(table, previous);
    }
    table.records.set(record.Id, record);
    this.index(table, record);
    this.journals.at(-1)?.push(() => {
      this.unindex(table, record);
      if (previous) {
        table.records.set(previous.Id, previous);
        this.index(table, previous);
      } else {
        table.records.delete(record.Id);
      }
    });
    if (notify) {
      this.changed();
    }
  }

  private remove(table: ObjectTable, record: StoredRecord): void {
    this.unindex(table, record);
    table.records.delete(record.Id);
    const deleted = { ...record, IsDeleted: true, SystemModstamp: formatDateTime(this.now()) };
    table.deleted.set(record.Id, deleted);
    this.journals.at(-1)?.push(() => {
      table.deleted.delete(record.Id);
      table.records.set(record.Id, record);
      this.index(table, record);
    });
  }

  /** Lookups to a deleted record are cleared (SetNull) or their records deleted too (Cascade). */
  private releaseReferences(object: ObjectSchema, id: string): void {
    for (const relationship of object.childRelationships ?? []) {
      const child = this.tables.get(relationship.childObject.toLowerCase());
      if (!child) {
        continue;
      }
      for (const record of this.findByExternalId(child.schema.name, relationship.field, id)) {
        if (relationship.cascadeDelete) {
          this.remove(child, record);
          this.releaseReferences(child.schema, record.Id);
        } else {
          this.put(child, { ...record, [relationship.field]: null }, record, false);
        }
      }
    }
  }

  private index(table: ObjectTable, record: StoredRecord): void {
    for (const [name, index] of table.indexes) {
      const field = table.schema.fields.get(name)!;
      const value = record[field.name];
      if (value === null || value === undefined) {
        continue;
      }
      const key = indexKey(field, String(value));
      const entry = index.get(key);
      if (entry === undefined) {
        index.set(key, record.Id);
      } else if (typeof entry === 'string') {
        if (entry !== record.Id) index.set(key, [entry, record.Id]);
      } else if (Array.isArray(entry)) {
        if (!entry.includes(record.Id)) {
          entry.push(record.Id);
          if (entry.length > LIST_LIMIT) index.set(key, new Set(entry));
        }
      } else {
        entry.add(record.Id);
      }
    }
  }

  private unindex(table: ObjectTable, record: StoredRecord): void {
    for (const [name, index] of table.indexes) {
      const field = table.schema.fields.get(name)!;
      const value = record[field.name];
      if (value === null || value === undefined) {
        continue;
      }
      const key = indexKey(field, String(value));
      const entry = index.get(key);
      if (entry === record.Id) {
        index.delete(key);
      } else if (Array.isArray(entry)) {
        const rest = entry.filter((id) => id !== record.Id);
        index.set(key, rest.length === 1 ? rest[0]! : rest);
      } else if (entry instanceof Set) {
        entry.delete(record.Id);
        if (entry.size === 0) index.delete(key);
      }
    }
  }

  private undo(journal: Undo[]): void {
    for (const step of journal.reverse()) {
      step();
    }
    this.changed();
  }

  private changed(): void {
    if (this.journals.length > 0) {
      return;
    }
    for (const listener of this.listeners) {
      listener();
    }
  }
}

/** External ids and unique fields (upserts, duplicate checks) and lookups (child records of a parent). */
function isIndexed(field: FieldSchema): boolean {
  return (field.externalId || field.unique || isParentLookup(field)) && field.type !== 'id';
}

/**
 * Lookups to records (Contact__c, Identity__c, AccountId), not to users: the owner and audit fields
 * hold the same user on nearly every record, so an index on them would narrow nothing and cost an id
 * per record.
 */
function isParentLookup(field: FieldSchema): boolean {
  return field.type === 'reference' && !field.referenceTo.every((name) => name === 'User' || name === 'Organization');
}

function holders(entry: IndexEntry | undefined): string[] {
  return entry === undefined ? [] : typeof entry === 'string' ? [entry] : [...entry];
}

function blankRecord(object: ObjectSchema): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  for (const field of object.fields.values()) {
    record[field.name] = field.type === 'boolean' ? false : null;
    if (field.defaultValue !== undefined && field.defaultValue !== null && field.createable) {
      record[field.name] = field.defaultValue;
    }
  }
  // A copy by spread has the compact layout; the loop above leaves a hash table.
  return { ...record };
}

function indexKey(field: FieldSchema, value: string): string {
  if (field.type === 'reference') {
    return toId18(value) ?? value;
  }
  return field.caseSensitive ? value : value.toLowerCase();
}

function withRealCase(object: ObjectSchema, fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(fields).map(([name, value]) => [findField(object, name)?.name ?? name, value]),
  );
}

function conform(object: ObjectSchema, saved: StoredRecord): StoredRecord {
  const record: Record<string, unknown> = {};
  for (const field of object.fields.values()) {
    record[field.name] = saved[field.name] ?? (field.type === 'boolean' ? false : null);
  }
  return { ...record } as StoredRecord;
}

/** Fields the platform computes: person names, closed flags. */
function derive(object: ObjectSchema, record: StoredRecord, previous: StoredRecord | undefined, now: string): void {
  const name = object.name;
  if ((name === 'Contact' || name === 'Lead' || name === 'User') && object.fields.has('firstname')) {
    record.Name =
      [record.FirstName, record.LastName].filter((part) => typeof part === 'string' && part !== '').join(' ') || null;
  }
  if (name === 'Case') {
    record.IsClosed = record.Status === 'Closed';
    if (record.IsClosed && !previous?.IsClosed) {
      record.ClosedDate = now;
    } else if (!record.IsClosed) {
      record.ClosedDate = null;
    }
  }
  if (name === 'Task') {
    record.IsClosed = record.Status === 'Completed';
  }
}

/** `SI-{00000000}` with 42 -> `SI-00000042`; also `{YYYY}`, `{MM}`, `{DD}`. */
export function formatAutoNumber(format: string, value: number, now: Date): string {
  return format
    .replace(/\{(0+)\}/, (_, zeros: string) => String(value).padStart(zeros.length, '0'))
    .replace('{0}', String(value))
    .replace('{YYYY}', String(now.getUTCFullYear()))
    .replace('{YY}', String(now.getUTCFullYear()).slice(2))
    .replace('{MM}', String(now.getUTCMonth() + 1).padStart(2, '0'))
    .replace('{DD}', String(now.getUTCDate()).padStart(2, '0'));
}
