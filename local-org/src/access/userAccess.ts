// What one user may do, computed once from the profile and the assigned permission sets: per object
// CRUD, and a view of the org schema holding only the objects and fields the user can read, with
// createable/updateable narrowed by field-level security. Every surface that works through the view
// (SOQL, GraphQL, REST rows, describe, UI API) then answers as a real org does for that user: an
// unreadable object is an unknown type, an unreadable field an unknown column.

import { findObject, type FieldSchema, type ObjectSchema, type OrgSchema } from '../schema/model.js';
import type { ObjectPermission, PermissionSet } from './permissionSets.js';
import type { OrgUser } from './users.js';

const NONE: ObjectPermission = { read: false, create: false, edit: false, delete: false };
const ALL: ObjectPermission = { read: true, create: true, edit: true, delete: true };

export interface UserAccess {
  user: OrgUser;
  /** "Modify All Data": no checks at all. */
  allData: boolean;
  /** The schema as this user sees it (the full schema for allData). */
  schema: OrgSchema;
  /** Effective CRUD on an object (by any case of its API name). */
  objectPermission(objectName: string): ObjectPermission;
}

function union(a: ObjectPermission, b: ObjectPermission | undefined): ObjectPermission {
  return b
    ? { read: a.read || b.read, create: a.create || b.create, edit: a.edit || b.edit, delete: a.delete || b.delete }
    : a;
}

/** Required custom fields carry no field permissions (the platform rejects them): they follow the object. */
function isRequiredCustom(field: FieldSchema): boolean {
  return !field.nillable && field.type !== 'boolean';
}

export function userAccess(user: OrgUser, fullSchema: OrgSchema, permissionSets: PermissionSet[]): UserAccess {
  if (user.profile.allData) {
    return { user, allData: true, schema: fullSchema, objectPermission: () => ALL };
  }
  const assigned = permissionSets.filter((set) => user.permissionSets.includes(set.name));
  const missing = user.permissionSets.filter((name) => !assigned.some((set) => set.name === name));
  if (missing.length > 0) {
    throw new Error(
      `User ${user.username} is assigned permission set(s) ${missing.join(', ')}, which force-app/main/default/permissionsets does not define.`,
    );
  }
  const objectPermissions = new Map<string, ObjectPermission>();
  for (const object of fullSchema.objects.values()) {
    const key = object.name.toLowerCase();
    let permission = union(NONE, user.profile.objects[object.name]);
    for (const set of assigned) {
      permission = union(permission, set.objects.get(key));
    }
    objectPermissions.set(key, permission);
  }
  const fieldAccess = (object: ObjectSchema, field: FieldSchema): { readable: boolean; editable: boolean } => {
    if (!field.name.endsWith('__c') || isRequiredCustom(field)) {
      return { readable: true, editable: true };
    }
    const key = `${object.name}.${field.name}`.toLowerCase();
    const granted = assigned.map((set) => set.fields.get(key)).filter((entry) => entry !== undefined);
    return {
      readable: granted.some((entry) => entry.readable),
      editable: granted.some((entry) => entry.editable),
    };
  };

  const visible = new Set(
    [...fullSchema.objects.values()]
      .filter((object) => objectPermissions.get(object.name.toLowerCase())!.read)
      .map((object) => object.name),
  );
  const objects = new Map<string, ObjectSchema>();
  for (const object of fullSchema.objects.values()) {
    if (!visible.has(object.name)) continue;
    const permission = objectPermissions.get(object.name.toLowerCase())!;
    const fields = new Map<string, FieldSchema>();
    for (const [key, field] of object.fields) {
      const access = fieldAccess(object, field);
      if (!access.readable) continue;
      const referenceTo = field.referenceTo.filter((name) => visible.has(name));
      fields.set(key, {
        ...field,
        createable: field.createable && access.editable && permission.create,
        updateable: field.updateable && access.editable && permission.edit,
        referenceTo,
        // A lookup to objects the user cannot read keeps its id but cannot be traversed.
        relationshipName: referenceTo.length > 0 ? field.relationshipName : undefined,
      });
    }
    objects.set(object.name.toLowerCase(), { ...object, fields });
  }
  for (const object of objects.values()) {
    object.childRelationships = (object.childRelationships ?? []).filter((relationship) => {
      const child = objects.get(relationship.childObject.toLowerCase());
      return child !== undefined && child.fields.has(relationship.field.toLowerCase());
    });
  }
  return {
    user,
    allData: false,
    schema: { objects },
    objectPermission: (name) => objectPermissions.get(name.toLowerCase()) ?? NONE,
  };
}

/** The full-schema object behind a view object, for telling "not granted" from "never writable". */
export function fullObject(fullSchema: OrgSchema, name: string): ObjectSchema | undefined {
  return findObject(fullSchema, name);
}
