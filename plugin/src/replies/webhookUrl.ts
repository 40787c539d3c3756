// Which webhook URLs the outbox sends signed replies to: https anywhere, http only to this machine
// (a receiver under test or a local relay), since over plain http the reply and its signature could be
// read or altered on the way.
import { isIP } from 'node:net';

export type UrlProblem = 'NotAUrl' | 'UnsupportedScheme' | 'InsecureUrl' | 'CredentialsInUrl';

export function checkWebhookUrl(value: string): { url: URL } | { problem: UrlProblem } {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { problem: 'NotAUrl' };
  }
  if (url.username !== '' || url.password !== '') return { problem: 'CredentialsInUrl' };
  if (url.protocol === 'https:') return { url };
  if (url.protocol !== 'http:') return { problem: 'UnsupportedScheme' };
  return isLoopback(url.hostname) ? { url } : { problem: 'InsecureUrl' };
}

/** 127.0.0.0/8, ::1 and localhost (which resolves only to loopback, RFC 6761). */
export function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  if (isIP(host) === 6) return host === '::1' || host === '0:0:0:0:0:0:0:1' || /^::ffff:127\./.test(host);
  return false;
}
