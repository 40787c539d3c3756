// The UI API GraphQL paging rules: forward only (`first`/`after`), 10 records by default, `first` up
// to 2000, at most 4,000 records through record-connection paging, and `upperBound` (API v59.0+,
// with `first` from 200 to 2000) to go further. Cursors are opaque base64 `v1:<index>`, like the
// real API's (`djE6OQ==` is the tenth record).

export const DEFAULT_PAGE_SIZE = 10;
export const MAX_PAGE_SIZE = 2000;
export const RECORD_CONNECTION_LIMIT = 4000;
export const UPPER_BOUND_MIN_FIRST = 200;
export const UPPER_BOUND_MIN_VERSION = 59;

/** A refused paging request; the message says what to change. */
export class PagingError extends Error {}

export interface PageRequest {
  first?: number | null;
  after?: string | null;
  upperBound?: number | null;
}

export interface PageWindow {
  /** Index of the first record of the page. */
  offset: number;
  size: number;
  /** Records reachable at all: 4,000 without upperBound, else upperBound. */
  reach: number;
}

export function encodeCursor(index: number): string {
  return Buffer.from(`v1:${index}`).toString('base64');
}

/** The index a cursor points at, or a PagingError for a cursor this API never gave out. */
export function decodeCursor(cursor: string): number {
  const match = /^v1:(\d+)$/.exec(Buffer.from(cursor, 'base64').toString('utf8'));
  if (!match) {
    throw new PagingError(
      `Invalid cursor "${cursor}" in 'after'. Pass an endCursor or cursor value returned by a previous page of the same query.`,
    );
  }
  return Number(match[1]);
}

export function pageWindow(request: PageRequest, apiVersion: number, objectName: string): PageWindow {
  const { first, after, upperBound } = request;
  if (first !== null && first !== undefined && (first < 0 || first > MAX_PAGE_SIZE)) {
    throw new PagingError(
      `Invalid value for 'first' on ${objectName}: ${first}. It must be from 0 to ${MAX_PAGE_SIZE}; page through more records with 'after'.`,
    );
  }
  const offset = after ? decodeCursor(after) + 1 : 0;
  if (upperBound !== null && upperBound !== undefined) {
    if (apiVersion < UPPER_BOUND_MIN_VERSION) {
      throw new PagingError(
        `'upperBound' on ${objectName} needs API version ${UPPER_BOUND_MIN_VERSION}.0 or later; this request uses v${apiVersion.toFixed(1)}.`,
      );
    }
    if (first === null || first === undefined || first < UPPER_BOUND_MIN_FIRST) {
      throw new PagingError(
        `With 'upperBound', 'first' on ${objectName} must be from ${UPPER_BOUND_MIN_FIRST} to ${MAX_PAGE_SIZE} (it is ${first ?? 'not set'}).`,
      );
    }
    if (upperBound < 1) {
      throw new PagingError(
        `Invalid value for 'upperBound' on ${objectName}: ${upperBound}. It must be a positive number of records.`,
      );
    }
    return { offset, size: first, reach: upperBound };
  }
  if (offset >= RECORD_CONNECTION_LIMIT) {
    throw new PagingError(
      `Record connection pagination on ${objectName} reaches ${RECORD_CONNECTION_LIMIT} records at most, and this page would start at record ${offset + 1}. ` +
        `Query with 'upperBound' (API v${UPPER_BOUND_MIN_VERSION}.0+, 'first' from ${UPPER_BOUND_MIN_FIRST} to ${MAX_PAGE_SIZE}) or narrow 'where' (for example to a date window).`,
    );
  }
  return { offset, size: first ?? DEFAULT_PAGE_SIZE, reach: RECORD_CONNECTION_LIMIT };
}
