// How hard the client retries what the org did not process, and the pauses it took.

/**
 * How hard the client retries what the org did not process. A pause is drawn between half and all of
 * `baseMs * 2^(attempt-1)` (exponential backoff with jitter, so parallel clients do not retry in step),
 * capped at `capMs`; the concurrent-request limit waits `limitFactor` times longer, because it clears
 * only when the org's long-running requests finish (Salesforce sends no Retry-After).
 */
export interface RetryPolicy {
  /** Tries per request (the first one included). */
  attempts: number;
  baseMs: number;
  capMs: number;
  limitFactor: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 6, baseMs: 250, capMs: 30_000, limitFactor: 4 };

/** One pause a client took, and why (for tests and progress). */
export interface RetryPause {
  attempt: number;
  ms: number;
  reason: string;
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
