// Building SOQL from untrusted values (handles, emails, ids read from exports) without injection:
// every value goes through quoteSoql, and IN lists are split so each query's URL stays under the REST
// URI limit. Tested with quotes, backslashes, line breaks and unicode in test/plugin/soql.test.ts.

/**
 * A SOQL string literal for any text. SOQL's escapes are \' \" \\ \n \r \t \b \f; anything else
 * (unicode included) is legal inside quotes as is.
 */
export function quoteSoql(value: string): string {
  const escaped = value.replace(/[\\'"\n\r\t\b\f]/g, (character) => {
    switch (character) {
      case '\n':
        return '\\n';
      case '\r':
        return '\\r';
      case '\t':
        return '\\t';
      case '\b':
        return '\\b';
      case '\f':
        return '\\f';
      default:
        return `\\${character}`;
    }
  });
  return `'${escaped}'`;
}

/**
 * Salesforce REST rejects a request URI over 16,384 bytes, and HTTP servers commonly cap the request
 * line and headers together at 16 KB (Node's default, which the local org keeps). The query goes in
 * `?q=` URL-encoded, after the instance path and before the Authorization and sf headers, so each query
 * is kept to 12,000 encoded characters, leaving room for the rest.
 */
export const MAX_ENCODED_QUERY_LENGTH = 12_000;

/**
 * Splits `values` into as few queries as fit: `${before} IN (…)${after}` with each query's
 * URL-encoded length at most maxEncodedLength (for queries sent as GET ?q=). Values are
 * de-duplicated; none is ever dropped.
 */
export function inListQueries(
  before: string,
  values: Iterable<string>,
  after = '',
  maxEncodedLength = MAX_ENCODED_QUERY_LENGTH,
): string[] {
  return splitInList(before, values, after, { maxLength: maxEncodedLength, measure: encodedLength });
}

/**
 * SOQL statements may be 100,000 characters long; queries sent in a composite request body are not
 * bound by the URI limit, only by that. A tenth is left for what the org adds when it expands a
 * statement (the documented cause of QUERY_TOO_COMPLICATED).
 */
export const MAX_BODY_QUERY_LENGTH = 90_000;

/** A query operation returns at most 2,000 records; the next ones cost another operation. */
export const QUERY_PAGE_SIZE = 2_000;

/**
 * IN-list queries for OrgClient.queryMany, which sends them in composite request bodies. Lists longer
 * than a page hold a whole number of pages of values (2,000 or 4,000 …): a lookup by a unique field
 * returns at most one record per value, so no operation is spent on a short last page.
 */
export function bodyInListQueries(before: string, values: Iterable<string>, after = ''): string[] {
  return splitInList(before, values, after, {
    maxLength: MAX_BODY_QUERY_LENGTH,
    measure: (text) => text.length,
    pageSize: QUERY_PAGE_SIZE,
  });
}

interface InListLimits {
  maxLength: number;
  measure: (text: string) => number;
  /** When set, a list longer than this is cut back to a multiple of it (the rest starts the next list). */
  pageSize?: number;
}

function splitInList(before: string, values: Iterable<string>, after: string, limits: InListLimits): string[] {
  const { maxLength, measure, pageSize } = limits;
  const fixed = measure(`${before} IN ()${after}`);
  const separator = measure(',');
  const queries: string[] = [];
  let chunk: Array<{ literal: string; length: number }> = [];
  let length = fixed;
  const flush = (): void => {
    let kept = chunk;
    if (pageSize !== undefined && chunk.length > pageSize) {
      kept = chunk.slice(0, chunk.length - (chunk.length % pageSize));
    }
    queries.push(`${before} IN (${kept.map((entry) => entry.literal).join(',')})${after}`);
    chunk = chunk.slice(kept.length);
    length = fixed + chunk.reduce((sum, entry, index) => sum + entry.length + (index > 0 ? separator : 0), 0);
  };
  for (const value of new Set(values)) {
    const literal = quoteSoql(value);
    const literalLength = measure(literal);
    if (fixed + literalLength > maxLength) {
      throw new Error(`A value is too long to query (${value.length} characters): ${value.slice(0, 40)}…`);
    }
    while (chunk.length > 0 && length + literalLength + separator > maxLength) flush();
    length += literalLength + (chunk.length > 0 ? separator : 0);
    chunk.push({ literal, length: literalLength });
  }
  while (chunk.length > 0) flush();
  return queries;
}

export function encodedLength(text: string): number {
  return encodeURIComponent(text).length;
}
