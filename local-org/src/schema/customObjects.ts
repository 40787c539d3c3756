// Reads custom objects from force-app's source-format metadata (CustomObject and CustomField XML),
// so the local org's schema is exactly what a deploy would create.

import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { defineField, labelFromName, systemField } from './fieldDefinition.js';
import { systemFields } from './standardObjects.js';
import type { FieldSchema, FieldType, PicklistValue } from './model.js';

type Xml = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: true,
  isArray: (name) => name === 'value' || name === 'referenceTo',
});

/** A custom object as read from XML, before key prefixes are assigned. */
export interface CustomObjectDefinition {
  name: string;
  label: string;
  labelPlural: string;
  fields: FieldSchema[];
  /** Lookup fields with the child relationship name they give their parent, e.g. `Interactions`. */
  childRelationshipNames: Map<string, string>;
  cascadeDeletes: Set<string>;
}

export function readCustomObjects(objectsDir: string): CustomObjectDefinition[] {
  if (!existsSync(objectsDir)) {
    return [];
  }
  return readdirSync(objectsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name.endsWith('__c'))
    .map((entry) => readCustomObject(join(objectsDir, entry.name), entry.name))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Custom fields force-app adds to standard objects (objects/Lead/fields/*.field-meta.xml), by object
 * name: a deploy creates them on the org's own Lead, so the local org's Lead has them too.
 */
export function readStandardObjectFields(objectsDir: string): Map<string, FieldSchema[]> {
  const byObject = new Map<string, FieldSchema[]>();
  if (!existsSync(objectsDir)) return byObject;
  for (const entry of readdirSync(objectsDir, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name.endsWith('__c')) continue;
    const fieldsDir = join(objectsDir, entry.name, 'fields');
    if (!existsSync(fieldsDir)) continue;
    const files = readdirSync(fieldsDir)
      .filter((file) => file.endsWith('.field-meta.xml'))
      .sort();
    byObject.set(
      entry.name,
      files.map((file) => customField(readXml(join(fieldsDir, file), 'CustomField'), join(fieldsDir, file))),
    );
  }
  return byObject;
}

function readXml(file: string, root: string): Xml {
  const parsed = parser.parse(readFileSync(file, 'utf8')) as Xml;
  const element = parsed[root];
  if (!element || typeof element !== 'object') {
    throw new Error(`${file}: expected a <${root}> root element. Fix the file or remove it from force-app.`);
  }
  return element as Xml;
}

function readCustomObject(dir: string, name: string): CustomObjectDefinition {
  const objectFile = join(dir, `${name}.object-meta.xml`);
  const object = existsSync(objectFile) ? readXml(objectFile, 'CustomObject') : {};
  const nameFieldXml = (object.nameField ?? {}) as Xml;
  const fields: FieldSchema[] = [...systemFields({ owned: true }), nameField(nameFieldXml)];
  const childRelationshipNames = new Map<string, string>();
  const cascadeDeletes = new Set<string>();
  const fieldsDir = join(dir, 'fields');
  const fieldFiles = existsSync(fieldsDir)
    ? readdirSync(fieldsDir)
        .filter((file) => file.endsWith('.field-meta.xml'))
        .sort()
    : [];
  for (const file of fieldFiles) {
    const path = join(fieldsDir, file);
    const xml = readXml(path, 'CustomField');
    const field = customField(xml, path);
    fields.push(field);
    if (field.type === 'reference') {
      childRelationshipNames.set(field.name, text(xml.relationshipName) ?? `${name.replace(/__c$/, '')}s`);
      if (text(xml.type) === 'MasterDetail' || text(xml.deleteConstraint) === 'Cascade') {
        cascadeDeletes.add(field.name);
      }
    }
  }
  return {
    name,
    label: text(object.label) ?? labelFromName(name),
    labelPlural: text(object.pluralLabel) ?? `${labelFromName(name)}s`,
    fields,
    childRelationshipNames,
    cascadeDeletes,
  };
}

function nameField(xml: Xml): FieldSchema {
  const label = text(xml.label) ?? 'Name';
  if (text(xml.type) === 'AutoNumber') {
    return systemField('Name', 'string', {
      label,
      length: 80,
      autoNumber: true,
      nameField: true,
      displayFormat: text(xml.displayFormat) ?? '{0}',
    });
  }
  return defineField('Name', 'string', { label, length: 80, nameField: true });
}

const TYPES: Record<string, FieldType> = {
  Text: 'string',
  TextArea: 'textarea',
  LongTextArea: 'textarea',
  Html: 'textarea',
  Url: 'url',
  Email: 'email',
  Phone: 'phone',
  Number: 'double',
  Currency: 'currency',
  Percent: 'percent',
  Checkbox: 'boolean',
  Picklist: 'picklist',
  Date: 'date',
  DateTime: 'datetime',
  Lookup: 'reference',
  MasterDetail: 'reference',
  AutoNumber: 'string',
};

function customField(xml: Xml, path: string): FieldSchema {
  const name = text(xml.fullName);
  const xmlType = text(xml.type);
  if (!name || !xmlType) {
    throw new Error(`${path}: a CustomField needs <fullName> and <type>.`);
  }
  const type = TYPES[xmlType];
  if (!type) {
    throw new Error(
      `${path}: field type ${xmlType} is not supported by the local org (supported: ${Object.keys(TYPES).join(', ')}). ` +
        'Use a supported type or extend local-org/src/schema/customObjects.ts.',
    );
  }
  const required = text(xml.required) === 'true' || xmlType === 'MasterDetail';
  const common = {
    label: text(xml.label) ?? labelFromName(name),
    inlineHelpText: text(xml.inlineHelpText),
    nillable: !required && type !== 'boolean',
    unique: text(xml.unique) === 'true',
    externalId: text(xml.externalId) === 'true',
    caseSensitive: text(xml.caseSensitive) === 'true',
  };
  const length = Number(text(xml.length) ?? (xmlType === 'TextArea' ? 255 : xmlType === 'Text' ? 255 : 0));
  switch (type) {
    case 'double':
    case 'currency':
    case 'percent':
      return defineField(name, type, {
        ...common,
        precision: Number(text(xml.precision) ?? 18),
        scale: Number(text(xml.scale) ?? 0),
        defaultValue: parseDefault(text(xml.defaultValue)),
      });
    case 'boolean':
      return defineField(name, type, { ...common, defaultValue: parseDefault(text(xml.defaultValue)) === true });
    case 'picklist':
      return defineField(name, type, { ...common, ...picklistOf(xml) });
    case 'reference': {
      const referenceTo = (xml.referenceTo as unknown[] | undefined)?.map((value) => String(value)) ?? [];
      return defineField(name, type, {
        ...common,
        referenceTo,
        relationshipName: name.replace(/__c$/, '__r'),
        // Master-detail children cannot be reparented unless the metadata allows it.
        updateable: xmlType !== 'MasterDetail' || text(xml.reparentableMasterDetail) === 'true',
      });
    }
    case 'string':
      if (xmlType === 'AutoNumber') {
        return systemField(name, type, {
          ...common,
          nillable: true,
          length: 30,
          autoNumber: true,
          displayFormat: text(xml.displayFormat),
        });
      }
      return defineField(name, type, {
        ...common,
        length,
        idLookup: common.externalId || common.unique,
        defaultValue: parseDefault(text(xml.defaultValue)),
      });
    default:
      return defineField(name, type, {
        ...common,
        ...(length ? { length } : {}),
        defaultValue: parseDefault(text(xml.defaultValue)),
      });
  }
}

function picklistOf(xml: Xml): Partial<FieldSchema> {
  const valueSet = (xml.valueSet ?? {}) as Xml;
  const definition = (valueSet.valueSetDefinition ?? {}) as Xml;
  const values = ((definition.value as Xml[] | undefined) ?? []).map((value): PicklistValue => ({
    value: text(value.fullName) ?? '',
    label: text(value.label) ?? text(value.fullName) ?? '',
    active: text(value.isActive) !== 'false',
    defaultValue: text(value.default) === 'true',
  }));
  const defaultEntry = values.find((value) => value.defaultValue);
  return {
    picklistValues: values,
    restrictedPicklist: text(valueSet.restricted) === 'true',
    ...(defaultEntry ? { defaultValue: defaultEntry.value } : {}),
  };
}

/** Field defaults are formulas; the local org understands the literal ones. */
function parseDefault(formula: string | undefined): string | number | boolean | undefined {
  if (formula === undefined) {
    return undefined;
  }
  if (/^(true|false)$/i.test(formula)) {
    return formula.toLowerCase() === 'true';
  }
  if (/^-?\d+(\.\d+)?$/.test(formula)) {
    return Number(formula);
  }
  const quoted = /^"(.*)"$/s.exec(formula) ?? /^'(.*)'$/s.exec(formula);
  return quoted ? quoted[1] : undefined;
}

function text(value: unknown): string | undefined {
  if (value === undefined || value === null || value === '') {
    return undefined;
  }
  return String(value);
}
