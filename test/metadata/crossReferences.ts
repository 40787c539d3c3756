// The cross-reference checks over force-app's metadata, as pure functions: each returns the
// problems it finds, every one naming both sides (who refers, and to what), so that a broken
// reference reads as an instruction rather than a puzzle.
import type { ForceAppMetadata, ObjectMetadata } from './metadata.js';

/** Standard objects the permission sets may grant; they are not in force-app. */
export const STANDARD_OBJECTS = new Set(['Account', 'Contact', 'Lead', 'Case', 'Task']);

/** Standard fields every object has, which layouts and compact layouts may name. */
export const STANDARD_FIELDS = new Set([
  'Name',
  'OwnerId',
  'CreatedById',
  'CreatedDate',
  'LastModifiedById',
  'LastModifiedDate',
]);

/** List view column tokens Salesforce uses for standard fields. */
export const STANDARD_LIST_COLUMNS = new Set([
  'NAME',
  'CREATED_DATE',
  'LAST_UPDATE',
  'OWNER.ALIAS',
  'UPDATEDBY_USER.ALIAS',
]);

/** Custom fields deliberately kept from reps. Empty today: reps may read every field. */
export const ADMIN_ONLY_FIELDS = new Set<string>();

export const PERMISSION_SETS = { rep: 'Social_Bridge_Rep', admin: 'Social_Bridge_Admin' };

function fieldExists(object: ObjectMetadata | undefined, field: string): boolean {
  return Boolean(object?.fields.has(field)) || STANDARD_FIELDS.has(field);
}

function whereFields(object: string): string {
  return `force-app/main/default/objects/${object}/fields`;
}

const ACTIVITY_OBJECTS = new Map([
  ['Task', 'EditTask'],
  ['Event', 'EditEvent'],
]);

export function checkPermissionSetReferences(metadata: ForceAppMetadata): string[] {
  const problems: string[] = [];
  for (const permissionSet of metadata.permissionSets) {
    for (const object of permissionSet.objects) {
      // Activities take no object permissions in a permission set: task and event access comes
      // from the Edit Tasks / Edit Events user permissions and sharing ("Control Access to
      // Activities", Salesforce Help, sales.activity_access_user_perm.htm).
      if (ACTIVITY_OBJECTS.has(object)) {
        problems.push(
          `permission set ${permissionSet.name} has objectPermissions on ${object}; activities take the user permission ${ACTIVITY_OBJECTS.get(object)} instead`,
        );
      }
      if (!metadata.objects.has(object) && !STANDARD_OBJECTS.has(object)) {
        problems.push(
          `permission set ${permissionSet.name} grants object ${object}, which is neither in force-app nor a known standard object`,
        );
      }
    }
    for (const { field } of permissionSet.fields) {
      const [objectName = '', fieldName = ''] = field.split('.');
      // A custom field of a standard object (Lead.Social_Bridge_Key__c) must be one force-app adds.
      const object =
        metadata.objects.get(objectName) ??
        (fieldName.endsWith('__c') ? (metadata.standardObjects.get(objectName) ?? emptyObject(objectName)) : undefined);
      if (!object) {
        if (!STANDARD_OBJECTS.has(objectName)) {
          problems.push(
            `permission set ${permissionSet.name} grants ${field}, but object ${objectName} is not in force-app`,
          );
        }
        continue;
      }
      const definition = object.fields.get(fieldName);
      if (!definition) {
        problems.push(
          `permission set ${permissionSet.name} grants ${field}, which does not exist in ${whereFields(objectName)}`,
        );
      } else if (definition.required) {
        problems.push(
          `permission set ${permissionSet.name} grants ${field}, which is required: the platform rejects field permissions for required fields; remove it`,
        );
      }
    }
  }
  return problems;
}

