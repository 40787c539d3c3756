// Fault injection: slow answers, 503s, connection resets (before the request is processed, or after it,
// so the answer is lost), concurrent-request-limit errors, UNABLE_TO_LOCK_ROW on chosen writes (or on
// records sharing a parent with an earlier write), and Bulk API 2.0 ingest jobs that fail half-way, so
// clients' retry and partial-failure paths can be tested. Deterministic: the same seed gives the same
// sequence of faults for the same sequence of requests. (The daily API allowance is
// OrgContext.apiCalls, not a fault: it is enforced by the server.)

import type { SaveError } from '../data/store.js';
import { seededRandom } from '../random/seededRandom.js';

export interface FaultSettings {
  /** Added to every response, in milliseconds. */
  latencyMs: number;
  /** Share (0..1) of requests answered 503 SERVER_UNAVAILABLE. */
  unavailableRate: number;
  /** Share (0..1) of requests whose connection is reset before the request is processed. */
  resetRate: number;
  /**
   * Share (0..1) of requests that are processed (records written) and whose connection is then reset
   * before the answer is sent: the client cannot tell whether its request did anything.
   */
  resetAfterRate: number;
  /**
   * Share (0..1) of requests answered 403 REQUEST_LIMIT_EXCEEDED "ConcurrentRequests (Concurrent API
   * Requests) Limit exceeded.", as a real org does while too many long-running requests are open.
   */
  requestLimitRate: number;
  /** Share (0..1) of record writes failing with UNABLE_TO_LOCK_ROW. */
  lockRowRate: number;
  /** Fail this many of the next record writes with UNABLE_TO_LOCK_ROW (counts down). */
  lockRowNext: number;
  /** Objects whose writes may fail with UNABLE_TO_LOCK_ROW; empty means all. */
  lockRowObjects: string[];
  /**
   * Lookup fields (e.g. Contact__c, Identity__c): when set, lockRowRate applies only to writes of a
   * record whose parent in one of these fields was written under before (children of the same parent
   * contend for its lock, as in a real org), and the error names that parent.
   */
  lockRowParentFields: string[];
  /** The next this-many Bulk API 2.0 ingest jobs fail half-way (state Failed; counts down). */
  bulkFailJobs: number;
  /** How many rows such a job processes before it fails (the rest are unprocessed). */
  bulkFailAfterRows: number;
  /**
   * Rows a second a Bulk API 2.0 ingest job processes at most (0: as fast as the local org can), so a
   * client's status checks can be tested against a job that runs for a while, as a real org's does;
   * numberRecordsProcessed counts up as it goes.
   */
  bulkIngestRowsPerSecond: number;
  /**
   * The most rows the org puts in one set of a Bulk API 2.0 query job's results, whatever maxRecords asks
   * (0: no cut; without maxRecords a set holds 50,000). Salesforce: without maxRecords "the server uses a
   * default value based on the service", and with it the request "is still subject to the size limits"
   * (Get Results for a Query Job): the org may end a set where it likes, and a client must follow
   * Sforce-Locator to the last.
   */
  bulkQueryResultRows: number;
  /**
   * The next this-many answers longer than 1 KB break off half-way: the status, the headers (with the
   * whole Content-Length) and half the body arrive, then the connection drops (counts down). Lets a
   * client that streams an answer prove it asks again and hands on no row twice.
   */
  cutAnswersNext: number;
  /**
   * Refuse a composite subrequest whose whole `url` is a reference (`"url": "@{page0.nextRecordsUrl}"`):
   * the Composite docs show references only inside a resource URL or a body, so a real org may refuse
   * it. Lets a client prove it still reads every page when that happens.
   */
  refuseWholeUrlReferences: boolean;
  /** Seed of the random sequence that decides which requests fail. */
  seed: number;
}

