// The record store as one user sees it: the same RecordStore contract, with the user's schema view
// and every write checked for object CRUD and field-level security before the real store validates
// it. Surfaces (REST, Composite, Collections, Bulk, GraphQL, UI API) receive this store in their
// request context, so the checks live here once, not in each route.
//
// Error codes are the platform's documented StatusCode values (SOAP API Developer Guide, "StatusCode";
// REST API Developer Guide, "Status Codes and Error Responses",
// https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/errorcodes.htm):
// - a field the user cannot see: INVALID_FIELD, "No such column '…' on sobject of type …" (what a
//   real org answers for an unknown column);
// - a field the user can see but not edit: INVALID_FIELD_FOR_INSERT_UPDATE, with the platform's
//   "Unable to create/update fields: … Please check the security settings of this field …" wording;
// - an object the user may not create, edit or delete: INSUFFICIENT_ACCESS_OR_READONLY.

import type { RecordStore, SaveError, SaveResult, StoredRecord } from '../data/store.js';
import { findField, findObject, type OrgSchema } from '../schema/model.js';
import type { UserAccess } from './userAccess.js';

type Operation = 'create' | 'edit' | 'delete';
const VERB: Record<Operation, string> = { create: 'create', edit: 'edit', delete: 'delete' };

const failure = (errors: SaveError[]): SaveResult => ({ success: false, errors });

export class AccessControlledStore implements RecordStore {
  readonly schema: OrgSchema;

  constructor(
    private readonly base: RecordStore,
    readonly access: UserAccess,
  ) {
    this.schema = access.schema;
  }

  private visible(objectName: string): boolean {
    return findObject(this.schema, objectName) !== undefined;
  }

  list(objectName: string): readonly StoredRecord[] {
    return this.visible(objectName) ? this.base.list(objectName) : [];
  }

  get(id: string): { objectName: string; record: StoredRecord } | undefined {
    const found = this.base.get(id);
    return found && this.visible(found.objectName) ? found : undefined;
  }

  findByExternalId(objectName: string, fieldName: string, value: string): readonly StoredRecord[] {
    return this.visible(objectName) ? this.base.findByExternalId(objectName, fieldName, value) : [];
  }

  listDeleted(objectName: string): readonly StoredRecord[] {
    return this.visible(objectName) ? this.base.listDeleted(objectName) : [];
  }

  atomically<T>(work: () => T, keep: (result: T) => boolean): T {
    return this.base.atomically(work, keep);
  }

  asUser<T>(userId: string, work: () => T): T {
    return this.base.asUser(userId, work);
  }

  // Every write below is stamped with this user (CreatedById, LastModifiedById, default OwnerId).
  create(objectName: string, fields: Record<string, unknown>): SaveResult {
    const refused = this.refuse(objectName, 'create', fields);
    return refused ?? this.asUser(this.access.user.id, () => this.base.create(objectName, fields));
  }

  update(objectName: string, id: string, fields: Record<string, unknown>): SaveResult {
    const refused = this.refuse(objectName, 'edit', fields);
    return refused ?? this.asUser(this.access.user.id, () => this.base.update(objectName, id, fields));
  }

  /** The platform's own write still needs the user's edit access to the object (convertLead: Edit on Lead). */
  platformUpdate(objectName: string, id: string, fields: Record<string, unknown>): SaveResult {
    const refused = this.refuse(objectName, 'edit', {});
    return refused ?? this.asUser(this.access.user.id, () => this.base.platformUpdate(objectName, id, fields));
  }

  upsert(objectName: string, externalIdField: string, externalId: string, fields: Record<string, unknown>): SaveResult {
    // An upsert creates or edits: check what it will do, as the platform does per record.
    const exists =
      externalIdField.toLowerCase() === 'id'
        ? this.base.get(externalId) !== undefined
        : this.base.findByExternalId(objectName, externalIdField, externalId).length > 0;
    const refused = this.refuse(objectName, exists ? 'edit' : 'create', fields);
    return (
      refused ??
      this.asUser(this.access.user.id, () => this.base.upsert(objectName, externalIdField, externalId, fields))
    );
  }

  delete(id: string): SaveResult {
    const found = this.base.get(id);
    const refused = found ? this.refuse(found.objectName, 'delete', {}) : undefined;
    return refused ?? this.base.delete(id);
  }

  /** The errors that stop this write for this user, or undefined when it may go to the store. */
  private refuse(objectName: string, operation: Operation, fields: Record<string, unknown>): SaveResult | undefined {
    if (this.access.allData) return undefined;
    const object = findObject(this.schema, objectName);
    const permission = this.access.objectPermission(objectName);
    if (!object || !permission[operation]) {
      const name = object?.name ?? objectName;
      return failure([
        {
          statusCode: 'INSUFFICIENT_ACCESS_OR_READONLY',
          message: `insufficient access rights: you may not ${VERB[operation]} ${name} records. Ask an admin for a permission set that grants ${VERB[operation]} on ${name}.`,
          fields: [],
        },
      ]);
    }
    if (operation === 'delete') return undefined;
    const errors: SaveError[] = [];
    const readOnly: string[] = [];
    for (const name of Object.keys(fields)) {
      if (name === 'attributes') continue;
      const field = findField(object, name);
      if (!field) {
        errors.push({
          statusCode: 'INVALID_FIELD',
          message: `No such column '${name}' on sobject of type ${object.name}`,
          fields: [name],
        });
        continue;
      }
      const writable = operation === 'create' ? field.createable : field.updateable;
      const full = findField(this.base.schema.objects.get(object.name.toLowerCase())!, name)!;
      const writableForAdmin = operation === 'create' ? full.createable : full.updateable;
      // Fields no one may write (Name of a person, audit fields) keep the store's own error.
      if (!writable && writableForAdmin && name.toLowerCase() !== 'id') {
        readOnly.push(field.name);
      }
    }
    if (readOnly.length > 0) {
      errors.push({
        statusCode: 'INVALID_FIELD_FOR_INSERT_UPDATE',
        message: `Unable to create/update fields: ${readOnly.join(', ')}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.`,
        fields: readOnly,
      });
    }
    return errors.length > 0 ? failure(errors) : undefined;
  }
}