export function checkLayoutReferences(metadata: ForceAppMetadata): string[] {
  const problems: string[] = [];
  for (const layout of metadata.layouts) {
    const object = metadata.objects.get(layout.object);
    for (const field of layout.fields) {
      if (!fieldExists(object, field)) {
        problems.push(
          `layout ${layout.name} names ${layout.object}.${field}, which does not exist in ${whereFields(layout.object)}`,
        );
      }
    }
  }
  for (const object of metadata.objects.values()) {
    for (const compactLayout of object.compactLayouts) {
      for (const field of compactLayout.fields) {
        if (!fieldExists(object, field)) {
          problems.push(
            `compact layout ${object.name}.${compactLayout.name} names ${object.name}.${field}, which does not exist in ${whereFields(object.name)}`,
          );
        }
      }
    }
    for (const listView of object.listViews) {
      for (const field of [...listView.columns, ...listView.filterFields]) {
        if (!STANDARD_LIST_COLUMNS.has(field) && !fieldExists(object, field)) {
          problems.push(
            `list view ${object.name}.${listView.name} names ${object.name}.${field}, which does not exist in ${whereFields(object.name)}`,
          );
        }
      }
    }
  }
  return problems;
}

export function checkPermissionSetCoverage(metadata: ForceAppMetadata): string[] {
  const problems: string[] = [];
  for (const [role, name] of Object.entries(PERMISSION_SETS)) {
    const permissionSet = metadata.permissionSets.find((candidate) => candidate.name === name);
    if (!permissionSet) {
      problems.push(`permission set ${name} (for ${role}s) is missing from force-app/main/default/permissionsets`);
      continue;
    }
    const granted = new Set(
      permissionSet.fields.filter((permission) => permission.readable).map((permission) => permission.field),
    );
    for (const object of objectsWithFields(metadata)) {
      for (const field of object.fields.values()) {
        const qualified = `${object.name}.${field.name}`;
        const expected = !field.required && (role === 'admin' || !ADMIN_ONLY_FIELDS.has(qualified));
        if (expected && !granted.has(qualified)) {
          problems.push(
            `field ${qualified} is not readable in permission set ${name}: add a fieldPermissions entry, or list it in ADMIN_ONLY_FIELDS if reps must not see it`,
          );
        }
      }
    }
  }
  return problems;
}

/** Custom objects, and the standard objects force-app adds custom fields to (those fields only). */
function objectsWithFields(metadata: ForceAppMetadata): ObjectMetadata[] {
  return [...metadata.objects.values(), ...metadata.standardObjects.values()];
}

function emptyObject(name: string): ObjectMetadata {
  return { name, enableHistory: false, fields: new Map(), compactLayouts: [], listViews: [] };
}

/** Platform limits on a field's help text and description. */
const MAX_HELP_TEXT = 510;
const MAX_DESCRIPTION = 1000;

export function checkFieldDefinitions(metadata: ForceAppMetadata): string[] {
  const problems: string[] = [];
  for (const object of objectsWithFields(metadata)) {
    for (const field of object.fields.values()) {
      const qualified = `${object.name}.${field.name}`;
      if (!field.inlineHelpText?.trim()) {
        problems.push(`field ${qualified} has no inlineHelpText: every field explains itself to the user`);
      } else if (field.inlineHelpText.length > MAX_HELP_TEXT) {
        problems.push(
          `field ${qualified} has ${field.inlineHelpText.length} characters of inlineHelpText; the platform allows ${MAX_HELP_TEXT}`,
        );
      }
      if (!field.description?.trim()) {
        problems.push(`field ${qualified} has no description`);
      } else if (field.description.length > MAX_DESCRIPTION) {
        problems.push(
          `field ${qualified} has ${field.description.length} characters of description; the platform allows ${MAX_DESCRIPTION}`,
        );
      }
      if (field.restrictedPicklist === false) {
        problems.push(`picklist ${qualified} is not restricted: add <restricted>true</restricted> to its valueSet`);
      }
      if (field.trackHistory && !object.enableHistory) {
        problems.push(`field ${qualified} tracks history, but object ${object.name} does not enable history`);
      }
    }
  }
  return problems;
}

/** External ids that docs/data-model.md promises to be unique. */
export const UNIQUE_EXTERNAL_IDS = [
  'Lead.Social_Bridge_Key__c',
  'Social_Channel__c.Network_Key__c',
  'Social_Identity__c.External_Id__c',
  'Social_Interaction__c.External_Id__c',
];