export function noFaults(overrides: Partial<FaultSettings> = {}): FaultSettings {
  return {
    latencyMs: 0,
    unavailableRate: 0,
    resetRate: 0,
    resetAfterRate: 0,
    requestLimitRate: 0,
    lockRowRate: 0,
    lockRowNext: 0,
    lockRowObjects: [],
    lockRowParentFields: [],
    bulkFailJobs: 0,
    bulkFailAfterRows: 0,
    bulkIngestRowsPerSecond: 0,
    bulkQueryResultRows: 0,
    cutAnswersNext: 0,
    refuseWholeUrlReferences: false,
    seed: 1,
    ...overrides,
  };
}

/** Whether an ingest job closed now fails half-way, after how many rows (counts bulkFailJobs down). */
export function bulkJobFailure(settings: FaultSettings): { failAfterRows: number } | undefined {
  if (settings.bulkFailJobs <= 0) return undefined;
  settings.bulkFailJobs--;
  return { failAfterRows: Math.max(0, settings.bulkFailAfterRows) };
}

export type RequestFault = 'reset' | 'reset-after' | 'unavailable' | 'request-limit' | undefined;

export class FaultInjector {
  private random: () => number;
  private seed: number;
  /** Parents (lookup values) written under so far, for lockRowParentFields. */
  private readonly parentsSeen = new Set<string>();

  constructor(private readonly settings: () => FaultSettings) {
    this.seed = settings().seed;
    this.random = seededRandom(this.seed);
  }

  private draw(): number {
    const seed = this.settings().seed;
    if (seed !== this.seed) {
      this.seed = seed;
      this.random = seededRandom(seed);
    }
    return this.random();
  }

  /** Decides the fate of one request; draws only for the rates that are set, so zero rates change nothing. */
  forRequest(): RequestFault {
    const settings = this.settings();
    if (settings.resetRate > 0 && this.draw() < settings.resetRate) return 'reset';
    if (settings.unavailableRate > 0 && this.draw() < settings.unavailableRate) return 'unavailable';
    if (settings.requestLimitRate > 0 && this.draw() < settings.requestLimitRate) return 'request-limit';
    if (settings.resetAfterRate > 0 && this.draw() < settings.resetAfterRate) return 'reset-after';
    return undefined;
  }

  forWrite(
    objectName: string,
    fields: Record<string, unknown> = {},
    existing?: Record<string, unknown>,
  ): SaveError | undefined {
    const settings = this.settings();
    const chosen =
      settings.lockRowObjects.length === 0 ||
      settings.lockRowObjects.some((name) => name.toLowerCase() === objectName.toLowerCase());
    if (!chosen) return undefined;
    let locked: string | undefined;
    if (settings.lockRowNext > 0) {
      settings.lockRowNext--;
      locked = objectName;
    } else if (settings.lockRowParentFields.length > 0) {
      const parents = parentsOf(settings.lockRowParentFields, fields, existing);
      const shared = parents.find((parent) => this.parentsSeen.has(parent));
      if (shared !== undefined && settings.lockRowRate > 0 && this.draw() < settings.lockRowRate) locked = shared;
      else for (const parent of parents) this.parentsSeen.add(parent);
    } else if (settings.lockRowRate > 0 && this.draw() < settings.lockRowRate) {
      locked = objectName;
    }
    return locked !== undefined
      ? {
          statusCode: 'UNABLE_TO_LOCK_ROW',
          message: `unable to obtain exclusive access to this record or 1 records: ${locked}`,
          fields: [],
        }
      : undefined;
  }
}

/** The non-empty values of the named lookup fields, from the written fields or else the record as it is. */
function parentsOf(
  names: readonly string[],
  fields: Record<string, unknown>,
  existing: Record<string, unknown> | undefined,
): string[] {
  const wanted = new Set(names.map((name) => name.toLowerCase()));
  const values = new Map<string, unknown>();
  for (const source of [existing ?? {}, fields]) {
    for (const [name, value] of Object.entries(source)) {
      if (wanted.has(name.toLowerCase())) values.set(name.toLowerCase(), value);
    }
  }
  return [...values.values()].flatMap((value) => (typeof value === 'string' && value !== '' ? [value] : []));
}
