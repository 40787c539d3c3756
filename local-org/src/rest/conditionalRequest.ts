// Conditional request headers on sObject Rows writes, as Salesforce documents them ("Conditional
// Request Headers", REST API Developer Guide,
// https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api/intro_rest_conditional_requests.htm):
// If-Unmodified-Since is weak validation against the record's LastModifiedDate: a PATCH whose record was
// modified after the given date is not processed and answers 412 Precondition Failed; an invalid value on
// a PATCH or POST answers 400. The header is an HTTP date, so the comparison is to the second: two writes
// in the same second as the date both pass, as on a real org (clients must allow for it; see
// docs/delivery.md). If-Match/If-None-Match only have an effect on Account records, which have ETags;
// the local org serves no ETags, so it ignores them as a real org does on every other object.
// The 412 and 400 statuses are documented; the error codes and wording of their bodies are ours.
// lightning/uiRecordApi's updateRecord sends the same header to the UI API from its clientOptions
// `ifUnmodifiedSince`, documented as the record's LastModifiedDate value (an ISO 8601 instant with
// milliseconds, https://developer.salesforce.com/docs/platform/lwc/guide/reference-update-record.html):
// such a value is exact, so it is compared to the millisecond; an HTTP date to the second.

import type { StoredRecord } from '../data/store.js';
import { ApiError } from '../http/apiError.js';
import type { RouteRequest } from '../http/route.js';

/** `EEE, dd MMM yyyy HH:mm:ss z` (RFC 1123, the documented format) or anything Date.parse reads. */
function parseHttpDate(value: string): number | undefined {
  const parsed = Date.parse(value);
  return Number.isNaN(parsed) ? undefined : parsed;
}

const toSecond = (millis: number): number => Math.floor(millis / 1000);

/** Throws the documented answer when the request's preconditions do not hold for `record`. */
export function checkPreconditions(request: RouteRequest, record: StoredRecord): void {
  // Routes called without HTTP (tests, internal calls) may carry no headers at all.
  const header = request.req?.headers?.['if-unmodified-since'];
  if (header === undefined) return;
  const value = Array.isArray(header) ? header[0]! : header;
  const since = parseHttpDate(value);
  if (since === undefined) {
    throw new ApiError(
      400,
      'INVALID_HEADER_VALUE',
      `If-Unmodified-Since: '${value}' is not a date in the form EEE, dd MMM yyyy HH:mm:ss z.`,
    );
  }
  const modified = Date.parse(String(record.LastModifiedDate).replace(/\+0000$/, 'Z'));
  const exact = /T\d\d:\d\d:\d\d\.\d{3}/.test(value);
  if (exact ? modified > since : toSecond(modified) > toSecond(since)) {
    throw new ApiError(
      412,
      'PRECONDITION_FAILED',
      `The record was modified at ${String(record.LastModifiedDate)}, after If-Unmodified-Since ${value}; it was not updated.`,
    );
  }
}
