// The UI API's error bodies. Plain errors are an array of `{ errorCode, message }`; a failed record
// save is one "Error with Output" object whose `output` holds the record's errors and per-field
// errors, the shape lightning/uiRecordApi hands to components (`error.body.output.fieldErrors`).

import type { SaveError } from '../data/store.js';
import { findField, type ObjectSchema } from '../schema/model.js';
import type { RouteResponse } from '../http/route.js';

export function uiApiError(status: number, errorCode: string, message: string): RouteResponse {
  return { status, body: [{ errorCode, message }] };
}

interface RecordErrorEntry {
  constituentField: string | null;
  duplicateRecordError: null;
  errorCode: string;
  field: string | null;
  fieldLabel: string | null;
  message: string;
}

export interface RecordErrorBody {
  enhancedErrorType: 'RecordError';
  message: string;
  output: { errors: RecordErrorEntry[]; fieldErrors: Record<string, RecordErrorEntry[]> };
}

/** A store save failure as the UI API reports it (HTTP 400). */
export function recordSaveError(object: ObjectSchema | undefined, errors: SaveError[]): RouteResponse {
  const body: RecordErrorBody = {
    enhancedErrorType: 'RecordError',
    message: 'An error occurred while trying to update the record. Please try again.',
    output: { errors: [], fieldErrors: {} },
  };
  for (const error of errors) {
    if (error.fields.length === 0) {
      body.output.errors.push({
        constituentField: null,
        duplicateRecordError: null,
        errorCode: error.statusCode,
        field: null,
        fieldLabel: null,
        message: error.message,
      });
      continue;
    }
    for (const name of error.fields) {
      const field = object ? findField(object, name) : undefined;
      const entry: RecordErrorEntry = {
        constituentField: null,
        duplicateRecordError: null,
        errorCode: error.statusCode,
        field: field?.name ?? name,
        fieldLabel: field?.label ?? name,
        message: error.message,
      };
      (body.output.fieldErrors[entry.field!] ??= []).push(entry);
    }
  }
  return { status: 400, body };
}
