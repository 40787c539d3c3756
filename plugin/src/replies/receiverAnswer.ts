// What the receiver's HTTP answer means for a reply (the contract in docs/delivery.md): 2xx with a
// postId = delivered; 409 with a postId = delivered earlier; 429 and 5xx = try again (429 no sooner than
// Retry-After); any other status = refused for good, with the receiver's reason as plain text.
import type { DeliveryOutcome } from './transport.js';

/** Delivery_Error__c holds 255 characters. */
export const REASON_LENGTH = 255;

export interface ReceiverAnswer {
  status: number;
  retryAfter: string | null;
  body: string;
}

export function classifyAnswer(answer: ReceiverAnswer, now: Date): DeliveryOutcome {
  const { status } = answer;
  const json = parseObject(answer.body);
  const postId = typeof json?.postId === 'string' && json.postId.trim() !== '' ? json.postId : null;
  const permalink = typeof json?.permalink === 'string' && json.permalink !== '' ? json.permalink : null;
  if (status >= 200 && status < 300) {
    return postId
      ? { kind: 'delivered', postId, permalink, alreadyDelivered: false }
      : { kind: 'refused', reason: plainReason(`receiver answered ${status} without a postId`, answer.body, json) };
  }
  if (status === 409 && postId) return { kind: 'delivered', postId, permalink, alreadyDelivered: true };
  if (status === 429 || status >= 500) {
    const retryAfterMs = status === 429 || status === 503 ? retryAfterMsOf(answer.retryAfter, now) : undefined;
    return {
      kind: 'retry',
      reason: plainReason(`receiver answered ${status}`, answer.body, json),
      ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
      reached: true,
    };
  }
  return { kind: 'refused', reason: plainReason(`receiver answered ${status}`, answer.body, json) };
}

/** Retry-After as delay-seconds or an HTTP date (RFC 9110, 10.2.3); undefined when absent or unreadable. */
export function retryAfterMsOf(value: string | null, now: Date): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now.getTime());
}

/**
 * "receiver answered 401: bad signature": the receiver's own words (a JSON body's `reason`, `message` or
 * `error`, else the text) as one line of plain text without control or bidi-override characters, cut to
 * what Delivery_Error__c holds. Markup is kept as text: the components never render it as HTML.
 */
export function plainReason(prefix: string, body: string, json?: Record<string, unknown> | null): string {
  const said = [json?.reason, json?.message, json?.error].find(
    (value): value is string => typeof value === 'string' && value.trim() !== '',
  );
  const text = (said ?? (json ? '' : body))
    .replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return truncate(text === '' ? prefix : `${prefix}: ${text}`, REASON_LENGTH);
}

/** Cut to `length` characters (code points, never half a surrogate pair), with an ellipsis when cut. */
export function truncate(text: string, length: number): string {
  const characters = Array.from(text);
  if (characters.length <= length && text.length <= length) return text;
  let cut = characters.slice(0, length - 1);
  // Salesforce counts UTF-16 code units: keep within them too.
  while (cut.join('').length > length - 1) cut = cut.slice(0, -1);
  return `${cut.join('')}…`;
}

function parseObject(body: string): Record<string, unknown> | null {
  try {
    const parsed = JSON.parse(body) as unknown;
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
