// A debug log of the requests the org answers, one line each, to tell where a command's API calls go:
// `LOCAL_ORG_REQUEST_LOG=/tmp/calls.log` (or LocalOrgOptions.requestLog) appends, for every request,
//   21:40:03.512 #17 200 GET /services/data/v62.0/jobs/ingest/750…/ in 0 B out 512 B 3 ms
// where #17 is the org's API call counter after a counted request ("-" for one not counted: a refused
// session, an injected fault, the daily limit). Off unless asked for; appended synchronously, which is
// fine for a debug aid (a command sends at most a few thousand requests).

import { appendFileSync } from 'node:fs';

/** What the server knows of one request when it answers it. */
export interface LoggedRequest {
  method: string;
  url: string;
  status: number;
  bytesIn: number;
  bytesOut: number;
  ms: number;
  /** The API call counter after this request, when the request was counted. */
  counted?: number;
  /** What a composite request asked, e.g. "GET query Contact, GET @{page0.nextRecordsUrl}" (see `subrequests`). */
  detail?: string;
}

export type RequestLog = (request: LoggedRequest) => void;

/** The longest query string kept on a line: a SOQL IN list can run to 100,000 characters. */
const QUERY_CHARS = 160;

/** A request log appending to `file`, or undefined when no file is named. */
export function requestLogTo(file: string | undefined): RequestLog | undefined {
  if (file === undefined || file === '') return undefined;
  return (request) => appendFileSync(file, `${formatLine(request, new Date())}\n`);
}

export function formatLine(request: LoggedRequest, at: Date): string {
  const [path = '', query] = request.url.split('?', 2);
  const shown = query === undefined ? path : `${path}?${shortQuery(query)}`;
  return [
    at.toISOString().slice(11, 23),
    request.counted === undefined ? '-' : `#${request.counted}`,
    request.status,
    request.method,
    shown.replace(/^\/+/, '/'),
    `in ${bytes(request.bytesIn)} out ${bytes(request.bytesOut)}`,
    `${Math.round(request.ms)} ms`,
    ...(request.detail ? [`[${request.detail}]`] : []),
  ].join(' ');
}

/**
 * The subrequests of a composite request, shortly: a query as "GET query <object>", anything else as its
 * method and path below /services/data/vXX.X; undefined for any other request or a body that is no
 * composite request.
 */
export function subrequests(url: string, body: Buffer): string | undefined {
  if (!/\/composite\/?(\?|$)/.test(url) || body.length === 0) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
  const requests = (parsed as { compositeRequest?: unknown }).compositeRequest;
  if (!Array.isArray(requests)) return undefined;
  return requests
    .map((request: { method?: unknown; url?: unknown }) => {
      const target = String(request.url ?? '');
      const soql = /[?&]q=([^&]*)/.exec(target);
      const object = soql ? /\bFROM\s+(\w+)/i.exec(decodeURIComponent(soql[1]!.replace(/\+/g, ' '))) : null;
      const shown = object ? `query ${object[1]}` : target.replace(/^\/services\/data\/v[\d.]+/, '');
      return `${String(request.method ?? 'GET')} ${shown}`;
    })
    .join(', ');
}

function shortQuery(query: string): string {
  let text: string;
  try {
    text = decodeURIComponent(query.replace(/\+/g, ' '));
  } catch {
    text = query;
  }
  return text.length > QUERY_CHARS ? `${text.slice(0, QUERY_CHARS)}… (${text.length} chars)` : text;
}

function bytes(count: number): string {
  if (count < 10_000) return `${count} B`;
  if (count < 10_000_000) return `${Math.round(count / 1000)} kB`;
  return `${Math.round(count / 1_000_000)} MB`;
}
