// The signed webhook transport: POSTs each reply's payload as JSON with the Idempotency-Key (the
// reply's Id), the timestamp and the HMAC signature, and turns the receiver's answer (receiverAnswer.ts)
// or the failure to get one into a DeliveryOutcome. The secret is only ever used to sign.
import { classifyAnswer } from './receiverAnswer.js';
import type { OutboundReply } from './outboundReply.js';
import { toPayload } from './payload.js';
import { signature, SIGNATURE_HEADER, TIMESTAMP_HEADER } from './signature.js';
import type { DeliveryOutcome, ReplyTransport } from './transport.js';

export interface WebhookOptions {
  url: URL;
  secret: string;
  /** How long to wait for an answer before trying again (the request may have arrived). */
  timeoutMs?: number;
  now?: () => Date;
}

export const DEFAULT_WEBHOOK_TIMEOUT_MS = 30_000;

export class WebhookTransport implements ReplyTransport {
  public readonly destination: string;
  private readonly url: URL;
  private readonly secret: string;
  private readonly timeoutMs: number;
  private readonly now: () => Date;

  public constructor(options: WebhookOptions) {
    this.url = options.url;
    this.secret = options.secret;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_WEBHOOK_TIMEOUT_MS;
    this.now = options.now ?? (() => new Date());
    this.destination = `${options.url.origin}${options.url.pathname}`;
  }

  public async send(reply: OutboundReply, attempt: number): Promise<DeliveryOutcome> {
    const body = JSON.stringify(toPayload(reply, attempt));
    const timestamp = Math.floor(this.now().getTime() / 1000);
    let response: Response;
    let text: string;
    try {
      response = await fetch(this.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'idempotency-key': reply.id,
          [TIMESTAMP_HEADER]: String(timestamp),
          [SIGNATURE_HEADER]: signature(this.secret, timestamp, body),
        },
        body,
        // A redirect would carry the signed reply somewhere else: it is an answer, not followed.
        redirect: 'manual',
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      text = await response.text();
    } catch (error) {
      return failedRequest(error, this.timeoutMs);
    }
    return classifyAnswer(
      { status: response.status, retryAfter: response.headers.get('retry-after'), body: text },
      this.now(),
    );
  }
}

/** No answer: the request never left (refused, unknown host) or may have arrived (reset, timeout). */
function failedRequest(error: unknown, timeoutMs: number): DeliveryOutcome {
  const codes: string[] = [];
  const messages: string[] = [];
  for (let cause: unknown = error, depth = 0; cause && depth < 5; depth += 1) {
    const { code, name, message } = cause as { code?: string; name?: string; message?: string };
    if (code) codes.push(code);
    if (name === 'TimeoutError') codes.push('TIMEOUT');
    if (message) messages.push(message);
    cause = (cause as { cause?: unknown }).cause;
  }
  if (codes.includes('TIMEOUT')) {
    return {
      kind: 'retry',
      reason: `no answer from the receiver within ${Math.round(timeoutMs / 1000)} s`,
      reached: true,
    };
  }
  const notReached = codes.find((code) =>
    ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH'].includes(code),
  );
  if (notReached) return { kind: 'retry', reason: `the receiver could not be reached (${notReached})`, reached: false };
  const code = codes.find((candidate) => candidate !== 'ERR_INVALID_ARG_TYPE') ?? 'connection failed';
  return {
    kind: 'retry',
    reason: `the connection to the receiver failed before its answer (${code}${messages.at(-1) ? `: ${messages.at(-1)}` : ''})`,
    reached: true,
  };
}
