// sObject rows: create (POST), read (GET, ?fields=), update (PATCH), delete, and the same by an
// external id: GET/DELETE /sobjects/X/Field/value and upsert with PATCH /sobjects/X/Field/value.

import type { StoredRecord } from '../data/store.js';
import { ApiError, jsonObject, notFound } from '../http/apiError.js';
import type { OrgContext, Route, RouteRequest, RouteResponse } from '../http/route.js';
import { findField, type ObjectSchema } from '../schema/model.js';
import { recordUrl } from '../soql/query.js';
import { checkPreconditions } from './conditionalRequest.js';
import { objectOrNotFound } from './describe.js';
import { apiVersion, dataRoute } from './paths.js';
import { failedWrite } from './saveErrors.js';

/** From API 46.0 an upsert that updates answers 200 with a body; before, 204 without one. */
const UPSERT_BODY_SINCE = 46;

function bodyFields(request: RouteRequest): Record<string, unknown> {
  const { attributes: _attributes, ...fields } = jsonObject(request.body);
  return fields;
}

export function recordBody(
  object: ObjectSchema,
  record: StoredRecord,
  version: string,
  fieldList?: string | null,
): Record<string, unknown> {
  const names = fieldList
    ? fieldList.split(',').map((name) => {
        const field = findField(object, name.trim());
        if (!field) {
          throw new ApiError(
            400,
            'INVALID_FIELD',
            `No such column '${name.trim()}' on entity '${object.name}'. Check the spelling of the field name.`,
          );
        }
        return field.name;
      })
    : [...object.fields.values()].map((field) => field.name);
  const body: Record<string, unknown> = {
    attributes: { type: object.name, url: recordUrl(version, object.name, record.Id) },
  };
  for (const name of names) {
    body[name] = record[name] ?? null;
  }
  if (fieldList && !names.includes('Id')) {
    body.Id = record.Id;
  }
  return body;
}

function findRecord(ctx: OrgContext, object: ObjectSchema, id: string): StoredRecord {
  const found = ctx.store.get(id);
  if (found && found.objectName === object.name) {
    return found.record;
  }
  if (ctx.store.listDeleted(object.name).some((record) => record.Id.startsWith(id.slice(0, 15)))) {
    throw new ApiError(404, 'ENTITY_IS_DELETED', 'entity is deleted');
  }
  throw notFound();
}

/** The one record an external id names; several answer 300 with their URLs, as real orgs do. */
function byExternalId(
  ctx: OrgContext,
  object: ObjectSchema,
  fieldName: string,
  value: string,
  version: string,
): { record: StoredRecord } | { choices: RouteResponse } {
  const field = findField(object, fieldName);
  if (!field || !(field.externalId || field.idLookup)) {
    throw new ApiError(
      404,
      'NOT_FOUND',
      `Provided external ID field does not exist or is not accessible: ${fieldName}`,
    );
  }
  const matches = ctx.store.findByExternalId(object.name, field.name, value);
  if (matches.length > 1) {
    return { choices: { status: 300, body: matches.map((match) => recordUrl(version, object.name, match.Id)) } };
  }
  if (!matches[0]) {
    throw notFound();
  }
  return { record: matches[0] };
}

export function recordRoutes(): Route[] {
  return [
    dataRoute('POST', '/sobjects/(?<object>\\w+)', (request, ctx) => {
      const object = objectOrNotFound(ctx, request.params.object);
      const result = ctx.store.create(object.name, bodyFields(request));
      return result.success ? { status: 201, body: { id: result.id, success: true, errors: [] } } : failedWrite(result);
    }),
    dataRoute('GET', '/sobjects/(?<object>\\w+)/(?<id>[^/]+)', (request, ctx) => {
      const object = objectOrNotFound(ctx, request.params.object);
      const record = findRecord(ctx, object, request.params.id!);
      return { status: 200, body: recordBody(object, record, apiVersion(request), request.query.get('fields')) };
    }),
    dataRoute('PATCH', '/sobjects/(?<object>\\w+)/(?<id>[^/]+)', (request, ctx) => {
      const object = objectOrNotFound(ctx, request.params.object);
      const record = findRecord(ctx, object, request.params.id!);
      checkPreconditions(request, record);
      const result = ctx.store.update(object.name, record.Id, bodyFields(request));
      return result.success ? { status: 204 } : failedWrite(result);
    }),
    dataRoute('DELETE', '/sobjects/(?<object>\\w+)/(?<id>[^/]+)', (request, ctx) => {
      const object = objectOrNotFound(ctx, request.params.object);
      const record = findRecord(ctx, object, request.params.id!);
      const result = ctx.store.delete(record.Id);
      return result.success ? { status: 204 } : failedWrite(result);
    }),
    dataRoute('GET', '/sobjects/(?<object>\\w+)/(?<field>\\w+)/(?<value>[^/]+)', (request, ctx) => {
      const object = objectOrNotFound(ctx, request.params.object);
      const found = byExternalId(ctx, object, request.params.field!, request.params.value!, apiVersion(request));
      return 'choices' in found
        ? found.choices
        : { status: 200, body: recordBody(object, found.record, apiVersion(request), request.query.get('fields')) };
    }),
    dataRoute('DELETE', '/sobjects/(?<object>\\w+)/(?<field>\\w+)/(?<value>[^/]+)', (request, ctx) => {
      const object = objectOrNotFound(ctx, request.params.object);
      const found = byExternalId(ctx, object, request.params.field!, request.params.value!, apiVersion(request));
      if ('choices' in found) {
        return found.choices;
      }
      const result = ctx.store.delete(found.record.Id);
      return result.success ? { status: 204 } : failedWrite(result);
    }),
    dataRoute('PATCH', '/sobjects/(?<object>\\w+)/(?<field>\\w+)/(?<value>[^/]+)', (request, ctx) => {
      const object = objectOrNotFound(ctx, request.params.object);
      const version = apiVersion(request);
      const field = findField(object, request.params.field!);
      if (!field || !(field.externalId || field.idLookup)) {
        throw new ApiError(
          404,
          'NOT_FOUND',
          `Provided external ID field does not exist or is not accessible: ${request.params.field}`,
        );
      }
      const value = request.params.value!;
      const matches = ctx.store.findByExternalId(object.name, field.name, value);
      if (matches.length > 1) {
        return { status: 300, body: matches.map((match) => recordUrl(version, object.name, match.Id)) };
      }
      const result = ctx.store.upsert(object.name, field.name, value, bodyFields(request));
      if (!result.success) {
        return failedWrite(result);
      }
      if (result.created) {
        return { status: 201, body: { id: result.id, success: true, errors: [], created: true } };
      }
      return Number.parseFloat(version) >= UPSERT_BODY_SINCE
        ? { status: 200, body: { id: result.id, success: true, errors: [], created: false } }
        : { status: 204 };
    }),
  ];
}
