// Describe resources: the global sObject list and per-object describes with the field attributes sf,
// jsforce and SDR read (type, length, nillable, createable, referenceTo, picklistValues, ...).

import type { ObjectPermission } from '../access/permissionSets.js';
import type { OrgContext, Route } from '../http/route.js';
import { ApiError, notFound } from '../http/apiError.js';
import { findObject, type FieldSchema, type ObjectSchema } from '../schema/model.js';
import { apiVersion, dataRoute } from './paths.js';

const SOAP_TYPES: Record<string, string> = {
  id: 'tns:ID',
  reference: 'tns:ID',
  boolean: 'xsd:boolean',
  double: 'xsd:double',
  currency: 'xsd:double',
  percent: 'xsd:double',
  int: 'xsd:int',
  date: 'xsd:date',
  datetime: 'xsd:dateTime',
};

/** Objects the running user may only read (as in a real org without setup rights). */
const READ_ONLY_OBJECTS = new Set(['user', 'organization']);

export function objectOrNotFound(ctx: OrgContext, name: string | undefined): ObjectSchema {
  const object = name ? findObject(ctx.store.schema, name) : undefined;
  if (!object) {
    throw notFound();
  }
  return object;
}

function objectUrls(version: string, object: ObjectSchema): Record<string, string> {
  const base = `/services/data/v${version}/sobjects/${object.name}`;
  return {
    compactLayouts: `${base}/describe/compactLayouts`,
    rowTemplate: `${base}/{ID}`,
    describe: `${base}/describe`,
    sobject: base,
    layouts: `${base}/describe/layouts`,
    defaultValues: `${base}/defaultValues?recordTypeId&fields`,
  };
}

export function describeField(field: FieldSchema): Record<string, unknown> {
  const text = !['boolean', 'double', 'int', 'currency', 'percent', 'date', 'datetime'].includes(field.type);
  const system = !field.createable && !field.updateable;
  return {
    aggregatable: !(field.type === 'textarea' && field.length > 255),
    autoNumber: field.autoNumber,
    byteLength: text ? field.length * 3 : 0,
    calculated: false,
    calculatedFormula: null,
    cascadeDelete: false,
    caseSensitive: field.caseSensitive,
    compoundFieldName: null,
    controllerName: null,
    createable: field.createable,
    custom: field.name.endsWith('__c'),
    defaultValue: field.defaultValue ?? null,
    defaultValueFormula: null,
    defaultedOnCreate:
      system ||
      field.autoNumber ||
      field.type === 'boolean' ||
      field.name === 'OwnerId' ||
      (field.defaultValue !== undefined && field.defaultValue !== null),
    dependentPicklist: false,
    deprecatedAndHidden: false,
    digits: field.type === 'int' ? field.precision : 0,
    displayLocationInDecimal: false,
    encrypted: false,
    externalId: field.externalId,
    extraTypeInfo: field.type === 'textarea' && field.length > 255 ? 'plaintextarea' : null,
    filterable: !(field.type === 'textarea' && field.length > 255),
    filteredLookupInfo: null,
    groupable: !['textarea', 'double', 'datetime', 'currency', 'percent'].includes(field.type),
    highScaleNumber: false,
    htmlFormatted: false,
    idLookup: field.idLookup,
    inlineHelpText: field.inlineHelpText ?? null,
    label: field.label,
    length:
      text && field.type !== 'id' && field.type !== 'reference'
        ? field.length
        : field.type === 'id' || field.type === 'reference'
          ? 18
          : 0,
    mask: null,
    maskType: null,
    name: field.name,
    nameField: field.nameField,
    namePointing: field.referenceTo.length > 1,
    nillable: field.nillable,
    permissionable: field.nillable && !system,
    picklistValues: field.picklistValues.map((entry) => ({
      active: entry.active,
      defaultValue: entry.defaultValue,
      label: entry.label,
      validFor: null,
      value: entry.value,
    })),
    polymorphicForeignKey: field.referenceTo.length > 1,
    precision: field.type === 'int' ? 0 : field.precision,
    queryByDistance: false,
    referenceTargetField: null,
    referenceTo: field.referenceTo,
    relationshipName: field.relationshipName ?? null,
    relationshipOrder: null,
    restrictedDelete: false,
    restrictedPicklist: field.restrictedPicklist,
    scale: field.scale,
    searchPrefilterable: field.type === 'reference',
    soapType: SOAP_TYPES[field.type] ?? 'xsd:string',
    sortable: !(field.type === 'textarea' && field.length > 255),
    type: field.type,
    unique: field.unique,
    updateable: field.updateable,
    writeRequiresMasterRead: false,
  };
}

