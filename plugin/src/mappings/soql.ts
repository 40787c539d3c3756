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
 * URL-encoded length at most maxEncodedLength. Values are de-duplicated; none is ever dropped.
 */
export function inListQueries(
  before: string,
  values: Iterable<string>,
  after = '',
  maxEncodedLength = MAX_ENCODED_QUERY_LENGTH,
): string[] {
  const fixed = encodedLength(`${before} IN ()${after}`);
  const queries: string[] = [];
  let chunk: string[] = [];
  let length = fixed;
  for (const value of new Set(values)) {
    const literal = quoteSoql(value);
    const cost = encodedLength(literal) + (chunk.length > 0 ? encodedLength(',') : 0);
    if (fixed + encodedLength(literal) > maxEncodedLength) {
      throw new Error(`A value is too long to query (${value.length} characters): ${value.slice(0, 40)}…`);
    }
    if (length + cost > maxEncodedLength) {
      queries.push(`${before} IN (${chunk.join(',')})${after}`);
      chunk = [];
      length = fixed;
    }
    length += chunk.length > 0 ? encodedLength(literal) + encodedLength(',') : encodedLength(literal);
    chunk.push(literal);
  }
  if (chunk.length > 0) queries.push(`${before} IN (${chunk.join(',')})${after}`);
  return queries;
}

export function encodedLength(text: string): number {
  return encodeURIComponent(text).length;
}
