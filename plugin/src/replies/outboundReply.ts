// A queued reply as the outbox reads it from the org: the outbound Social_Interaction__c fields the
// payload needs, the person addressed (through the identity), and what claiming needs (the status,
// the attempts so far and LastModifiedDate, the condition of the claim's conditional update).

export type DeliveryStatus = 'Queued' | 'Sending' | 'Sent' | 'Failed';

export interface OutboundReply {
  /** The 18-character record Id: also the Idempotency-Key, the same in every retry and every run. */
  id: string;
  network: string;
  visibility: string;
  kind: string | null;
  body: string;
  /** The parent's External_Id__c (`network:postId`), if the reply answers a post. */
  inReplyTo: string | null;
  threadKey: string | null;
  postedAt: string | null;
  recipient: { userId: string | null; handle: string | null };
  status: DeliveryStatus;
  /** Times the reply was handed to the receiver before this run. */
  attempts: number;
  /** LastModifiedDate as the org returned it: the If-Unmodified-Since of the claim. */
  lastModified: string;
}

/** The fields read for each reply (SOQL select list). */
export const REPLY_FIELDS = [
  'Id',
  'Network__c',
  'Visibility__c',
  'Kind__c',
  'Body__c',
  'In_Reply_To__c',
  'Thread_Key__c',
  'Posted_At__c',
  'Delivery_Status__c',
  'Delivery_Attempts__c',
  'LastModifiedDate',
  'Identity__r.Network_User_Id__c',
  'Identity__r.Handle__c',
] as const;

export function toOutboundReply(record: Record<string, unknown>): OutboundReply {
  const identity = (record.Identity__r ?? null) as {
    Network_User_Id__c?: string | null;
    Handle__c?: string | null;
  } | null;
  const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);
  return {
    id: String(record.Id),
    network: String(record.Network__c),
    visibility: String(record.Visibility__c),
    kind: text(record.Kind__c),
    body: typeof record.Body__c === 'string' ? record.Body__c : '',
    inReplyTo: text(record.In_Reply_To__c),
    threadKey: text(record.Thread_Key__c),
    postedAt: text(record.Posted_At__c),
    recipient: { userId: text(identity?.Network_User_Id__c), handle: text(identity?.Handle__c) },
    status: record.Delivery_Status__c as DeliveryStatus,
    attempts: typeof record.Delivery_Attempts__c === 'number' ? record.Delivery_Attempts__c : 0,
    lastModified: String(record.LastModifiedDate),
  };
}

/** `x:1790000` -> `1790000`: the post id on the network, from an External_Id__c of that network. */
export function postIdOf(externalId: string, network: string): string {
  if (externalId.startsWith(`${network}:`)) return externalId.slice(network.length + 1);
  const colon = externalId.indexOf(':');
  return colon >= 0 ? externalId.slice(colon + 1) : externalId;
}
