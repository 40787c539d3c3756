// The example receiver (examples/webhook-receiver.mjs) as the tests use it, and what they count on it.
import type { Receiver } from '../../examples/webhook-receiver.mjs';

export { startReceiver, verifySignature, type Intercept, type Receiver } from '../../examples/webhook-receiver.mjs';

/** How many requests each Idempotency-Key brought. */
export function requestsPerKey(receiver: Receiver): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { key } of receiver.requests) if (key) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}
