// The local org's one HTTP server: collapses `//services/...` paths, checks the access token,
// injects faults, counts API calls (Sforce-Limit-Info), and hands requests to the surfaces' routes.

import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { FaultInjector } from '../faults/faults.js';
import { SoapFault, soapSessionId } from '../soap/envelope.js';
import { SOAP_PATH, soapFaultResponse } from '../soap/routes.js';
import { SoqlError } from '../soql/soqlError.js';
import { ApiError, errorResponse } from './apiError.js';
import { subrequests, type RequestLog } from './requestLog.js';
import type { OrgContext, Route, RouteResponse } from './route.js';

export interface InternalRequest {
  method: string;
  /** Path and query string, e.g. `/services/data/v62.0/sobjects/Contact/003...`. */
  url: string;
  body: Buffer;
  headers: IncomingHttpHeaders;
}

/**
 * Runs a request through the routes without HTTP, auth, faults or counting (Composite subrequests),
 * as the user of `ctx` (default: the org's admin context).
 * Synchronous routes answer synchronously, so a caller can keep them inside one store transaction.
 */
export type Dispatch = (request: InternalRequest, ctx?: OrgContext) => RouteResponse | Promise<RouteResponse>;

export interface OrgServer {
  url: string;
  dispatch: Dispatch;
  close(): Promise<void>;
}

export interface OrgServerOptions {
  port: number;
  ctx: OrgContext;
  /** The request context of the user an Authorization header signs in, or undefined (401). */
  authenticate(authorization: string | undefined): OrgContext | undefined;
  /** Builds the routes; receives the dispatcher so Composite can call the other routes. */
  routes(dispatch: Dispatch): Route[];
  /** Told of every request answered (requestLog.ts); a debug aid, off when undefined. */
  log?: RequestLog;
}

/** What the request log needs of a request until it is answered. */
interface Pending {
  method: string;
  url: string;
  started: number;
  bytesIn: number;
  counted?: number;
  detail?: string;
}

export function collapsePath(url: string): { path: string; query: URLSearchParams } {
  const [rawPath = '/', rawQuery = ''] = url.split('?', 2);
  return { path: rawPath.replace(/^\/+/, '/'), query: new URLSearchParams(rawQuery) };
}

