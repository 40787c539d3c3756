// How the local org's HTTP surfaces plug into the one server: each module exports routes.

import type { IncomingMessage } from 'node:http';
import type { RecordStore } from '../data/store.js';
import type { FaultSettings } from '../faults/faults.js';

export interface OrgContext {
  store: RecordStore;
  /** The user the access token belongs to (there is one). */
  userId: string;
  orgId: string;
  /** Counts API calls for the Sforce-Limit-Info header and the limits resource. */
  apiCalls: { used: number; max: number };
  /** `http://127.0.0.1:PORT`, without a trailing slash. */
  instanceUrl: string;
  /** Fault injection; tests may change members or replace the object at run time. */
  faults: FaultSettings;
  /** Most base64-encoded bytes a Bulk API 2.0 job's upload may have (default: Salesforce's, bulk/ingest.ts). */
  bulkUploadLimit?: number;
}

export interface RouteRequest {
  req: IncomingMessage;
  /** Path with leading slashes collapsed, without the query string. */
  path: string;
  query: URLSearchParams;
  /** Path parameters from the pattern's named groups. */
  params: Record<string, string>;
  /** The raw request body (JSON and CSV bodies are parsed by the route). */
  body: Buffer;
}

export interface RouteResponse {
  status: number;
  /** JSON-serialised unless it is a string or Buffer (sent as is). */
  body?: unknown;
  headers?: Record<string, string>;
}

export interface Route {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** Matched against the collapsed path; `/services/data/v(?<version>\d+\.\d)/...`. */
  pattern: RegExp;
  handle(request: RouteRequest, ctx: OrgContext): RouteResponse | Promise<RouteResponse>;
}
