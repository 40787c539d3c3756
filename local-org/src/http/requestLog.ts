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
  ].join(' ');
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