export function checkExternalIds(metadata: ForceAppMetadata): string[] {
  return UNIQUE_EXTERNAL_IDS.flatMap((qualified) => {
    const [objectName = '', fieldName = ''] = qualified.split('.');
    const field = (metadata.objects.get(objectName) ?? metadata.standardObjects.get(objectName))?.fields.get(fieldName);
    if (!field) {
      return [`external id ${qualified} named in docs/data-model.md does not exist in ${whereFields(objectName)}`];
    }
    return field.externalId && field.unique
      ? []
      : [`field ${qualified} must be an external id and unique (docs/data-model.md)`];
  });
}

/**
 * Every object has one page layout that shows each of its custom fields, and a required field is
 * marked Required there (an Edit behaviour on a required field misleads whoever edits the layout).
 */
export function checkLayoutCoverage(metadata: ForceAppMetadata): string[] {
  const problems: string[] = [];
  for (const object of metadata.objects.values()) {
    const layouts = metadata.layouts.filter((layout) => layout.object === object.name);
    if (layouts.length === 0) {
      problems.push(`object ${object.name} has no page layout in force-app/main/default/layouts`);
    }
    for (const layout of layouts) {
      for (const field of object.fields.values()) {
        const behaviour = layout.behaviours.get(field.name);
        if (behaviour === undefined) {
          problems.push(`layout ${layout.name} leaves out ${object.name}.${field.name}: add it to a section`);
        } else if (field.required && behaviour !== 'Required') {
          problems.push(
            `layout ${layout.name} shows required field ${object.name}.${field.name} as ${behaviour}: make it Required`,
          );
        }
      }
    }
  }
  return problems;
}

/** Prefix the app uses for standard object tabs, e.g. `standard-Contact`. */
const STANDARD_TAB_PREFIX = 'standard-';

/**
 * Tabs show objects that exist, every object has a tab, and the app and the permission sets name
 * only tabs and apps that exist in force-app (or standard tabs of the known standard objects).
 */
export function checkTabReferences(metadata: ForceAppMetadata): string[] {
  const problems: string[] = [];
  const tabs = new Set(metadata.tabs.map((tab) => tab.name));
  const tabExists = (tab: string): boolean =>
    tabs.has(tab) ||
    (tab.startsWith(STANDARD_TAB_PREFIX) && STANDARD_OBJECTS.has(tab.slice(STANDARD_TAB_PREFIX.length)));
  for (const tab of metadata.tabs) {
    if (tab.customObject && !metadata.objects.has(tab.name)) {
      problems.push(`tab ${tab.name} shows object ${tab.name}, which does not exist in force-app/main/default/objects`);
    }
  }
  for (const object of metadata.objects.keys()) {
    if (!tabs.has(object)) {
      problems.push(`object ${object} has no tab in force-app/main/default/tabs: reps could not open its list views`);
    }
  }
  for (const application of metadata.applications) {
    for (const tab of application.tabs) {
      if (!tabExists(tab)) {
        problems.push(`app ${application.name} lists tab ${tab}, which does not exist in force-app/main/default/tabs`);
      }
    }
  }
  const applications = new Set(metadata.applications.map((application) => application.name));
  for (const permissionSet of metadata.permissionSets) {
    for (const tab of permissionSet.tabs) {
      if (!tabExists(tab)) {
        problems.push(
          `permission set ${permissionSet.name} sets visibility of tab ${tab}, which does not exist in force-app/main/default/tabs`,
        );
      }
    }
    for (const application of permissionSet.applications) {
      if (!applications.has(application)) {
        problems.push(
          `permission set ${permissionSet.name} makes app ${application} visible, which does not exist in force-app/main/default/applications`,
        );
      }
    }
  }
  return problems;
}

export function checkAll(metadata: ForceAppMetadata): string[] {
  return [
    ...checkPermissionSetReferences(metadata),
    ...checkLayoutReferences(metadata),
    ...checkLayoutCoverage(metadata),
    ...checkTabReferences(metadata),
    ...checkPermissionSetCoverage(metadata),
    ...checkFieldDefinitions(metadata),
    ...checkExternalIds(metadata),
  ];
}
