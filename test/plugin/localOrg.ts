// Starts the local org (local-org/src/main.ts) for plugin tests and opens a @salesforce/core
// Connection to it over HTTP, the class `flags['target-org'].getConnection()` returns, so requests go
// through the same jsforce stack as under `sf`.
import { afterAll, beforeAll } from '@jest/globals';
import type { AuthInfo } from '@salesforce/core';
import { Connection, Logger } from '@salesforce/core';
import { startLocalOrg } from '../../local-org/src/main.js';

export type TestOrg = Awaited<ReturnType<typeof startLocalOrg>>;

export const API_VERSION = '62.0';

export async function startOrg(): Promise<TestOrg> {
  return startLocalOrg({ port: 0 });
}

/**
 * Built directly, not with AuthInfo.create: that reads and locks auth files under the user's
 * ~/.sfdx, which tests must not depend on (a lock left there by another process makes every
 * AuthInfo.create wait 20 s). The Connection only asks its AuthInfo for the username when built.
 */
export function connectTo(org: TestOrg): Connection {
  const authInfo = { getUsername: () => 'plugin-tests@social-bridge.local' } as unknown as AuthInfo;
  const connection = new Connection({
    authInfo,
    connectionOptions: { instanceUrl: org.url, accessToken: org.accessToken, version: API_VERSION },
  });
  // Connection.create would attach a logger writing to ~/.sf; an in-memory one keeps tests out of $HOME.
  (connection as unknown as { logger: Logger }).logger = new Logger({ name: 'plugin-tests', useMemoryLogger: true });
  return connection;
}

/** Creates a record straight in the org's store (test data), failing the test when the store refuses it. */
export function seed(org: TestOrg, objectName: string, fields: Record<string, unknown>): string {
  const result = org.store.create(objectName, fields);
  if (!result.success) throw new Error(`seed ${objectName} failed: ${JSON.stringify(result.errors)}`);
  return result.id;
}

/** One local org for the test file: started before its tests, stopped after; call the result inside tests. */
export function localOrgForFile(): () => TestOrg {
  let org: TestOrg | undefined;
  beforeAll(async () => {
    org = await startOrg();
  });
  afterAll(async () => {
    await org?.stop();
  });
  return () => {
    if (org === undefined) throw new Error('the local org is not started yet: use it inside a test or hook');
    return org;
  };
}
