// How the local org's HTTP surfaces plug into the one server: each module exports routes.

import type { IncomingMessage } from 'node:http';
import type { UserAccess } from '../access/userAccess.js';
import type { RecordStore } from '../data/store.js';
import type { FaultSettings } from '../faults/faults.js';

export interface OrgContext {
  /** The signed-in user's view of the records (access-controlled unless the user has Modify All Data). */
  store: RecordStore;
  /** The user the request's access token belongs to. */
  userId: string;
  /** What that user may do (object CRUD, the schema as the user sees it); object info reads it. */
  access?: UserAccess;
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
