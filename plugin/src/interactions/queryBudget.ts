// How long the IN-list queries of an import may be, URL-encoded. mappings/soql.ts sizes queries with
// encodeURIComponent, which leaves ' ( ) unencoded, but the HTTP client percent-encodes the quotes
// again (%27), so a query of 15,000 counted characters of quoted ids goes out as ~17,400 and passes
// the REST limit of 16,384 bytes for a request URI. Until soql.ts counts those characters, imports
// keep their queries well under the limit.
export const IMPORT_QUERY_BUDGET = 12_000;
