// Starts the local org (local-org/src/main.ts, helper B's startLocalOrg) on a free port and opens a
// @salesforce/core Connection to it over real HTTP, the way `sf` connects to any org. Resolves to
// undefined while the local org does not exist yet, so the org suites report themselves as skipped.
import { addAbortListener } from 'node:events';
import { existsSync } from 'node:fs';
import { AuthInfo, Connection } from '@salesforce/core';

/**
 * jsforce's HTTP client (undici 8) calls `listener[Symbol.dispose]()` on what node:events'
 * addAbortListener returns. On Node 22 that symbol is Node's own polyfill (Symbol(nodejs.dispose)), defined on the main realm's
 * Symbol only; jest runs tests in a vm context whose Symbol has none, so every request fails after its
 * response ("removeAbortListener is not a function"). Give this context Node's symbol.
 */
function shareNodeDisposeSymbol(): void {
  const probe = addAbortListener(new AbortController().signal, () => undefined);
  const nodeDispose = Object.getOwnPropertySymbols(probe).find((symbol) => /dispose/.test(symbol.description ?? ''));
  if (nodeDispose !== undefined && (Symbol as { dispose?: symbol }).dispose !== nodeDispose) {
    Object.defineProperty(Symbol, 'dispose', { value: nodeDispose, configurable: true });
  }
}
shareNodeDisposeSymbol();

export interface LocalOrgSession {
  connection: Connection;
  url: string;
  /** `00D…!…`: sf accepts it as --target-org, with the instance URL in SF_ORG_INSTANCE_URL. */
  accessToken: string;
  stop(): Promise<void>;
}

interface LocalOrg {
  url: string;
  accessToken: string;
  stop(): Promise<void> | void;
}

const MAIN = new URL('../../local-org/src/main.ts', import.meta.url);

export function localOrgAvailable(): boolean {
  return existsSync(MAIN);
}

export async function startSession(): Promise<LocalOrgSession> {
  // A variable specifier: the module is loaded at run time, so this file compiles before it exists.
  const specifier = '../../local-org/src/main.js';
  const { startLocalOrg } = (await import(specifier)) as {
    startLocalOrg(options: { port: number }): Promise<LocalOrg>;
  };
  const org = await startLocalOrg({ port: 0 });
  const authInfo = await AuthInfo.create({
    username: org.accessToken,
    accessTokenOptions: { accessToken: org.accessToken, instanceUrl: org.url, loginUrl: org.url },
  });
  const connection = await Connection.create({ authInfo, connectionOptions: { version: '62.0' } });
  return { connection, url: org.url, accessToken: org.accessToken, stop: async () => void (await org.stop()) };
}
