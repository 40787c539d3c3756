// The fewest API calls the documented limits allow for a piece of work: derived from the records the
// work must read and write, not from the plan a command happens to use. Every read may go either way
// Salesforce offers, whichever is cheaper, and the cheapest mix is taken:
//   - REST query operations in composite requests: an operation returns at most 2,000 records, a SOQL
//     statement holds at most 100,000 characters (of IN-list values here), a composite request carries
//     at most 5 query operations and counts as one call; operations of different reads share calls.
//     A read of records the org is known not to hold still costs one operation (a COUNT() query).
//   - a Bulk API 2.0 query job: create, at least one status check, at least one results request: 3
//     calls, one job per 100,000-character statement. One results request: Salesforce documents no
//     number of records a set of results holds; without maxRecords "the server uses a default value
//     based on the service", and a client may ask maxRecords = "the maximum number of records your
//     client is expecting to receive" (Bulk API 2.0 Developer Guide, Get Results for a Query Job,
//     https://developer.salesforce.com/docs/atlas.en-us.api_asynch.meta/api_asynch/query_get_job_results.htm).
//     The local org's default set of 50,000 rows (without maxRecords) is its choice, not a limit.
// A read by IN list may also read the whole object instead, when the org holds about as many records
// as the list names (`scan`: the records such a read returns): no IN list, so one Bulk query job.
// Every write goes either way too:
//   - sObject Collections: 200 records a request, one call each;
//   - Bulk API 2.0 ingest jobs: create, upload, close, at least one status check, successful and
//     failed results: 6 calls a job, one job per 100 MB of CSV (Salesforce: "upload data that does not
//     exceed 100 MB", Bulk API 2.0 Developer Guide, Upload Job Data). One status check: how many a job
//     takes depends on how long the org works on it and how the client paces its checks, which no
//     limit sets; a client that knows the org's pace asks once.
// Sources: Salesforce Developer Limits and Allocations Quick Reference (API request limits, SOQL
// statement length), REST API Developer Guide (Composite: 5 query operations a request counting as one
// call; sObject Collections: 200 records), Bulk API 2.0 Developer Guide (ingest and query jobs).

export const RECORDS_PER_OPERATION = 2_000;
export const SOQL_CHARS = 100_000;
export const OPERATIONS_PER_COMPOSITE = 5;
export const COLLECTION_RECORDS = 200;
export const BULK_QUERY_CALLS = 3;
export const BULK_INGEST_CALLS = 6;
export const BULK_UPLOAD_BYTES = 100_000_000;

/** Characters of a SOQL IN list of `values`: `'value',` each. */
export function inListChars(values) {
  let chars = 0;
  for (const value of values) chars += value.length + 3;
  return chars;
}

/** Query operations for one read by REST: records / 2,000 and IN-list characters / 100,000, at least 1. */
export function queryOperations(records, chars = 0) {
  return Math.max(1, Math.ceil(records / RECORDS_PER_OPERATION), Math.ceil(chars / SOQL_CHARS));
}

/** Calls for one read by a Bulk API 2.0 query: 3 per job, one job per SOQL statement. */
export function bulkQueryCalls(chars = 0) {
  return BULK_QUERY_CALLS * Math.max(1, Math.ceil(chars / SOQL_CHARS));
}

/** Calls for one write: Collections or Bulk ingest jobs, whichever costs fewer. */
export function writeCalls(records, uploadBytes) {
  if (records === 0) return 0;
  const collections = Math.ceil(records / COLLECTION_RECORDS);
  const bulk = BULK_INGEST_CALLS * Math.max(1, Math.ceil(uploadBytes / BULK_UPLOAD_BYTES));
  return Math.min(collections, bulk);
}

/** Operations and Bulk query calls of one read, by IN list or by reading the whole object (`scan`). */
function readCosts(read) {
  const byList = { ops: queryOperations(read.records, read.chars), bulk: bulkQueryCalls(read.chars) };
  if (read.scan === undefined) return byList;
  return { ops: Math.min(byList.ops, queryOperations(read.scan)), bulk: Math.min(byList.bulk, bulkQueryCalls()) };
}

/**
 * The fewest calls for `reads` ({ name, records, chars, scan? }) and `writes` ({ name, records, bytes }), and
 * the arithmetic, e.g. "reads 3 (channels 1 op, identities 1 op, Contacts 10 ops: 12 ops / 5) + writes 7
 * (identities 6, channels 1)". Each read is placed in composite calls or in a Bulk query, whichever mix
 * costs least overall (reads are few: every mix is tried).
 */
export function minimumCalls({ reads, writes }) {
  let best;
  for (let mask = 0; mask < 2 ** reads.length; mask += 1) {
    let operations = 0;
    let bulk = 0;
    const parts = [];
    reads.forEach((read, index) => {
      const costs = readCosts(read);
      if (mask & (2 ** index)) {
        const calls = costs.bulk;
        bulk += calls;
        parts.push(`${read.name} Bulk query ${calls}`);
      } else {
        const ops = costs.ops;
        operations += ops;
        parts.push(`${read.name} ${ops} op${ops === 1 ? '' : 's'}`);
      }
    });
    const composite = operations > 0 ? Math.ceil(operations / OPERATIONS_PER_COMPOSITE) : 0;
    const calls = composite + bulk;
    if (best === undefined || calls < best.calls) {
      best = {
        calls,
        text: `${parts.join(', ')}${operations > 0 ? `; ${operations} op${operations === 1 ? '' : 's'} / 5 = ${composite}` : ''}`,
      };
    }
  }
  const writeParts = writes.map((write) => ({ name: write.name, calls: writeCalls(write.records, write.bytes) }));
  const writeTotal = writeParts.reduce((sum, part) => sum + part.calls, 0);
  const reads_ = best ?? { calls: 0, text: 'none' };
  return {
    calls: reads_.calls + writeTotal,
    arithmetic:
      `reads ${reads_.calls} (${reads_.text})` +
      (writes.length > 0
        ? ` + writes ${writeTotal} (${writeParts.map((part) => `${part.name} ${part.calls}`).join(', ')})`
        : ''),
  };
}