export async function startOrgServer(options: OrgServerOptions): Promise<OrgServer> {
  const { ctx } = options;
  const faults = new FaultInjector(() => ctx.faults);
  let routes: Route[] = [];

  const dispatch: Dispatch = (request, userCtx = ctx) => {
    const { path, query } = collapsePath(request.url);
    let pathMatched = false;
    for (const route of routes) {
      const match = route.pattern.exec(path);
      if (!match) continue;
      pathMatched = true;
      if (route.method !== request.method) continue;
      const params = Object.fromEntries(
        Object.entries(match.groups ?? {}).map(([key, value]) => [
          key,
          value === undefined ? '' : decodeURIComponent(value),
        ]),
      );
      const req = { method: request.method, url: request.url, headers: request.headers } as IncomingMessage;
      try {
        const response = route.handle({ req, path, query, params, body: request.body }, userCtx);
        return response instanceof Promise ? response.catch(errorToResponse) : response;
      } catch (error) {
        return errorToResponse(error);
      }
    }
    return pathMatched
      ? errorResponse(
          405,
          'METHOD_NOT_ALLOWED',
          `HTTP Method '${request.method}' not allowed. Allowed are ${routes
            .filter((route) => route.pattern.test(path))
            .map((route) => route.method)
            .join(',')}`,
        )
      : errorResponse(404, 'NOT_FOUND', 'The requested resource does not exist');
  };
  routes = options.routes(dispatch);

  const pending = new WeakMap<ServerResponse, Pending>();
  /** Tells the log (when there is one) how `res` was answered: status 0 for a dropped connection. */
  const answered = (res: ServerResponse, status: number, bytesOut: number): void => {
    const request = pending.get(res);
    if (options.log === undefined || request === undefined) return;
    pending.delete(res);
    options.log({ ...request, status, bytesOut, ms: performance.now() - request.started });
  };
  const reply = (res: ServerResponse, response: RouteResponse): void => answered(res, ...send(res, response, ctx));
  const drop = (req: IncomingMessage, res: ServerResponse): void => {
    req.socket.destroy();
    answered(res, 0, 0);
  };

  const server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      process.stderr.write(`local org: ${(error as Error).stack ?? String(error)}\n`);
      if (!res.headersSent) reply(res, errorToResponse(error));
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = performance.now();
    const body = await readBody(req);
    if (options.log !== undefined) {
      const url = req.url ?? '/';
      const detail = subrequests(url, body);
      pending.set(res, {
        method: req.method ?? 'GET',
        url,
        started,
        bytesIn: body.length,
        ...(detail ? { detail } : {}),
      });
    }
    const { path } = collapsePath(req.url ?? '/');
    if (ctx.faults.latencyMs > 0) {
      await sleep(ctx.faults.latencyMs);
    }
    const fault = path.startsWith('/services/') ? faults.forRequest() : undefined;
    if (fault === 'reset') {
      drop(req, res);
      return;
    }
    if (fault === 'unavailable') {
      reply(
        res,
        errorResponse(
          503,
          'SERVER_UNAVAILABLE',
          'Server unavailable (injected by the local org fault settings). Retry later.',
        ),
      );
      return;
    }
    if (!path.startsWith('/services/')) {
      reply(res, errorResponse(404, 'NOT_FOUND', 'The requested resource does not exist'));
      return;
    }
    // SOAP calls carry the session in the envelope's SessionHeader, not in an Authorization header.
    const soap = SOAP_PATH.test(path);
    const sessionId = soap && !req.headers.authorization ? soapSessionId(body) : undefined;
    const userCtx = options.authenticate(sessionId ? `Bearer ${sessionId}` : req.headers.authorization);
    if (!userCtx) {
      reply(
        res,
        soap
          ? soapFaultResponse(
              new SoapFault('INVALID_SESSION_ID', 'Invalid Session ID found in SessionHeader: Illegal Session'),
            )
          : errorResponse(401, 'INVALID_SESSION_ID', 'Session expired or invalid'),
      );
      return;
    }
    // Both limits answer 403 REQUEST_LIMIT_EXCEEDED, told apart by the message, with Salesforce's wording
    // (API Request Limits and Allocations). Neither sends Retry-After: a real org does not.
    if (ctx.apiCalls.used >= ctx.apiCalls.max) {
      reply(res, errorResponse(403, 'REQUEST_LIMIT_EXCEEDED', 'TotalRequests Limit exceeded.'));
      return;
    }
    if (fault === 'request-limit') {
      reply(
        res,
        errorResponse(403, 'REQUEST_LIMIT_EXCEEDED', 'ConcurrentRequests (Concurrent API Requests) Limit exceeded.'),
      );
      return;
    }
    ctx.apiCalls.used++;
    const request = pending.get(res);
    if (request !== undefined) request.counted = ctx.apiCalls.used;
    const response = await dispatch(
      { method: req.method ?? 'GET', url: req.url ?? '/', body, headers: req.headers },
      userCtx,
    );
    if (fault === 'reset-after') {
      // Processed (and counted), but the answer never arrives.
      drop(req, res);
      return;
    }
    reply(res, response);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  ctx.instanceUrl = url;
  return {
    url,
    dispatch,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export function errorToResponse(error: unknown): RouteResponse {
  if (error instanceof ApiError) {
    return error.toResponse();
  }
  if (error instanceof SoqlError) {
    return errorResponse(400, error.errorCode, error.message);
  }
  process.stderr.write(`local org: ${(error as Error).stack ?? String(error)}\n`);
  return errorResponse(500, 'UNKNOWN_EXCEPTION', `The local org failed on this request: ${(error as Error).message}`);
}

/** Sends `response`; returns its status and the bytes of its body (for the request log). */
function send(res: ServerResponse, response: RouteResponse, ctx: OrgContext): [status: number, bytes: number] {
  const headers: Record<string, string> = {
    'Sforce-Limit-Info': `api-usage=${ctx.apiCalls.used}/${ctx.apiCalls.max}`,
    ...response.headers,
  };
  let payload: string | Buffer | undefined;
  if (response.body === undefined) {
    payload = undefined;
  } else if (typeof response.body === 'string' || Buffer.isBuffer(response.body)) {
    payload = response.body;
    headers['Content-Type'] ??= 'text/plain; charset=UTF-8';
  } else {
    payload = JSON.stringify(response.body);
    headers['Content-Type'] ??= 'application/json;charset=UTF-8';
  }
  if (payload !== undefined && ctx.faults.cutAnswersNext > 0 && payload.length > 1024) {
    ctx.faults.cutAnswersNext--;
    const bytes = Buffer.from(payload);
    res.writeHead(response.status, { ...headers, 'Content-Length': String(bytes.length) });
    res.write(bytes.subarray(0, bytes.length >> 1), () => res.socket?.destroy());
    return [response.status, bytes.length >> 1];
  }
  res.writeHead(response.status, headers);
  res.end(payload);
  return [response.status, payload === undefined ? 0 : Buffer.byteLength(payload)];
}
