// Fault injection: slow answers, 503s, connection resets, request-limit errors and UNABLE_TO_LOCK_ROW
// on chosen writes, so clients' retry and partial-failure paths can be tested. Deterministic: the
// same seed gives the same sequence of faults for the same sequence of requests.

import type { SaveError } from '../data/store.js';
import { seededRandom } from '../random/seededRandom.js';

export interface FaultSettings {
  /** Added to every response, in milliseconds. */
  latencyMs: number;
  /** Share (0..1) of requests answered 503 SERVER_UNAVAILABLE. */
  unavailableRate: number;
  /** Share (0..1) of requests whose connection is reset before any answer. */
  resetRate: number;
  /** Share (0..1) of requests answered 403 REQUEST_LIMIT_EXCEEDED (as when concurrent limits are hit). */
  requestLimitRate: number;
  /** Share (0..1) of record writes failing with UNABLE_TO_LOCK_ROW. */
  lockRowRate: number;
  /** Fail this many of the next record writes with UNABLE_TO_LOCK_ROW (counts down). */
  lockRowNext: number;
  /** Objects whose writes may fail with UNABLE_TO_LOCK_ROW; empty means all. */
  lockRowObjects: string[];
  /** Seed of the random sequence that decides which requests fail. */
  seed: number;
}

export function noFaults(overrides: Partial<FaultSettings> = {}): FaultSettings {
  return {
    latencyMs: 0,
    unavailableRate: 0,
    resetRate: 0,
    requestLimitRate: 0,
    lockRowRate: 0,
    lockRowNext: 0,
    lockRowObjects: [],
    seed: 1,
    ...overrides,
  };
}

export type RequestFault = 'reset' | 'unavailable' | 'request-limit' | undefined;

export class FaultInjector {
  private random: () => number;
  private seed: number;

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
    return undefined;
  }

  forWrite(objectName: string): SaveError | undefined {
    const settings = this.settings();
    const chosen =
      settings.lockRowObjects.length === 0 ||
      settings.lockRowObjects.some((name) => name.toLowerCase() === objectName.toLowerCase());
    if (!chosen) return undefined;
    let fail = false;
    if (settings.lockRowNext > 0) {
      settings.lockRowNext--;
      fail = true;
    } else if (settings.lockRowRate > 0 && this.draw() < settings.lockRowRate) {
      fail = true;
    }
    return fail
      ? {
          statusCode: 'UNABLE_TO_LOCK_ROW',
          message: `unable to obtain exclusive access to this record or 1 records: ${objectName}`,
          fields: [],
        }
      : undefined;
  }
}
