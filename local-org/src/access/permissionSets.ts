// Reads force-app's permission sets (objectPermissions, fieldPermissions, the EditTask user
// permission), so the local org grants a user exactly what a deploy of the same metadata would grant in a real org.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';

/** Object CRUD as a permission set or profile grants it (Metadata API ObjectPermissions). */
export interface ObjectPermission {
  read: boolean;
  create: boolean;
  edit: boolean;
  delete: boolean;
}

/** Field-level security as granted (Metadata API PermissionSetFieldPermissions). */
export interface FieldPermission {
  readable: boolean;
  editable: boolean;
}

export interface PermissionSet {
  name: string;
  /** Keyed by lower-case object API name. */
  objects: Map<string, ObjectPermission>;
  /** Keyed by lower-case `Object.Field`. */
  fields: Map<string, FieldPermission>;
}

const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: true,
  isArray: (name) => name === 'objectPermissions' || name === 'fieldPermissions' || name === 'userPermissions',
});

type Xml = Record<string, string | undefined>;
const flag = (value: string | undefined): boolean => value === 'true';

export function readPermissionSets(forceAppDir: string): PermissionSet[] {
  const dir = join(forceAppDir, 'main', 'default', 'permissionsets');
  if (!existsSync(dir)) {
    return [];
  }
  return readdirSync(dir)
    .filter((file) => file.endsWith('.permissionset-meta.xml'))
    .sort()
    .map((file) => {
      const xml = parser.parse(readFileSync(join(dir, file), 'utf8')) as {
        PermissionSet?: { objectPermissions?: Xml[]; fieldPermissions?: Xml[]; userPermissions?: Xml[] };
      };
      const root = xml.PermissionSet ?? {};
      const objects = new Map<string, ObjectPermission>();
      for (const entry of root.objectPermissions ?? []) {
        // View All / Modify All imply read (and edit and delete) as in a real org.
        const modifyAll = flag(entry.modifyAllRecords);
        objects.set(String(entry.object).toLowerCase(), {
          read: flag(entry.allowRead) || flag(entry.viewAllRecords) || modifyAll,
          create: flag(entry.allowCreate),
          edit: flag(entry.allowEdit) || modifyAll,
          delete: flag(entry.allowDelete) || modifyAll,
        });
      }
      // Activities have no object permissions in a permission set: the Edit Tasks user permission
      // (EditTask) lets a user create and edit tasks (Salesforce Help, "Control Access to Activities").
      const editTask = (root.userPermissions ?? []).some((entry) => entry.name === 'EditTask' && flag(entry.enabled));
      if (editTask) {
        objects.set('task', { read: true, create: true, edit: true, delete: false });
      }
      const fields = new Map<string, FieldPermission>();
      for (const entry of root.fieldPermissions ?? []) {
        const editable = flag(entry.editable);
        fields.set(String(entry.field).toLowerCase(), { readable: flag(entry.readable) || editable, editable });
      }
      return { name: file.replace(/\.permissionset-meta\.xml$/, ''), objects, fields };
    });
}
