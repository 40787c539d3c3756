// Starts a local org in this process: schema from force-app, the store (seeded, empty or loaded
// from a folder), every HTTP surface, fault injection; returns what tests and scripts need.

import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { readPermissionSets } from './access/permissionSets.js';
import { OrgSessions, type SignedInUser } from './access/sessions.js';
import { insertUsers } from './access/users.js';
import { ingestRoutes } from './bulk/ingest.js';
import { queryJobRoutes } from './bulk/queryJobs.js';
import { FolderPersistence } from './data/folderPersistence.js';
import { MemoryStore } from './data/memoryStore.js';
import { insertOrgIdentity, ORG_ID, USER_ID } from './data/orgIdentity.js';
import { noFaults, FaultInjector, type FaultSettings } from './faults/faults.js';
import type { OrgContext, Route } from './http/route.js';
import { requestLogTo } from './http/requestLog.js';
import { startOrgServer } from './http/server.js';
import { collectionRoutes } from './rest/collections.js';
import { compositeRoutes } from './rest/composite.js';
import { describeRoutes } from './rest/describe.js';
import { limitsRoutes } from './rest/limits.js';
import { queryRoutes } from './rest/query.js';
import { recordRoutes } from './rest/records.js';
import { versionRoutes } from './rest/versions.js';
import { loadOrgSchema } from './schema/loadSchema.js';
import { seedDemoData, type SeedSummary } from './seed/demoData.js';
import { soapRoutes } from './soap/routes.js';
import { uiApiRoutes } from './uiapi/index.js';

export interface LocalOrgOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Start without the demo data (only the user and the organization). */
  empty?: boolean;
  /** Keep records in this folder across restarts (loaded at start, saved on change and stop). */
  dataDir?: string;
  /** Where the metadata is read from; default: this repository's force-app. */
  forceAppDir?: string;
  /** Fixed access token; default: random, or the one saved in dataDir. */
  accessToken?: string;
  /** Daily API request allowance (default 1,000,000, like a large org; lower it to test the limit). */
  apiLimit?: number;
  latencyMs?: number;
  /** Share of requests answered 503 (shorthand for faults.unavailableRate). */
  faultRate?: number;
  faults?: Partial<FaultSettings>;
  /** Most base64-encoded bytes a Bulk API job's upload may have (default: Salesforce's 150 MB); tests lower it. */
  bulkUploadLimit?: number;
  /** Clock for audit fields and the seed's timestamps. */
  now?: () => Date;
  /** Seed of the demo data generator. */
  seed?: number;
  /**
   * Append a line for every request answered to this file (http/requestLog.ts); default: the file
   * LOCAL_ORG_REQUEST_LOG names, else none. A debug aid for where a command's API calls go.
   */
  requestLog?: string;
}

export interface LocalOrg {
  /** `http://127.0.0.1:PORT` */
  url: string;
  /** `00D...!...`: the admin's Bearer token (System Administrator: every object and field). */
  accessToken: string;
  /** Every user of the org with their own token: `admin`, `rep` (only Social_Bridge_Rep), `viewer` (none). */
  users: SignedInUser[];
  store: MemoryStore;
  /** Live settings: ctx.faults and ctx.apiCalls may be changed by tests at run time. */
  ctx: OrgContext;
  /** What the demo seed created (ids to rely on); undefined when empty or loaded from a folder. */
  seed?: SeedSummary;
  stop(): Promise<void>;
}

const DEFAULT_API_LIMIT = 1_000_000;

function defaultForceApp(): string {
  return fileURLToPath(new URL('../../force-app', import.meta.url));
}

function newToken(): string {
  return `${ORG_ID.slice(0, 15)}!${randomBytes(30).toString('base64url')}`;
}

export function allRoutes(dispatch: Parameters<typeof compositeRoutes>[0]): Route[] {
  return [
    ...versionRoutes(),
    ...describeRoutes(),
    ...recordRoutes(),
    ...queryRoutes(),
    ...collectionRoutes(),
    ...compositeRoutes(dispatch),
    ...limitsRoutes(),
    ...ingestRoutes(),
    ...queryJobRoutes(),
    ...uiApiRoutes(),
    ...soapRoutes(),
  ];
}

export async function startLocalOrg(options: LocalOrgOptions = {}): Promise<LocalOrg> {
  const now = options.now ?? (() => new Date());
  const schema = loadOrgSchema(options.forceAppDir ?? defaultForceApp());
  const store = new MemoryStore(schema, { userId: USER_ID, now });
  const persistence = options.dataDir ? new FolderPersistence(options.dataDir, store) : undefined;
  let seed: SeedSummary | undefined;
  const loaded = persistence?.load() ?? false;
  insertOrgIdentity(store, now());
  if (!loaded && !options.empty) {
    seed = seedDemoData(store, { now: now(), seed: options.seed });
  }
  insertUsers(store, now());
  const accessToken = options.accessToken ?? persistence?.savedToken() ?? newToken();
  if (persistence) {
    persistence.save();
    persistence.saveToken(accessToken);
    persistence.watch();
  }
  const ctx: OrgContext = {
    store,
    userId: USER_ID,
    orgId: ORG_ID,
    apiCalls: { used: 0, max: options.apiLimit ?? DEFAULT_API_LIMIT },
    instanceUrl: '',
    faults: noFaults({ latencyMs: options.latencyMs ?? 0, unavailableRate: options.faultRate ?? 0, ...options.faults }),
    ...(options.bulkUploadLimit !== undefined ? { bulkUploadLimit: options.bulkUploadLimit } : {}),
  };
  const writes = new FaultInjector(() => ctx.faults);
  store.writeFault = (objectName, _operation, fields, existing) => writes.forWrite(objectName, fields, existing);
  const forceAppDir = options.forceAppDir ?? defaultForceApp();
  const sessions = new OrgSessions(ctx, store, readPermissionSets(forceAppDir), accessToken);
  const server = await startOrgServer({
    port: options.port ?? 0,
    ctx,
    authenticate: (header) => sessions.contextFor(header),
    routes: allRoutes,
    log: requestLogTo(options.requestLog ?? process.env.LOCAL_ORG_REQUEST_LOG),
  });
  return {
    url: server.url,
    accessToken,
    users: sessions.users,
    store,
    ctx,
    seed,
    stop: async () => {
      await server.close();
      persistence?.save();
    },
  };
}
