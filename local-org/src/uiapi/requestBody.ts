// Reads a JSON request body for the UI API routes; a body that is not a JSON object is refused
// with the error the REST and UI APIs give for it.

import type { RouteRequest, RouteResponse } from '../http/route.js';
import { uiApiError } from './uiApiErrors.js';

export function readJsonObject(
  request: RouteRequest,
): { ok: true; body: Record<string, unknown> } | { ok: false; response: RouteResponse } {
  const text = request.body.toString('utf8');
  try {
    const body: unknown = text.trim() === '' ? {} : JSON.parse(text);
    if (body && typeof body === 'object' && !Array.isArray(body)) {
      return { ok: true, body: body as Record<string, unknown> };
    }
  } catch (error) {
    return {
      ok: false,
      response: uiApiError(400, 'JSON_PARSER_ERROR', `The request body is not valid JSON: ${(error as Error).message}`),
    };
  }
  return { ok: false, response: uiApiError(400, 'JSON_PARSER_ERROR', 'The request body must be a JSON object.') };
}

/** `60.0` from the route's version group. */
export function apiVersionOf(request: RouteRequest): number {
  return Number(request.params.version ?? '0');
}
