// The documented sizes the client packs requests to, in one place, so every command packs the same way.

/** A composite request holds at most 25 subrequests (Composite, REST API Developer Guide). */
export const COMPOSITE_SUBREQUESTS = 25;

/** A composite request may hold at most 5 query operations (queries or next pages) of its 25 subrequests. */
export const COMPOSITE_QUERY_OPERATIONS = 5;

/** sObject Collections take at most 200 records per request. */
export const COLLECTION_SIZE = 200;

/** How fast the first Bulk API status check assumes the org processes records (20,000 a second). */
export const BULK_RECORDS_PER_MS = 20;

/**
 * A Bulk API 2.0 ingest job costs 6 calls whatever its size (create, upload, close, a status check, the
 * successful and the failed results; Bulk API 2.0 Developer Guide), sObject Collections one call per 200.
 */
export const BULK_INGEST_CALLS = 6;

/**
 * Above this many records a write goes as one Bulk API 2.0 job rather than sObject Collections requests:
 * where the job starts to cost fewer calls (6 x 200 = 1,200 records; at 2,000 Collections took 10).
 */
export const DEFAULT_BULK_THRESHOLD = BULK_INGEST_CALLS * COLLECTION_SIZE;

/**
 * A Bulk API 2.0 query job costs 3 calls at the least: create, a status check, the results (Bulk API 2.0
 * Developer Guide, "Create a Query Job", "Get Information About a Query Job", "Get Results for a Query
 * Job"); more sets of results (Sforce-Locator) and more status checks cost one call each.
 */
export const BULK_QUERY_CALLS = 3;

/** How fast the first status check of a Bulk API query job assumes the org reads records (100,000 a second). */
export const BULK_QUERY_RECORDS_PER_MS = 100;
