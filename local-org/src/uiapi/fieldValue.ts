// How a stored field value reads in the UI API: `{ value, displayValue }` as both the GraphQL value
// types (StringValue, PicklistValue, DateTimeValue, ...) and UI API record representations show it.

import type { FieldSchema } from '../schema/model.js';
import { parseDateTime } from '../data/fieldValues.js';

export interface FieldValueView {
  value: unknown;
  displayValue: string | null;
}

/** The local org has one user in UTC with the en_US locale, so display values use those. */
const DATE_TIME_DISPLAY = new Intl.DateTimeFormat('en-US', {
  timeZone: 'UTC',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
});
const DATE_DISPLAY = new Intl.DateTimeFormat('en-US', {
  timeZone: 'UTC',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
});

/** UI API date-times are ISO instants with milliseconds and `Z`: `2026-11-18T14:02:00.000Z`. */
export function isoDateTime(stored: unknown): string | null {
  if (typeof stored !== 'string' || stored === '') {
    return null;
  }
  const date = parseDateTime(stored);
  return date ? date.toISOString() : null;
}

export function fieldValueView(field: FieldSchema, stored: unknown): FieldValueView {
  if (stored === null || stored === undefined) {
    return { value: null, displayValue: null };
  }
  switch (field.type) {
    case 'picklist': {
      const entry = field.picklistValues.find((candidate) => candidate.value === stored);
      return { value: stored, displayValue: entry?.label ?? String(stored) };
    }
    case 'datetime': {
      const value = isoDateTime(stored);
      return { value, displayValue: value ? DATE_TIME_DISPLAY.format(new Date(value)) : null };
    }
    case 'date': {
      const date = parseDateTime(String(stored));
      return { value: String(stored).slice(0, 10), displayValue: date ? DATE_DISPLAY.format(date) : null };
    }
    case 'double':
    case 'int':
    case 'currency':
    case 'percent': {
      const number = Number(stored);
      const digits = field.type === 'int' ? 0 : field.scale;
      const formatted = number.toLocaleString('en-US', {
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
      });
      const displayValue =
        field.type === 'currency' ? `$${formatted}` : field.type === 'percent' ? `${formatted}%` : formatted;
      return { value: number, displayValue };
    }
    case 'boolean':
      return { value: stored === true, displayValue: null };
    default:
      return { value: stored, displayValue: null };
  }
}
