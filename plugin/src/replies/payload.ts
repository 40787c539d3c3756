// The webhook's JSON body for one reply (docs/delivery-payload.schema.json describes it): what the
// receiver needs to post it on the network. The body is the rep's text exactly as stored: no trimming,
// no normalisation, so it arrives byte-identical.
import { postIdOf, type OutboundReply } from './outboundReply.js';

export interface DeliveryPayload {
  /** The reply's Salesforce Id, as in the Idempotency-Key header. */
  idempotencyKey: string;
  network: string;
  visibility: string;
  kind: string | null;
  body: string;
  /** The parent's post id on the network; null for a message that answers no post. */
  inReplyTo: string | null;
  /** The parent's Social Bridge external id (`network:postId`). */
  inReplyToExternalId: string | null;
  threadKey: string | null;
  recipient: { userId: string | null; handle: string | null };
  /** When the rep queued it (ISO 8601). */
  queuedAt: string | null;
  /** 1 for the first time the receiver is handed this reply, counting every run. */
  attempt: number;
}

export function toPayload(reply: OutboundReply, attempt: number): DeliveryPayload {
  return {
    idempotencyKey: reply.id,
    network: reply.network,
    visibility: reply.visibility,
    kind: reply.kind,
    body: reply.body,
    inReplyTo: reply.inReplyTo === null ? null : postIdOf(reply.inReplyTo, reply.network),
    inReplyToExternalId: reply.inReplyTo,
    threadKey: reply.threadKey,
    recipient: reply.recipient,
    queuedAt: reply.postedAt,
    attempt,
  };
}
