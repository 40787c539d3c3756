// Builds FieldSchema entries with Salesforce's defaults, so the standard-object table and the
// metadata reader only state what differs from an ordinary optional, editable field.

import type { FieldSchema, FieldType, PicklistValue } from './model.js';

export type FieldOptions = Partial<Omit<FieldSchema, 'name' | 'type'>>;

const DEFAULT_LENGTH: Partial<Record<FieldType, number>> = {
  id: 18,
  reference: 18,
  string: 255,
  textarea: 255,
  url: 255,
  email: 80,
  phone: 40,
  picklist: 255,
};

export function defineField(name: string, type: FieldType, options: FieldOptions = {}): FieldSchema {
  return {
    name,
    label: options.label ?? labelFromName(name),
    type,
    length: DEFAULT_LENGTH[type] ?? 0,
    precision: 0,
    scale: 0,
    nillable: true,
    createable: true,
    updateable: true,
    unique: false,
    caseSensitive: false,
    externalId: false,
    idLookup: false,
    autoNumber: false,
    nameField: false,
    referenceTo: [],
    picklistValues: [],
    restrictedPicklist: false,
    ...options,
  };
}

/** Read-only fields the platform fills in (system fields, formulas such as Contact.Name). */
export function systemField(name: string, type: FieldType, options: FieldOptions = {}): FieldSchema {
  return defineField(name, type, { createable: false, updateable: false, ...options });
}

export function picklist(values: string[], defaultValue?: string): PicklistValue[] {
  return values.map((value) => ({
    value,
    label: value.replace(/_/g, ' '),
    active: true,
    defaultValue: value === defaultValue,
  }));
}

/** `Link_Status__c` -> "Link Status", `AccountId` -> "Account ID". */
export function labelFromName(name: string): string {
  return name
    .replace(/__c$/, '')
    .replace(/_/g, ' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/\bId$/, 'ID');
}
