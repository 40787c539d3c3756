// The faults both commands are run against, each with what a run may do about it: faults the client can
// retry away must leave no failed row; a connection reset AFTER the org processed a request may leave rows
// failed (a request that is not safe to repeat is never repeated blindly), which a rerun completes.
import type { FaultSettings } from '../../local-org/src/main.js';

export interface FaultKind {
  name: string;
  faults: Partial<FaultSettings>;
  /** Failed rows a first run may report (their reason must match); a rerun must then complete. */
  mayFail?: RegExp;
}

export const FAULT_KINDS: FaultKind[] = [
  { name: '5% of requests answered 503', faults: { unavailableRate: 0.05, seed: 11 } },
  {
    name: 'connection resets, before and after the org processed the request',
    faults: { resetRate: 0.03, resetAfterRate: 0.03, seed: 12 },
    mayFail: /fetch failed|socket|ECONNRESET|other side closed/i,
  },
  {
    name: 'UNABLE_TO_LOCK_ROW on records sharing a parent',
    faults: { lockRowRate: 0.2, lockRowParentFields: ['Contact__c', 'Lead__c', 'Identity__c', 'Account__c'], seed: 13 },
  },
  {
    name: 'REQUEST_LIMIT_EXCEEDED for concurrent requests',
    faults: { requestLimitRate: 0.08, seed: 14 },
  },
  {
    name: 'a Bulk API 2.0 job that fails half-way',
    faults: { bulkFailJobs: 1, bulkFailAfterRows: 60 },
  },
];
