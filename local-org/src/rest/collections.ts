// sObject Collections: create, update, upsert (by external id), delete and retrieve up to 200 records
// in one call, results in request order, with allOrNone rolling every write back when one fails.

import type { SaveResult } from '../data/store.js';
import { ApiError, jsonObject } from '../http/apiError.js';
import type { OrgContext, Route } from '../http/route.js';
import { findField, findObject } from '../schema/model.js';
import { objectOrNotFound } from './describe.js';
import { apiVersion, dataRoute } from './paths.js';
import { collectionResult } from './saveErrors.js';
import { recordBody } from './records.js';

export const COLLECTION_LIMIT = 200;

const ROLLED_BACK = {
  statusCode: 'ALL_OR_NONE_OPERATION_ROLLED_BACK',
  message: 'Record rolled back because not all records were valid and the request was using AllOrNone header',
  fields: [],
};

type Input = Record<string, unknown>;

function readRecords(body: Buffer): { allOrNone: boolean; records: Input[] } {
  const parsed = jsonObject(body);
  if (!Array.isArray(parsed.records)) {
    throw new ApiError(400, 'JSON_PARSER_ERROR', 'The request body needs a "records" array.');
  }
  checkSize(parsed.records.length);
  return { allOrNone: parsed.allOrNone === true, records: parsed.records as Input[] };
}

function checkSize(count: number): void {
  if (count > COLLECTION_LIMIT) {
    throw new ApiError(
      400,
      'EXCEEDED_ID_LIMIT',
      `record limit reached. cannot submit more than ${COLLECTION_LIMIT} records into this call (got ${count}).`,
    );
  }
}

const failed = (statusCode: string, message: string, fields: string[] = []): SaveResult => ({
  success: false,
  errors: [{ statusCode, message, fields }],
});

/** Runs the per-record writes, all-or-none when asked, and shapes the results. */
function writeAll(
  ctx: OrgContext,
  allOrNone: boolean,
  count: number,
  write: (index: number) => SaveResult,
  withCreated: boolean,
): unknown[] {
  const run = () => Array.from({ length: count }, (_, index) => write(index));
  const results = allOrNone ? ctx.store.atomically(run, (all) => all.every((result) => result.success)) : run();
  const rolledBack = allOrNone && results.some((result) => !result.success);
  return results.map((result) =>
    rolledBack && result.success
      ? { ...(withCreated ? { created: false } : {}), success: false, errors: [ROLLED_BACK] }
      : collectionResult(result, withCreated),
  );
}

function typeOf(record: Input): string | undefined {
  const attributes = record.attributes as { type?: unknown } | undefined;
  return typeof attributes?.type === 'string' ? attributes.type : undefined;
}

function withoutAttributes(record: Input): Input {
  const { attributes: _attributes, ...fields } = record;
  return fields;
}

