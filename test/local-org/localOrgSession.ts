// Starts a local org in-process on a free port and opens a jsforce Connection to it over real HTTP.

import { Connection } from 'jsforce';
import { startLocalOrg, type LocalOrg, type LocalOrgOptions } from '../../local-org/src/main.js';

export interface Session {
  org: LocalOrg;
  conn: Connection;
}

export const API_VERSION = '62.0';

export async function startSession(options: LocalOrgOptions = {}): Promise<Session> {
  const org = await startLocalOrg({ port: 0, ...options });
  const conn = new Connection({ instanceUrl: org.url, accessToken: org.accessToken, version: API_VERSION });
  return { org, conn };
}

/** A raw HTTP call with the org's token, for status codes and headers jsforce hides. */
export async function call(
  org: LocalOrg,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Headers; body: unknown }> {
  const response = await fetch(`${org.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${org.accessToken}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // CSV and other text bodies stay as they are.
  }
  return { status: response.status, headers: response.headers, body: parsed };
}

/** The Salesforce error code of a rejected jsforce call. */
export async function errorCodeOf(promise: PromiseLike<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return (error as { errorCode?: string }).errorCode ?? (error as Error).name;
  }
  throw new Error('expected the call to fail');
}
