// Reads force-app the way a deploy sees it: @salesforce/source-deploy-retrieve converts the
// source to Metadata API format, then the XML is parsed into the small model the cross-reference
// checks read. Converting first means a file SDR cannot place fails here, not in a customer's org.
import { mkdtempSync, readFileSync, readdirSync, existsSync } from 'node:fs';
/* eslint-disable @typescript-eslint/no-explicit-any -- parsed XML has no static type; the checks read it defensively */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ComponentSet, MetadataConverter } from '@salesforce/source-deploy-retrieve';
import { XMLParser } from 'fast-xml-parser';

export interface FieldMetadata {
  object: string;
  name: string;
  type: string;
  required: boolean;
  externalId: boolean;
  unique: boolean;
  trackHistory: boolean;
  inlineHelpText?: string;
  description?: string;
  restrictedPicklist?: boolean;
}

export interface ObjectMetadata {
  name: string;
  enableHistory: boolean;
  fields: Map<string, FieldMetadata>;
  compactLayouts: { name: string; fields: string[] }[];
  listViews: { name: string; columns: string[]; filterFields: string[] }[];
}

export interface ObjectPermission {
  object: string;
  read: boolean;
  create: boolean;
  edit: boolean;
  delete: boolean;
  viewAll: boolean;
  modifyAll: boolean;
}

export interface PermissionSetMetadata {
  name: string;
  fields: { field: string; readable: boolean; editable: boolean }[];
  objects: string[];
  objectPermissions: ObjectPermission[];
  /** Names of the enabled user permissions (EditTask, ...). */
  userPermissions: string[];
  tabs: string[];
  applications: string[];
}

export interface LayoutMetadata {
  name: string;
  object: string;
  fields: string[];
  /** Field name to layout behaviour (Edit, Required, Readonly). */
  behaviours: Map<string, string>;
}

export interface TabMetadata {
  name: string;
  /** The custom object the tab shows, when it is an object tab. */
  customObject: boolean;
}

export interface ApplicationMetadata {
  name: string;
  tabs: string[];
}

export interface ForceAppMetadata {
  /** The custom objects force-app defines. */
  objects: Map<string, ObjectMetadata>;
  /** Standard objects force-app adds custom fields to (e.g. Lead), with those fields only. */
  standardObjects: Map<string, ObjectMetadata>;
  permissionSets: PermissionSetMetadata[];
  layouts: LayoutMetadata[];
  tabs: TabMetadata[];
  applications: ApplicationMetadata[];
  labels: Set<string>;
}

const ALWAYS_ARRAYS = new Set([
  'fields',
  'fieldPermissions',
  'objectPermissions',
  'compactLayouts',
  'listViews',
  'columns',
  'filters',
  'layoutSections',
  'layoutColumns',
  'layoutItems',
  'labels',
  'value',
  'tabSettings',
  'userPermissions',
  'applicationVisibilities',
  'tabs',
]);
const parser = new XMLParser({ isArray: (name) => ALWAYS_ARRAYS.has(name), parseTagValue: false });

const isTrue = (value: unknown): boolean => String(value) === 'true';
const list = <T>(value: T[] | undefined): T[] => value ?? [];

function parse(file: string): Record<string, any> {
  return parser.parse(readFileSync(file, 'utf8'));
}

function filesIn(dir: string, suffix: string): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith(suffix)) : [];
}

/** Converts a force-app folder to Metadata API format in a temp folder; returns that folder. */
export async function convertToMetadataFormat(forceAppDir: string): Promise<string> {
  const outputDir = mkdtempSync(join(tmpdir(), 'social-bridge-mdapi-'));
  const components = ComponentSet.fromSource(forceAppDir);
  await new MetadataConverter().convert(components, 'metadata', {
    type: 'directory',
    outputDirectory: outputDir,
    genUniqueDir: false,
  });
  return outputDir;
}

