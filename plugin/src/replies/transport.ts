// The one seam between the outbox and whatever carries a reply to the network. Claiming, retries and
// receipts (deliver.ts) only see DeliveryOutcome; the signed webhook (webhookTransport.ts) is one
// transport, and a network's own API or a message queue would be another, written against this alone.
import type { OutboundReply } from './outboundReply.js';

export type DeliveryOutcome =
  /** Posted: the network's post id (and permalink). `alreadyDelivered`: an earlier attempt posted it (409). */
  | { kind: 'delivered'; postId: string; permalink: string | null; alreadyDelivered: boolean }
  /** Refused for good (a 4xx): the reply is Failed with the reason, and not tried again. */
  | { kind: 'refused'; reason: string }
  /**
   * Not delivered this time (429, 5xx, a timeout, a dropped connection): try again later, no sooner than
   * retryAfterMs when the receiver said. `reached` is false when the request never left this machine
   * (connection refused, unknown host): the receiver was not handed the reply.
   */
  | { kind: 'retry'; reason: string; retryAfterMs?: number; reached: boolean };

export interface ReplyTransport {
  /** Where replies go, for messages (never a secret). */
  readonly destination: string;
  /** Hands one reply over; `attempt` counts every time this reply was handed over, in every run. */
  send(reply: OutboundReply, attempt: number): Promise<DeliveryOutcome>;
}
