// How hard the outbox tries one reply, documented in docs/delivery.md: a few sends per run with
// exponential backoff and jitter (or the receiver's Retry-After), then the reply waits, Queued, for the
// next run; after MAX attempts over all runs it is Failed. A send that never reached the receiver
// (connection refused, unknown host) does not count: the receiver was not handed the reply.

export interface DeliveryRetry {
  /** Sends of one reply within one run, the first included. */
  attemptsPerRun: number;
  /** Sends of one reply over every run; then it is Failed. */
  maxAttempts: number;
  /** First pause; each next one doubles, drawn between half and all of it, capped at capMs. */
  baseMs: number;
  capMs: number;
  /** A Retry-After longer than this ends the reply's turn in this run: it waits, Queued, for the next run. */
  maxWaitMs: number;
}

export const DEFAULT_DELIVERY_RETRY: DeliveryRetry = {
  attemptsPerRun: 4,
  maxAttempts: 10,
  baseMs: 1_000,
  capMs: 30_000,
  maxWaitMs: 60_000,
};

/** The pause before the retry that follows send number `sendInRun` of this run (1 = after the first). */
export function pauseBefore(
  sendInRun: number,
  policy: DeliveryRetry,
  retryAfterMs: number | undefined,
  random: () => number,
): number {
  if (retryAfterMs !== undefined) return retryAfterMs;
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** (sendInRun - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
