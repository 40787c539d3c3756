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

/**
 * IN-list queries for OrgClient.queryMany, which sends them in composite request bodies: as many values
 * per query as the length allows. A query that finds more than a page's 2,000 records costs a next
 * page, which queryMany chains into the same call where it can.
 */
export function bodyInListQueries(before: string, values: Iterable<string>, after = ''): string[] {
  return splitInList(before, values, after, { maxLength: MAX_BODY_QUERY_LENGTH, measure: (text) => text.length });
}

interface InListLimits {
  maxLength: number;
  measure: (text: string) => number;
}

function splitInList(before: string, values: Iterable<string>, after: string, limits: InListLimits): string[] {
  const { maxLength, measure } = limits;
  const fixed = measure(`${before} IN ()${after}`);
  const separator = measure(',');
  const queries: string[] = [];
  let chunk: string[] = [];
  let length = fixed;
  for (const value of new Set(values)) {
    const literal = quoteSoql(value);
    const literalLength = measure(literal);
    if (fixed + literalLength > maxLength) {
      throw new Error(`A value is too long to query (${value.length} characters): ${value.slice(0, 40)}…`);
    }
    if (chunk.length > 0 && length + separator + literalLength > maxLength) {
      queries.push(`${before} IN (${chunk.join(',')})${after}`);
      chunk = [];
      length = fixed;
    }
    length += literalLength + (chunk.length > 0 ? separator : 0);
    chunk.push(literal);
  }
  if (chunk.length > 0) queries.push(`${before} IN (${chunk.join(',')})${after}`);
  return queries;
}

export function encodedLength(text: string): number {
  return encodeURIComponent(text).length;
}
