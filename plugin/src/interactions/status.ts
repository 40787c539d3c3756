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
  const threadNumbers = new Map<string, number>();
  const threadOf = new Int32Array(messages.length);
  messages.forEach((message, index) => {
    let number = threadNumbers.get(message.threadKey);
    if (number === undefined) threadNumbers.set(message.threadKey, (number = threadNumbers.size));
    threadOf[index] = number;
  });
  const times = firstResponseTimes({
    count: messages.length,
    threaded: () => true,
    threadOf,
    outbound: (index) => messages[index]!.direction === 'Outbound',
    postedAtMs: (index) => messages[index]!.postedAtMs,
  });
  const answers = new Map<string, number>();
  messages.forEach((message, index) => {
    if (!Number.isNaN(times[index])) answers.set(message.externalId, times[index]!);
  });
  return answers;
}

/**
 * firstResponses over numbered posts (the import's compact form): per post, the time of the first
 * outbound post of its thread at or after it when it is inbound, else NaN. threadOf numbers the thread
 * keys (equal numbers, equal keys); untimed or unthreaded posts are left out by `threaded`.
 */
export function firstResponseTimes(posts: {
  count: number;
  threaded(post: number): boolean;
  threadOf: Int32Array;
  outbound(post: number): boolean;
  postedAtMs(post: number): number;
}): Float64Array {
  const { threadOf } = posts;
  const answered = new Float64Array(posts.count).fill(NaN);
  let outboundCount = 0;
  for (let post = 0; post < posts.count; post += 1)
    if (posts.threaded(post) && posts.outbound(post)) outboundCount += 1;
  if (outboundCount === 0) return answered;
  // The outbound posts by thread, then time: an inbound post's first answer is found by binary search.
  const outbound = new Int32Array(outboundCount);
  let filled = 0;
  for (let post = 0; post < posts.count; post += 1) {
    if (posts.threaded(post) && posts.outbound(post)) outbound[filled++] = post;
  }
  outbound.sort((a, b) => threadOf[a]! - threadOf[b]! || posts.postedAtMs(a) - posts.postedAtMs(b));
  for (let post = 0; post < posts.count; post += 1) {
    if (!posts.threaded(post) || posts.outbound(post)) continue;
    const thread = threadOf[post]!;
    const at = posts.postedAtMs(post);
    let low = 0;
    let high = outboundCount;
    while (low < high) {
      const middle = (low + high) >>> 1;
      const candidate = outbound[middle]!;
      if (threadOf[candidate]! < thread || (threadOf[candidate] === thread && posts.postedAtMs(candidate) < at)) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    if (low < outboundCount && threadOf[outbound[low]!] === thread) answered[post] = posts.postedAtMs(outbound[low]!);
  }
  return answered;
}
