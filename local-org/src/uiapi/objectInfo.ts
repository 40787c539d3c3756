// GET /services/data/vXX.X/ui-api/object-info/{objectApiName} (and the directory at /object-info):
// what lightning/uiObjectInfoApi's getObjectInfo/getObjectInfos hand to components, for the
// signed-in user. Object-level createable/updateable/deletable/queryable come from the user's object
// CRUD; `fields` holds only the fields the user can read, each with createable/updateable narrowed by
// field-level security, as the UI API documents ("Object Info" and "Field" response bodies, User
// Interface API Developer Guide,
// https://developer.salesforce.com/docs/atlas.en-us.uiapi.meta/uiapi/ui_api_responses_object_info.htm;
// an object the user cannot access is not in the directory
// https://developer.salesforce.com/docs/atlas.en-us.uiapi.meta/uiapi/ui_api_resources_object_info_directory.htm).
// A subset: no layouts, record type infos carry only the master record type, no theme colours.

import { createHash } from 'node:crypto';
import type { OrgContext, Route, RouteRequest, RouteResponse } from '../http/route.js';
import { findField, findObject, type FieldSchema, type FieldType, type ObjectSchema } from '../schema/model.js';
import { isFilterable } from './valueTypes.js';
import { uiApiError } from './uiApiErrors.js';

const OBJECT_INFO = /^\/services\/data\/v(?<version>\d+\.\d)\/ui-api\/object-info\/(?<objectApiName>[^/]+)\/?$/;
const DIRECTORY = /^\/services\/data\/v(?<version>\d+\.\d)\/ui-api\/object-info\/?$/;
const BATCH = /^\/services\/data\/v(?<version>\d+\.\d)\/ui-api\/object-info\/batch\/(?<objectApiNames>[^/]+)\/?$/;

const DATA_TYPES: Record<FieldType, string> = {
  id: 'String',
  string: 'String',
  textarea: 'TextArea',
  url: 'Url',
  email: 'Email',
  phone: 'Phone',
  picklist: 'Picklist',
  boolean: 'Boolean',
  double: 'Double',
  int: 'Int',
  currency: 'Currency',
  percent: 'Percent',
  date: 'Date',
  datetime: 'DateTime',
  reference: 'Reference',
};

/** The master record type's id, which the UI API reports when an object has no other record types. */
const MASTER_RECORD_TYPE = '012000000000000AAA';

/** The parts of a person's compound Name (Contact, Lead, User): each names its part and the Name it makes. */
const NAME_PARTS = new Set(['Salutation', 'FirstName', 'MiddleName', 'LastName', 'Suffix']);

/** Whether the object's Name is the compound of the person name parts (read-only, built from them). */
function hasCompoundName(object: ObjectSchema): boolean {
  const name = findField(object, 'Name');
  return name !== undefined && !name.createable && !name.updateable && name.nameField;
}

function fieldInfo(field: FieldSchema, compoundName: boolean): Record<string, unknown> {
  // Field response body: a component of a compound field names its component and the compound field.
  const namePart = compoundName && NAME_PARTS.has(field.name);
  return {
    apiName: field.name,
    calculated: false,
    compound: compoundName && field.name === 'Name',
    compoundComponentName: namePart ? field.name : null,
    compoundFieldName: namePart ? 'Name' : null,
    controllerName: null,
    controllingFields: [],
    createable: field.createable,
    custom: field.name.endsWith('__c'),
    dataType: DATA_TYPES[field.type],
    externalId: field.externalId,
    extraTypeInfo: field.type === 'textarea' && field.length > 255 ? 'PlainTextArea' : null,
    filterable: isFilterable(field),
    filteredLookupInfo: null,
    highScaleNumber: false,
    htmlFormatted: false,
    inlineHelpText: field.inlineHelpText ?? null,
    label: field.label,
    length: field.length,
    nameField: field.nameField,
    polymorphicForeignKey: field.referenceTo.length > 1,
    precision: field.precision,
    reference: field.type === 'reference',
    referenceTargetField: null,
    referenceToInfos: field.referenceTo.map((apiName) => ({ apiName, nameFields: ['Name'] })),
    relationshipName: field.relationshipName ?? null,
    required: !field.nillable && field.createable && field.defaultValue === undefined && field.type !== 'boolean',
    scale: field.scale,
    searchPrefilterable: false,
    sortable: isFilterable(field),
    unique: field.unique,
    updateable: field.updateable,
  };
}