export function collectionRoutes(): Route[] {
  return [
    dataRoute('POST', '/composite/sobjects', (request, ctx) => {
      const { allOrNone, records } = readRecords(request.body);
      const body = writeAll(
        ctx,
        allOrNone,
        records.length,
        (index) => {
          const record = records[index]!;
          const type = typeOf(record);
          if (!type || !findObject(ctx.store.schema, type)) {
            return failed(
              'INVALID_TYPE',
              type
                ? `sObject type '${type}' is not supported.`
                : 'Each record needs attributes.type, e.g. {"attributes":{"type":"Contact"}}.',
            );
          }
          const fields = withoutAttributes(record);
          if (fields.Id ?? fields.id) {
            return failed('INVALID_FIELD', 'cannot specify Id in an insert call', ['Id']);
          }
          return ctx.store.create(type, fields);
        },
        false,
      );
      return { status: 200, body };
    }),
    dataRoute('PATCH', '/composite/sobjects', (request, ctx) => {
      const { allOrNone, records } = readRecords(request.body);
      const body = writeAll(
        ctx,
        allOrNone,
        records.length,
        (index) => {
          const record = records[index]!;
          const type = typeOf(record);
          const fields = withoutAttributes(record);
          const id = fields.Id ?? fields.id;
          if (typeof id !== 'string' || id === '') {
            return failed('MISSING_ARGUMENT', 'Id not specified in an update call', ['Id']);
          }
          const objectName = type ?? ctx.store.get(id)?.objectName;
          if (!objectName) {
            return failed('INVALID_CROSS_REFERENCE_KEY', `invalid cross reference id: ${id}`);
          }
          return ctx.store.update(objectName, id, fields);
        },
        false,
      );
      return { status: 200, body };
    }),
    dataRoute('DELETE', '/composite/sobjects', (request, ctx) => {
      const ids = (request.query.get('ids') ?? '').split(',').filter((id) => id !== '');
      checkSize(ids.length);
      const allOrNone = request.query.get('allOrNone') === 'true';
      const results = writeAll(ctx, allOrNone, ids.length, (index) => ctx.store.delete(ids[index]!), false);
      // Failed deletes still name the id they were about.
      return { status: 200, body: results.map((result, index) => ({ id: ids[index], ...(result as object) })) };
    }),
    dataRoute('GET', '/composite/sobjects/(?<object>\\w+)', (request, ctx) => {
      const object = objectOrNotFound(ctx, request.params.object);
      const ids = (request.query.get('ids') ?? '').split(',').filter((id) => id !== '');
      checkSize(ids.length);
      const fields = request.query.get('fields');
      if (!fields) {
        throw new ApiError(
          400,
          'MISSING_ARGUMENT',
          'Retrieving records needs the fields parameter, e.g. ?ids=003...&fields=Id,Name.',
        );
      }
      return {
        status: 200,
        body: ids.map((id) => {
          const found = ctx.store.get(id);
          return found && found.objectName === object.name
            ? recordBody(object, found.record, apiVersion(request), fields)
            : null;
        }),
      };
    }),
    dataRoute('PATCH', '/composite/sobjects/(?<object>\\w+)/(?<field>\\w+)', (request, ctx) => {
      const object = objectOrNotFound(ctx, request.params.object);
      const field = findField(object, request.params.field!);
      if (!field || !(field.externalId || field.idLookup)) {
        throw new ApiError(
          400,
          'INVALID_FIELD',
          `Field ${request.params.field} is not an external id or idLookup field of ${object.name}. Upsert needs one, e.g. External_Id__c.`,
        );
      }
      const { allOrNone, records } = readRecords(request.body);
      const keyOf = (record: Input): string | undefined => {
        const entry = Object.entries(record).find(([name]) => name.toLowerCase() === field.name.toLowerCase());
        return entry && entry[1] !== null && entry[1] !== undefined && entry[1] !== '' ? String(entry[1]) : undefined;
      };
      const seen = new Map<string, number>();
      for (const record of records) {
        const key = keyOf(record);
        if (key !== undefined) {
          const normalised = field.caseSensitive ? key : key.toLowerCase();
          seen.set(normalised, (seen.get(normalised) ?? 0) + 1);
        }
      }
      const body = writeAll(
        ctx,
        allOrNone,
        records.length,
        (index) => {
          const record = records[index]!;
          const type = typeOf(record);
          if (type && type.toLowerCase() !== object.name.toLowerCase()) {
            return failed('INVALID_TYPE', `Record type ${type} does not match the upsert object ${object.name}.`);
          }
          const key = keyOf(record);
          if (key === undefined) {
            return failed('MISSING_ARGUMENT', `${field.name} not specified`, [field.name]);
          }
          if ((seen.get(field.caseSensitive ? key : key.toLowerCase()) ?? 0) > 1) {
            return failed('DUPLICATE_EXTERNAL_ID', `Duplicate external id specified: ${key}`, [field.name]);
          }
          return ctx.store.upsert(object.name, field.name, key, withoutAttributes(record));
        },
        true,
      );
      return { status: 200, body };
    }),
  ];
}