function readObject(file: string, name: string): ObjectMetadata {
  const xml = parse(file).CustomObject ?? {};
  const fields = new Map<string, FieldMetadata>();
  for (const field of list<any>(xml.fields)) {
    fields.set(field.fullName, {
      object: name,
      name: field.fullName,
      type: field.type,
      required: isTrue(field.required),
      externalId: isTrue(field.externalId),
      unique: isTrue(field.unique),
      trackHistory: isTrue(field.trackHistory),
      inlineHelpText: field.inlineHelpText,
      description: field.description,
      restrictedPicklist: field.type === 'Picklist' ? isTrue(field.valueSet?.restricted) : undefined,
    });
  }
  return {
    name,
    enableHistory: isTrue(xml.enableHistory),
    fields,
    compactLayouts: list<any>(xml.compactLayouts).map((layout) => ({
      name: layout.fullName,
      fields: list<string>(layout.fields),
    })),
    listViews: list<any>(xml.listViews).map((view) => ({
      name: view.fullName,
      columns: list<string>(view.columns),
      filterFields: list<any>(view.filters).map((filter) => filter.field),
    })),
  };
}

/** Converts force-app and reads the parts the cross-reference checks need. */
export async function readForceApp(forceAppDir: string): Promise<ForceAppMetadata> {
  const mdapi = await convertToMetadataFormat(forceAppDir);
  const objects = new Map<string, ObjectMetadata>();
  const standardObjects = new Map<string, ObjectMetadata>();
  for (const file of filesIn(join(mdapi, 'objects'), '.object')) {
    const name = file.replace(/\.object$/, '');
    (name.endsWith('__c') ? objects : standardObjects).set(name, readObject(join(mdapi, 'objects', file), name));
  }
  const permissionSets = filesIn(join(mdapi, 'permissionsets'), '.permissionset').map((file) => {
    const xml = parse(join(mdapi, 'permissionsets', file)).PermissionSet ?? {};
    return {
      name: file.replace(/\.permissionset$/, ''),
      fields: list<any>(xml.fieldPermissions).map((permission) => ({
        field: permission.field,
        readable: isTrue(permission.readable),
        editable: isTrue(permission.editable),
      })),
      objects: list<any>(xml.objectPermissions).map((permission) => permission.object),
      objectPermissions: list<any>(xml.objectPermissions).map((permission) => ({
        object: permission.object,
        read: isTrue(permission.allowRead),
        create: isTrue(permission.allowCreate),
        edit: isTrue(permission.allowEdit),
        delete: isTrue(permission.allowDelete),
        viewAll: isTrue(permission.viewAllRecords),
        modifyAll: isTrue(permission.modifyAllRecords),
      })),
      userPermissions: list<any>(xml.userPermissions)
        .filter((permission) => permission.enabled === 'true')
        .map((permission) => String(permission.name)),
      tabs: list<any>(xml.tabSettings).map((setting) => setting.tab),
      applications: list<any>(xml.applicationVisibilities).map((visibility) => visibility.application),
    };
  });
  const layouts = filesIn(join(mdapi, 'layouts'), '.layout').map((file) => {
    const name = file.replace(/\.layout$/, '');
    const xml = parse(join(mdapi, 'layouts', file)).Layout ?? {};
    const items = list<any>(xml.layoutSections)
      .flatMap((section) => list<any>(section.layoutColumns))
      .flatMap((column) => list<any>(column.layoutItems))
      .filter((item) => typeof item.field === 'string');
    return {
      name,
      object: name.split('-')[0] as string,
      fields: items.map((item) => item.field as string),
      behaviours: new Map(items.map((item) => [item.field as string, String(item.behavior)])),
    };
  });
  const tabs = filesIn(join(mdapi, 'tabs'), '.tab').map((file) => ({
    name: file.replace(/\.tab$/, ''),
    customObject: isTrue(parse(join(mdapi, 'tabs', file)).CustomTab?.customObject),
  }));
  const applications = filesIn(join(mdapi, 'applications'), '.app').map((file) => ({
    name: file.replace(/\.app$/, ''),
    tabs: list<string>(parse(join(mdapi, 'applications', file)).CustomApplication?.tabs),
  }));
  const labels = new Set<string>();
  for (const file of filesIn(join(mdapi, 'labels'), '.labels')) {
    for (const label of list<any>(parse(join(mdapi, 'labels', file)).CustomLabels?.labels)) {
      labels.add(label.fullName);
    }
  }
  return { objects, standardObjects, permissionSets, layouts, tabs, applications, labels };
}
