// An error answer in Salesforce's REST shape: HTTP status and `[{ message, errorCode, fields? }]`.

import type { RouteResponse } from './route.js';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: string,
    message: string,
    readonly fields?: string[],
  ) {
    super(message);
    this.name = 'ApiError';
  }

  toResponse(): RouteResponse {
    return errorResponse(this.status, this.errorCode, this.message, this.fields);
  }
}

export function errorResponse(status: number, errorCode: string, message: string, fields?: string[]): RouteResponse {
  return { status, body: [{ message, errorCode, ...(fields ? { fields } : {}) }] };
}

export const notFound = (): ApiError => new ApiError(404, 'NOT_FOUND', 'The requested resource does not exist');

/** Parses a JSON request body; a bad body is Salesforce's JSON_PARSER_ERROR. */
export function jsonBody(body: Buffer): unknown {
  const text = body.toString('utf8');
  if (text.trim() === '') {
    return undefined;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new ApiError(400, 'JSON_PARSER_ERROR', `The request body is not valid JSON: ${(error as Error).message}`);
  }
}

export function jsonObject(body: Buffer): Record<string, unknown> {
  const parsed = jsonBody(body);
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new ApiError(400, 'JSON_PARSER_ERROR', 'The request body must be a JSON object.');
  }
  return parsed as Record<string, unknown>;
}
