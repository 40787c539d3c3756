// The webhook signature: `v1=<hex HMAC-SHA256 of "<timestamp>.<raw body>">` with the shared secret, so
// the receiver can tell the request came from us and was not replayed later (the timestamp is signed).
import { createHmac } from 'node:crypto';

export const SIGNATURE_HEADER = 'X-Social-Bridge-Signature';
export const TIMESTAMP_HEADER = 'X-Social-Bridge-Timestamp';

export function signature(secret: string, timestampSeconds: number, rawBody: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestampSeconds}.${rawBody}`, 'utf8').digest('hex')}`;
}
