// Requests whose body or answer is too large to hold whole: a Bulk API upload sent from a file, and a
// Bulk API result file or a query job's results read row by row (csvRows.ts). jsforce buffers every request body and every answer (and then
// copies the answer into a string), which at 100,000 records is tens of MB held three times over; so
// these two go through fetch with the connection's session. Errors take the shape jsforce gives them
// (errorCode, message), so OrgClient retries and reports them the same way. An expired session is
// INVALID_SESSION_ID: the caller then sends the request through jsforce, which refreshes the session.
import { Readable } from 'node:stream';
import { CsvRows } from './csvRows.js';

/** What a streamed request needs of a connection: jsforce's Connection has both. */
export interface Session {
  accessToken?: string | null | undefined;
  instanceUrl?: string | undefined;
}

export interface StreamedRequest {
  method: 'GET' | 'PUT';
  /** From /services/data on. */
  url: string;
  /** A fresh stream of the body for each attempt. */
  body?: () => Readable;
  contentType?: string;
}

/**
 * Whether requests can go the streamed way: the connection has a session (test doubles of a connection
 * may not), and no proxy is set in the environment. jsforce sends through the proxy those variables
 * name; Node's fetch does not, so behind a proxy everything goes through jsforce, buffered.
 */
export function streamable(session: Session): session is { accessToken: string; instanceUrl: string } {
  return typeof session.accessToken === 'string' && typeof session.instanceUrl === 'string' && !proxyConfigured();
}

/** The variables jsforce reads its proxy from (lib/transport.js). */
function proxyConfigured(): boolean {
  return ['https_proxy', 'http_proxy', 'HTTPS_PROXY', 'HTTP_PROXY'].some((name) => Boolean(process.env[name]));
}

/** Sends the request and returns the answer's body; a status of 400 or more throws the org's error. */
export async function sendStreamed(
  session: { accessToken: string; instanceUrl: string },
  request: StreamedRequest,
): Promise<Readable> {
  return (await sendStreamedWithHeaders(session, request)).body;
}

/**
 * Like sendStreamed, with the answer's headers: a Bulk API 2.0 query's results say where the next set
 * starts in Sforce-Locator, which jsforce's request does not hand back.
 */
export async function sendStreamedWithHeaders(
  session: { accessToken: string; instanceUrl: string },
  request: StreamedRequest,
): Promise<{ body: Readable; headers: Headers }> {
  const body = request.body?.();
  const response = await fetch(`${session.instanceUrl}${request.url}`, {
    method: request.method,
    headers: {
      Authorization: `Bearer ${session.accessToken}`,
      ...(request.contentType ? { 'Content-Type': request.contentType } : {}),
    },
    // A body goes with redirect 'error' and no window: otherwise fetch (undici, following the Fetch
    // standard) clones the request in case it must follow a redirect, and a clone of a streamed body is
    // a tee whose unread branch keeps every chunk sent: a whole Bulk upload (up to 100 MB) held until the
    // answer came. The org's API answers these requests without redirects.
    ...(body ? { body: Readable.toWeb(body) as ReadableStream, duplex: 'half', redirect: 'error', window: null } : {}),
  } as RequestInit);
  if (response.status >= 400) throw await orgError(response);
  const answer = response.body
    ? Readable.fromWeb(response.body as Parameters<typeof Readable.fromWeb>[0])
    : Readable.from([]);
  return { body: answer, headers: response.headers };
}

/** Reads a CSV answer row by row (header names as keys) into `onRow`; nothing of it is held whole. */
export async function eachCsvRow(body: Readable, onRow: (row: Record<string, string>) => void): Promise<void> {
  const rows = new CsvRows(onRow);
  for await (const chunk of body) rows.push(chunk as Buffer | string);
  rows.end();
}

/** Drains an answer the caller does not need, so the connection can be reused. */
export async function discard(body: Readable): Promise<void> {
  for await (const _chunk of body) {
    // nothing to keep
  }
}

/** The org's error body, [{ errorCode, message }], as the error jsforce would have thrown. */
async function orgError(response: Response): Promise<Error> {
  const text = await response.text();
  let errorCode = `ERROR_HTTP_${response.status}`;
  let message = text;
  try {
    const [first] = JSON.parse(text) as Array<{ errorCode?: string; message?: string }>;
    if (first?.errorCode) errorCode = first.errorCode;
    if (first?.message) message = first.message;
  } catch {
    // not JSON: keep the text
  }
  if (response.status === 401) errorCode = 'INVALID_SESSION_ID';
  return Object.assign(new Error(message), { name: errorCode, errorCode, statusCode: response.status });
}

export function isExpiredSession(error: unknown): boolean {
  return (error as { errorCode?: string } | undefined)?.errorCode === 'INVALID_SESSION_ID';
}
