// Starts the local org (local-org/src/main.ts) for plugin tests and opens a jsforce Connection to it
// over HTTP: the library @salesforce/core's Connection extends, so the deploy's HTTP path is the one
// `sf` uses. Not AuthInfo: it reads and locks auth files under the user's ~/.sfdx, which tests must
// not depend on (a lock held there by another process makes every AuthInfo.create wait 20 s).
import { Connection } from '@jsforce/jsforce-node';
import { startLocalOrg } from '../../local-org/src/main.js';

export type TestOrg = Awaited<ReturnType<typeof startLocalOrg>>;

export const API_VERSION = '62.0';

export async function startOrg(): Promise<TestOrg> {
  return startLocalOrg({ port: 0 });
}

export function connectTo(org: TestOrg): Connection {
  return new Connection({ instanceUrl: org.url, accessToken: org.accessToken, version: API_VERSION });
}
