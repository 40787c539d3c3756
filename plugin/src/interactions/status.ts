// The status an interaction starts with and when a response is due, from its direction, visibility
// and intent and the channel's Response_SLA_Minutes__c. Pure: table-driven tests in
// test/interactions/status.test.ts. Only new interactions get a status: once in the org, the status
// belongs to the reps, and a re-import must not reopen what they closed.

export type Status = 'New' | 'Needs_Response' | 'Responded' | 'Closed';

export interface StatusInput {
  direction: 'Inbound' | 'Outbound';
  visibility: 'Public' | 'Private';
  intent?: string;
  deleted: boolean;
  postedAtMs: number;
}

export interface StatusDecision {
  status: Status;
  /** ISO 8601: Posted_At__c + the channel's SLA; only for interactions that need a response. */
  responseDueAt?: string;
  /** ISO 8601: the company's first answer in the same thread, when the file has it. */
  firstResponseAt?: string;
  reason?: string;
}

/** Public questions and complaints are what other customers see waiting: they get the SLA clock. */
const NEEDS_RESPONSE_INTENTS = new Set(['Question', 'Complaint']);

export function initialStatus(
  input: StatusInput,
  slaMinutes: number | undefined,
  firstResponseAtMs?: number,
): StatusDecision {
  if (input.direction === 'Outbound') {
    // The company's own message: it is the response, nothing waits on it.
    return { status: 'Responded', reason: 'sent by the company' };
  }
  if (input.deleted) return { status: 'Closed', reason: 'deleted on the network' };
  const waits = input.visibility === 'Public' && input.intent !== undefined && NEEDS_RESPONSE_INTENTS.has(input.intent);
  const decision: StatusDecision = { status: waits ? 'Needs_Response' : 'New' };
  if (waits && slaMinutes !== undefined && slaMinutes > 0) {
    decision.responseDueAt = new Date(input.postedAtMs + slaMinutes * 60_000).toISOString();
  }
  // The export already holds the company's answer (public or private): nothing is waiting any more.
  if (firstResponseAtMs !== undefined) {
    decision.status = 'Responded';
    decision.firstResponseAt = new Date(firstResponseAtMs).toISOString();
    decision.reason = 'answered in the same thread by the company (seen on import)';
  }
  return decision;
}

/**
 * For each inbound message, the time of the first outbound message in the same thread at or after it.
 * Messages are {externalId, threadKey, direction, postedAtMs}; the answer is keyed by external id.
 */
export function firstResponses(
  messages: ReadonlyArray<{
    externalId: string;
    threadKey: string;
    direction: 'Inbound' | 'Outbound';
    postedAtMs: number;
  }>,
): Map<string, number> {
  const outboundByThread = new Map<string, number[]>();
  for (const message of messages) {
    if (message.direction !== 'Outbound') continue;
    const times = outboundByThread.get(message.threadKey) ?? [];
    times.push(message.postedAtMs);
    outboundByThread.set(message.threadKey, times);
  }
  for (const times of outboundByThread.values()) times.sort((a, b) => a - b);
  const answers = new Map<string, number>();
  for (const message of messages) {
    if (message.direction !== 'Inbound') continue;
    const first = outboundByThread.get(message.threadKey)?.find((time) => time >= message.postedAtMs);
    if (first !== undefined) answers.set(message.externalId, first);
  }
  return answers;
}