/** Object-level flags; `permission` narrows them to what the signed-in user may do (object CRUD). */
function objectFlags(object: ObjectSchema, permission?: ObjectPermission): Record<string, unknown> {
  const writable = !READ_ONLY_OBJECTS.has(object.name.toLowerCase());
  const may = permission ?? { read: true, create: true, edit: true, delete: true };
  return {
    activateable: false,
    createable: writable && may.create,
    custom: object.custom,
    customSetting: false,
    deepCloneable: false,
    deletable: writable && may.delete,
    deprecatedAndHidden: false,
    feedEnabled: false,
    hasSubtypes: false,
    isInterface: false,
    isSubtype: false,
    keyPrefix: object.keyPrefix,
    label: object.label,
    labelPlural: object.labelPlural,
    layoutable: true,
    mergeable: false,
    mruEnabled: true,
    name: object.name,
    queryable: true,
    replicateable: true,
    retrieveable: true,
    searchable: true,
    triggerable: true,
    undeletable: writable && may.delete,
    updateable: writable && may.edit,
  };
}

export function describeObject(
  object: ObjectSchema,
  version: string,
  permission?: ObjectPermission,
): Record<string, unknown> {
  return {
    ...objectFlags(object, permission),
    actionOverrides: [],
    childRelationships: (object.childRelationships ?? []).map((relationship) => ({
      cascadeDelete: relationship.cascadeDelete,
      childSObject: relationship.childObject,
      deprecatedAndHidden: false,
      field: relationship.field,
      junctionIdListNames: [],
      junctionReferenceTo: [],
      relationshipName: relationship.relationshipName,
      restrictedDelete: false,
    })),
    compactLayoutable: true,
    fields: [...object.fields.values()].map(describeField),
    namedLayoutInfos: [],
    networkScopeFieldName: null,
    recordTypeInfos: [],
    searchLayoutable: true,
    sobjectDescribeOption: 'FULL',
    supportedScopes: [{ label: 'All records', name: 'everything' }],
    urls: objectUrls(version, object),
  };
}

export function describeRoutes(): Route[] {
  return [
    dataRoute('GET', '/sobjects', (request, ctx) => ({
      status: 200,
      body: {
        encoding: 'UTF-8',
        maxBatchSize: 200,
        sobjects: [...ctx.store.schema.objects.values()].map((object) => ({
          ...objectFlags(object, ctx.access?.objectPermission(object.name)),
          urls: objectUrls(apiVersion(request), object),
        })),
      },
    })),
    dataRoute('GET', '/sobjects/(?<object>\\w+)/describe', (request, ctx) => {
      const object = objectOrNotFound(ctx, request.params.object);
      return {
        status: 200,
        body: describeObject(object, apiVersion(request), ctx.access?.objectPermission(object.name)),
      };
    }),
    dataRoute('GET', '/sobjects/(?<object>\\w+)', (request, ctx) => {
      const object = objectOrNotFound(ctx, request.params.object);
      const recent = ctx.store.list(object.name).slice(-5).reverse();
      return {
        status: 200,
        body: {
          objectDescribe: {
            ...objectFlags(object, ctx.access?.objectPermission(object.name)),
            urls: objectUrls(apiVersion(request), object),
          },
          recentItems: recent.map((record) => ({
            attributes: {
              type: object.name,
              url: `/services/data/v${apiVersion(request)}/sobjects/${object.name}/${record.Id}`,
            },
            Id: record.Id,
            Name: record.Name ?? null,
          })),
        },
      };
    }),
  ];
}

export function unsupportedObject(name: string): ApiError {
  return new ApiError(
    400,
    'INVALID_TYPE',
    `sObject type '${name}' is not supported. Custom objects end with __c; the local org knows force-app's objects and User, Organization, Account, Contact, Lead, Case, Task.`,
  );
}
