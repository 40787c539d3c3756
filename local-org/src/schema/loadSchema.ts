// Assembles the org schema: built-in standard objects plus force-app's custom objects, with key
// prefixes (a01, a02, ... in name order, so ids are stable) and child relationships on both sides.

import { join } from 'node:path';
import { readCustomObjects, readStandardObjectFields } from './customObjects.js';
import type { ChildRelationship, ObjectSchema, OrgSchema } from './model.js';
import { standardObjects } from './standardObjects.js';

/** Child relationship names of standard lookups that real orgs use, e.g. Account.Contacts. */
const STANDARD_CHILD_NAMES: Record<string, string> = {
  'Contact.AccountId': 'Contacts',
  'Case.ContactId': 'Cases',
  'Case.AccountId': 'Cases',
  'Task.WhoId': 'Tasks',
  'Task.WhatId': 'Tasks',
};

export function loadOrgSchema(forceAppDir: string): OrgSchema {
  const customs = readCustomObjects(join(forceAppDir, 'main', 'default', 'objects'));
  const objects: ObjectSchema[] = standardObjects(customs.map((custom) => custom.name));
  const addedFields = readStandardObjectFields(join(forceAppDir, 'main', 'default', 'objects'));
  for (const object of objects) {
    for (const field of addedFields.get(object.name) ?? []) object.fields.set(field.name.toLowerCase(), field);
  }
  customs.forEach((custom, index) => {
    objects.push({
      name: custom.name,
      label: custom.label,
      labelPlural: custom.labelPlural,
      keyPrefix: `a${String(index + 1).padStart(2, '0')}`,
      custom: true,
      fields: new Map(custom.fields.map((field) => [field.name.toLowerCase(), field])),
    });
  });
  const schema: OrgSchema = { objects: new Map(objects.map((object) => [object.name.toLowerCase(), object])) };
  for (const object of objects) {
    object.childRelationships = [];
  }
  const customByName = new Map(customs.map((custom) => [custom.name, custom]));
  for (const object of objects) {
    for (const field of object.fields.values()) {
      if (
        field.type !== 'reference' ||
        field.name === 'CreatedById' ||
        field.name === 'LastModifiedById' ||
        field.name === 'OwnerId'
      ) {
        continue;
      }
      const custom = customByName.get(object.name);
      const childName = custom
        ? `${custom.childRelationshipNames.get(field.name) ?? object.name.replace(/__c$/, 's')}__r`
        : STANDARD_CHILD_NAMES[`${object.name}.${field.name}`];
      if (!childName) {
        continue;
      }
      for (const parentName of field.referenceTo) {
        const relationship: ChildRelationship = {
          childObject: object.name,
          field: field.name,
          relationshipName: childName,
          cascadeDelete: custom?.cascadeDeletes.has(field.name) ?? false,
        };
        schema.objects.get(parentName.toLowerCase())?.childRelationships?.push(relationship);
      }
    }
  }
  return schema;
}
