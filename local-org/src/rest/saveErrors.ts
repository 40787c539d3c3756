// Maps store results to the REST answers of single-record writes: `{ id, success, errors }` on
// success, `[{ message, errorCode, fields }]` with a 4xx status on failure.

import type { SaveError, SaveResult } from '../data/store.js';
import type { RouteResponse } from '../http/route.js';

const NOT_FOUND_CODES = new Set(['NOT_FOUND', 'ENTITY_IS_DELETED']);

export function restErrors(errors: SaveError[]): Array<{ message: string; errorCode: string; fields: string[] }> {
  return errors.map((error) => ({ message: error.message, errorCode: error.statusCode, fields: error.fields }));
}

export function failedWrite(result: Extract<SaveResult, { success: false }>): RouteResponse {
  const status = result.errors.some((error) => NOT_FOUND_CODES.has(error.statusCode)) ? 404 : 400;
  return { status, body: restErrors(result.errors) };
}

/** Collections and Composite report per-record outcomes with `statusCode` (not `errorCode`). */
export function collectionResult(result: SaveResult, withCreated: boolean): Record<string, unknown> {
  if (result.success) {
    return { id: result.id, success: true, errors: [], ...(withCreated ? { created: result.created } : {}) };
  }
  return { ...(withCreated ? { created: false } : {}), success: false, errors: result.errors };
}
