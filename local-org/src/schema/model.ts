// The local org's schema: what describe returns and what writes, SOQL and GraphQL are checked
// against. Built from force-app's object and field XML plus built-in standard objects.

export type FieldType =
  | 'id'
  | 'string'
  | 'textarea'
  | 'url'
  | 'email'
  | 'phone'
  | 'picklist'
  | 'boolean'
  | 'double'
  | 'int'
  | 'currency'
  | 'percent'
  | 'date'
  | 'datetime'
  | 'reference';

export interface PicklistValue {
  value: string;
  label: string;
  active: boolean;
  defaultValue: boolean;
}

export interface FieldSchema {
  /** API name with its real case, e.g. `Contact__c`. */
  name: string;
  label: string;
  type: FieldType;
  /** Characters for text types (Long Text Area: its length, e.g. 32768). */
  length: number;
  precision: number;
  scale: number;
  nillable: boolean;
  createable: boolean;
  updateable: boolean;
  unique: boolean;
  caseSensitive: boolean;
  externalId: boolean;
  idLookup: boolean;
  autoNumber: boolean;
  /** Name field of the object (Name, or the auto number that stands for it). */
  nameField: boolean;
  /** Objects a reference field points at. */
  referenceTo: string[];
  /** `Contact__r` for `Contact__c`, `Account` for `AccountId`; undefined for non-references. */
  relationshipName?: string;
  picklistValues: PicklistValue[];
  restrictedPicklist: boolean;
  defaultValue?: string | number | boolean | null;
  inlineHelpText?: string;
  /** Auto-number display format, e.g. `SI-{00000000}`. */
  displayFormat?: string;
}

export interface ObjectSchema {
  name: string;
  label: string;
  labelPlural: string;
  /** Three-character id prefix, e.g. `003` for Contact. */
  keyPrefix: string;
  custom: boolean;
  /** Fields keyed by lower-case API name: Salesforce field names are case-insensitive. */
  fields: Map<string, FieldSchema>;
  /** Lookups on other objects that point here, e.g. Contact's `Social_Identities__r`. */
  childRelationships?: ChildRelationship[];
}

export interface ChildRelationship {
  /** The object holding the lookup, e.g. `Social_Identity__c`. */
  childObject: string;
  /** The lookup field on it, e.g. `Contact__c`. */
  field: string;
  /** Name used in SOQL subqueries and GraphQL, e.g. `Social_Identities__r`. */
  relationshipName: string;
  cascadeDelete: boolean;
}

export interface OrgSchema {
  /** Objects keyed by lower-case API name. */
  objects: Map<string, ObjectSchema>;
}

export function findObject(schema: OrgSchema, name: string): ObjectSchema | undefined {
  return schema.objects.get(name.toLowerCase());
}

export function findField(object: ObjectSchema, name: string): FieldSchema | undefined {
  return object.fields.get(name.toLowerCase());
}
