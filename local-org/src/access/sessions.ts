// Who is calling: maps each user's access token to a request context whose store is that user's
// access-controlled store and whose userId is that user (userinfo, CreatedById of Bulk jobs, …).
// The admin's context is the org's own (Modify All Data: the unwrapped store), so every client that
// signs in with the org's token keeps seeing the org exactly as before.

import type { RecordStore } from '../data/store.js';
import type { OrgContext } from '../http/route.js';
import { AccessControlledStore } from './accessControlledStore.js';
import type { PermissionSet } from './permissionSets.js';
import { userAccess, type UserAccess } from './userAccess.js';
import { ORG_USERS, tokenFor, type OrgUser } from './users.js';

export interface SignedInUser {
  key: string;
  id: string;
  username: string;
  accessToken: string;
}

export class OrgSessions {
  private readonly byToken = new Map<string, OrgContext>();
  readonly users: SignedInUser[] = [];

  constructor(orgCtx: OrgContext, store: RecordStore, permissionSets: PermissionSet[], adminToken: string) {
    for (const user of ORG_USERS) {
      const access = userAccess(user, store.schema, permissionSets);
      const ctx = access.allData ? orgCtx : userContext(orgCtx, user, new AccessControlledStore(store, access), access);
      if (access.allData) orgCtx.access = access;
      const accessToken = tokenFor(user, adminToken);
      this.byToken.set(accessToken, ctx);
      this.users.push({ key: user.key, id: user.id, username: user.username, accessToken });
    }
  }

  /** The context of the `Authorization: Bearer|OAuth <token>` header's user, or undefined (401). */
  contextFor(header: string | undefined): OrgContext | undefined {
    const match = /^(?:Bearer|OAuth)\s+(.+)$/i.exec(header ?? '');
    return match ? this.byToken.get(match[1]!.trim()) : undefined;
  }
}

/**
 * The org context seen through one user: reads fall through to the org's live context (faults, API
 * counters, instance URL may change at run time), store, userId and access are the user's.
 */
function userContext(orgCtx: OrgContext, user: OrgUser, store: RecordStore, access: UserAccess): OrgContext {
  const ctx = Object.create(orgCtx) as OrgContext;
  Object.defineProperties(ctx, {
    store: { value: store, enumerable: true },
    userId: { value: user.id, enumerable: true },
    access: { value: access, enumerable: true },
  });
  return ctx;
}
