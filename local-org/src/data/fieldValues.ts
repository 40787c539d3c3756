// Turns a value from a request (JSON, CSV text or a GraphQL input) into the stored form of its field,
// or the Salesforce error that field would give: the same rules for every surface.

import type { FieldSchema } from '../schema/model.js';
import { toId18 } from './ids.js';
import type { SaveError } from './store.js';

export type Coerced = { ok: true; value: unknown } | { ok: false; error: SaveError };

const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Salesforce's REST format for date-times: `2026-11-18T14:02:00.000+0000`. */
export function formatDateTime(date: Date): string {
  return date.toISOString().replace('Z', '+0000');
}

/** Parses the date-time forms Salesforce accepts; undefined when it is not one. */
export function parseDateTime(value: string): Date | undefined {
  const match = DATE_TIME.exec(value.trim());
  if (!match) {
    return undefined;
  }
  const [, year, month, day, hour = '00', minute = '00', second = '00', fraction = '0', zone = 'Z'] = match;
  const millis = Number(fraction.slice(0, 3).padEnd(3, '0'));
  const offset =
    zone.toUpperCase() === 'Z'
      ? 0
      : (zone.startsWith('-') ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(-2)));
  const utc = Date.UTC(
    Number(year),
    Number(month) - 1,
    Number(day),
    Number(hour),
    Number(minute),
    Number(second),
    millis,
  );
  const date = new Date(utc - offset * 60_000);
  return Number.isNaN(date.getTime()) || Number(month) > 12 || Number(day) > 31 ? undefined : date;
}

function fail(statusCode: string, message: string, field: FieldSchema): Coerced {
  return { ok: false, error: { statusCode, message, fields: [field.name] } };
}

function wrongType(field: FieldSchema, value: unknown): Coerced {
  return fail(
    'INVALID_TYPE_ON_FIELD_IN_RECORD',
    `${field.label}: value not of required type: ${display(value)}`,
    field,
  );
}

function display(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export function coerceFieldValue(field: FieldSchema, value: unknown): Coerced {
  if (value === undefined || value === null) {
    return { ok: true, value: field.type === 'boolean' ? false : null };
  }
  if (typeof value === 'object') {
    return wrongType(field, value);
  }
  switch (field.type) {
    case 'boolean':
      return coerceBoolean(field, value);
    case 'double':
    case 'int':
    case 'currency':
    case 'percent':
      return coerceNumber(field, value);
    case 'date':
    case 'datetime':
      return coerceDate(field, value);
    case 'reference':
    case 'id':
      return coerceId(field, value);
    default:
      return coerceText(field, value);
  }
}

function coerceBoolean(field: FieldSchema, value: unknown): Coerced {
  if (typeof value === 'boolean') {
    return { ok: true, value };
  }
  const text = String(value).trim().toLowerCase();
  if (text === '') {
    return { ok: true, value: false };
  }
  if (['true', '1', 'yes'].includes(text)) {
    return { ok: true, value: true };
  }
  if (['false', '0', 'no'].includes(text)) {
    return { ok: true, value: false };
  }
  return wrongType(field, value);
}

function coerceNumber(field: FieldSchema, value: unknown): Coerced {
  if (typeof value === 'string' && value.trim() === '') {
    return { ok: true, value: null };
  }
  const number = typeof value === 'number' ? value : typeof value === 'string' ? Number(value.trim()) : Number.NaN;
  if (!Number.isFinite(number)) {
    return wrongType(field, value);
  }
  const scale = field.type === 'int' ? 0 : field.scale;
  const factor = 10 ** scale;
  const rounded = Math.round(number * factor) / factor;
  const integerDigits = (field.precision || 18) - scale;
  if (Math.abs(Math.trunc(rounded)) >= 10 ** integerDigits) {
    return fail(
      'NUMBER_OUTSIDE_VALID_RANGE',
      `${field.label}: value outside of valid range on numeric field: ${display(value)}`,
      field,
    );
  }
  return { ok: true, value: rounded };
}

function coerceDate(field: FieldSchema, value: unknown): Coerced {
  if (typeof value !== 'string') {
    return wrongType(field, value);
  }
  if (value.trim() === '') {
    return { ok: true, value: null };
  }
  const date = parseDateTime(value);
  if (!date) {
    return wrongType(field, value);
  }
  return { ok: true, value: field.type === 'date' ? value.trim().slice(0, 10) : formatDateTime(date) };
}

function coerceId(field: FieldSchema, value: unknown): Coerced {
  if (typeof value !== 'string') {
    return wrongType(field, value);
  }
  if (value.trim() === '') {
    return { ok: true, value: null };
  }
  const id = toId18(value.trim());
  if (!id) {
    return fail('MALFORMED_ID', `${field.label}: id value of incorrect type: ${value}`, field);
  }
  return { ok: true, value: id };
}

function coerceText(field: FieldSchema, value: unknown): Coerced {
  const text = typeof value === 'string' ? value : String(value);
  if (text === '') {
    return { ok: true, value: null };
  }
  if (text.length > field.length) {
    return fail(
      'STRING_TOO_LONG',
      `${field.label}: data value too large: ${text.length > 80 ? `${text.slice(0, 80)}...` : text} (max length=${field.length})`,
      field,
    );
  }
  if (field.type === 'email' && !EMAIL.test(text)) {
    return fail('INVALID_EMAIL_ADDRESS', `${field.label}: invalid email address: ${text}`, field);
  }
  if (
    field.type === 'picklist' &&
    field.restrictedPicklist &&
    !field.picklistValues.some((entry) => entry.active && entry.value === text)
  ) {
    return fail(
      'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
      `${field.label}: bad value for restricted picklist field: ${text}`,
      field,
    );
  }
  return { ok: true, value: text };
}
