// Starts the local org (local-org/src/main.ts) for plugin tests and opens a @salesforce/core
// Connection to it over HTTP, the way `sf` would after `org login access-token`.
import { AuthInfo, Connection } from '@salesforce/core';
import { startLocalOrg } from '../../local-org/src/main.js';

export type TestOrg = Awaited<ReturnType<typeof startLocalOrg>>;

export async function startOrg(): Promise<TestOrg> {
  return startLocalOrg({ port: 0 });
}

export async function connectTo(org: TestOrg): Promise<Connection> {
  const authInfo = await AuthInfo.create({
    accessTokenOptions: { accessToken: org.accessToken, instanceUrl: org.url, loginUrl: org.url },
  });
  const connection = await Connection.create({ authInfo });
  connection.setApiVersion('62.0');
  return connection;
}
