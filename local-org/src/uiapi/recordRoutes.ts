// UI API record resources for lightning/uiRecordApi: create (POST /ui-api/records), read
// (GET /ui-api/records/{id}?fields=&optionalFields=), update (PATCH) and delete. Writes go through
// the store's create/update/delete, so validation matches every other surface; failures come back
// as UI API record errors.

import { toId18 } from '../data/ids.js';
import { checkPreconditions } from '../rest/conditionalRequest.js';
import { findObject } from '../schema/model.js';
import type { OrgContext, Route, RouteRequest, RouteResponse } from '../http/route.js';
import { allFieldPaths, readFieldList, recordRepresentation } from './recordRepresentation.js';
import { readJsonObject } from './requestBody.js';
import { recordSaveError, uiApiError } from './uiApiErrors.js';

const RECORDS = /^\/services\/data\/v(?<version>\d+\.\d)\/ui-api\/records\/?$/;
const RECORD = /^\/services\/data\/v(?<version>\d+\.\d)\/ui-api\/records\/(?<recordId>[^/]+)\/?$/;

const notFound = (id: string): RouteResponse =>
  uiApiError(404, 'NOT_FOUND', `The requested resource does not exist: no record with id ${id}.`);

function fieldsObject(body: Record<string, unknown>): Record<string, unknown> | undefined {
  const fields = body.fields;
  return fields && typeof fields === 'object' && !Array.isArray(fields)
    ? (fields as Record<string, unknown>)
    : undefined;
}

function saved(ctx: OrgContext, id: string, status: number): RouteResponse {
  const found = ctx.store.get(id)!;
  const object = findObject(ctx.store.schema, found.objectName)!;
  return { status, body: recordRepresentation(ctx.store, object, found.record, allFieldPaths(object)) };
}

function createRecord(request: RouteRequest, ctx: OrgContext): RouteResponse {
  const parsed = readJsonObject(request);
  if (!parsed.ok) {
    return parsed.response;
  }
  const apiName = parsed.body.apiName;
  const fields = fieldsObject(parsed.body);
  if (typeof apiName !== 'string' || !fields) {
    return uiApiError(
      400,
      'INVALID_INPUT',
      'The body must be { "apiName": "<object API name>", "fields": { "<Field>": <value>, ... } }.',
    );
  }
  const object = findObject(ctx.store.schema, apiName);
  if (!object) {
    return uiApiError(
      400,
      'INVALID_TYPE',
      `Object ${apiName} is not supported in UI API. Check the object's API name in force-app.`,
    );
  }
  const result = ctx.store.create(object.name, fields);
  return result.success ? saved(ctx, result.id, 201) : recordSaveError(object, result.errors);
}

function readRecord(request: RouteRequest, ctx: OrgContext): RouteResponse {
  const id = request.params.recordId ?? '';
  const found = toId18(id) ? ctx.store.get(id) : undefined;
  if (!found) {
    return notFound(id);
  }
  const object = findObject(ctx.store.schema, found.objectName)!;
  const required = readFieldList(ctx.store, object, request.query.get('fields'));
  if (required.unknown.length > 0) {
    return uiApiError(
      400,
      'INVALID_FIELD',
      `Unknown field(s) for ${object.name} in 'fields': ${required.unknown.join(', ')}. Name them as ${object.name}.Field__c as in force-app.`,
    );
  }
  const optional = readFieldList(ctx.store, object, request.query.get('optionalFields'));
  const paths = [...required.paths, ...optional.paths];
  const everything = !request.query.has('fields') && !request.query.has('optionalFields');
  return {
    status: 200,
    body: recordRepresentation(ctx.store, object, found.record, everything ? allFieldPaths(object) : paths),
  };
}

function updateRecord(request: RouteRequest, ctx: OrgContext): RouteResponse {
  const id = request.params.recordId ?? '';
  const found = toId18(id) ? ctx.store.get(id) : undefined;
  if (!found) {
    return notFound(id);
  }
  const parsed = readJsonObject(request);
  if (!parsed.ok) {
    return parsed.response;
  }
  const fields = fieldsObject(parsed.body);
  if (!fields) {
    return uiApiError(400, 'INVALID_INPUT', 'The body must be { "fields": { "<Field>": <value>, ... } }.');
  }
  // updateRecord's clientOptions.ifUnmodifiedSince arrives as If-Unmodified-Since: a record changed
  // since then is not written (412), so a second rep never overwrites the first one's change.
  checkPreconditions(request, found.record);
  const object = findObject(ctx.store.schema, found.objectName)!;
  const result = ctx.store.update(object.name, id, fields);
  return result.success ? saved(ctx, result.id, 200) : recordSaveError(object, result.errors);
}

function deleteRecord(request: RouteRequest, ctx: OrgContext): RouteResponse {
  const id = request.params.recordId ?? '';
  const found = toId18(id) ? ctx.store.get(id) : undefined;
  if (!found) {
    return notFound(id);
  }
  const result = ctx.store.delete(id);
  return result.success
    ? { status: 204 }
    : recordSaveError(findObject(ctx.store.schema, found.objectName), result.errors);
}

export const recordRoutes: Route[] = [
  { method: 'POST', pattern: RECORDS, handle: createRecord },
  { method: 'GET', pattern: RECORD, handle: readRecord },
  { method: 'PATCH', pattern: RECORD, handle: updateRecord },
  { method: 'DELETE', pattern: RECORD, handle: deleteRecord },
];