export function objectInfo(ctx: OrgContext, object: ObjectSchema): Record<string, unknown> {
  const permission = ctx.access?.objectPermission(object.name) ?? {
    read: true,
    create: true,
    edit: true,
    delete: true,
  };
  const compoundName = hasCompoundName(object);
  const fields = Object.fromEntries(
    [...object.fields.values()].map((field) => [field.name, fieldInfo(field, compoundName)]),
  );
  const info: Record<string, unknown> = {
    apiName: object.name,
    associateEntityType: null,
    associateParentEntity: null,
    childRelationships: (object.childRelationships ?? []).map((relationship) => ({
      childObjectApiName: relationship.childObject,
      fieldName: relationship.field,
      junctionIdListNames: [],
      junctionReferenceTo: [],
      relationshipName: relationship.relationshipName,
    })),
    compactLayoutable: true,
    createable: permission.create,
    custom: object.custom,
    defaultRecordTypeId: MASTER_RECORD_TYPE,
    deletable: permission.delete,
    dependentFields: {},
    feedEnabled: false,
    fields,
    keyPrefix: object.keyPrefix,
    label: object.label,
    labelPlural: object.labelPlural,
    layoutable: true,
    mruEnabled: true,
    nameFields: [...object.fields.values()].filter((field) => field.nameField).map((field) => field.name),
    queryable: permission.read,
    recordTypeInfos: {
      [MASTER_RECORD_TYPE]: {
        available: true,
        defaultRecordTypeMapping: true,
        master: true,
        name: 'Master',
        recordTypeId: MASTER_RECORD_TYPE,
      },
    },
    searchLayoutable: true,
    searchable: permission.read,
    themeInfo: null,
    updateable: permission.edit,
  };
  // Object Info carries an eTag, which changes when the metadata (or this user's access) does: a hash
  // of the answer itself has exactly that property.
  return { ...info, eTag: createHash('md5').update(JSON.stringify(info)).digest('hex') };
}

/** An object the user cannot read is, for the UI API, one it does not know. */
function unknownObject(name: string): RouteResponse {
  return uiApiError(
    404,
    'NOT_FOUND',
    `The requested resource does not exist: object ${name} is not supported or you do not have access to it.`,
  );
}

function getObjectInfo(request: RouteRequest, ctx: OrgContext): RouteResponse {
  const name = request.params.objectApiName ?? '';
  const object = findObject(ctx.store.schema, name);
  return object ? { status: 200, body: objectInfo(ctx, object) } : unknownObject(name);
}

/** GET /ui-api/object-info/batch/{names}: one entry per object, each 200 or its own error. */
function getObjectInfos(request: RouteRequest, ctx: OrgContext): RouteResponse {
  const names = (request.params.objectApiNames ?? '').split(',').filter(Boolean);
  const results = names.map((name) => {
    const object = findObject(ctx.store.schema, name);
    return object
      ? { result: objectInfo(ctx, object), statusCode: 200 }
      : { result: unknownObject(name).body, statusCode: 404 };
  });
  return { status: 200, body: { results } };
}

function directory(request: RouteRequest, ctx: OrgContext): RouteResponse {
  const base = `/services/data/v${request.params.version}/ui-api/object-info`;
  const objects = Object.fromEntries(
    [...ctx.store.schema.objects.values()].map((object) => [
      object.name,
      {
        apiName: object.name,
        keyPrefix: object.keyPrefix,
        label: object.label,
        labelPlural: object.labelPlural,
        nameFields: [...object.fields.values()].filter((field) => field.nameField).map((field) => field.name),
        objectInfoUrl: `${base}/${object.name}`,
      },
    ]),
  );
  return { status: 200, body: { objects } };
}

export const objectInfoRoutes: Route[] = [
  { method: 'GET', pattern: DIRECTORY, handle: directory },
  { method: 'GET', pattern: BATCH, handle: getObjectInfos },
  { method: 'GET', pattern: OBJECT_INFO, handle: getObjectInfo },
];
