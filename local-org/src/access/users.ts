// The local org's users: the admin every existing client signs in as, a rep with only the
// Social_Bridge_Rep permission set on a minimum-access profile (so every write a rep's screen makes
// is proven to need nothing else), and a read-only user without any Social Bridge permission set.
// Each has its own access token; `GET /services/oauth2/userinfo` says who it belongs to.

import { createHmac } from 'node:crypto';
import { auditFields } from '../data/auditFields.js';
import { formatDateTime } from '../data/fieldValues.js';
import { makeId } from '../data/ids.js';
import type { StoredRecord } from '../data/store.js';
import { USER_ID, USERNAME } from '../data/orgIdentity.js';
import type { ObjectPermission } from './permissionSets.js';

/**
 * What a profile grants before any permission set. `allData` is "Modify All Data" (System
 * Administrator): every object and field, no checks. Otherwise per-object CRUD on standard objects;
 * standard fields follow the object, custom fields need field permissions from a permission set.
 */
export interface Profile {
  name: string;
  allData: boolean;
  objects: Record<string, ObjectPermission>;
}

const READ: ObjectPermission = { read: true, create: false, edit: false, delete: false };

/** Every user reads the User and Organization rows (a real org exposes them to all: sf login needs them). */
const ALWAYS = { User: READ, Organization: READ };

export const PROFILES = {
  admin: { name: 'System Administrator', allData: true, objects: {} },
  minimum: { name: 'Minimum Access - Salesforce', allData: false, objects: { ...ALWAYS } },
  readOnly: {
    name: 'Read Only',
    allData: false,
    objects: { ...ALWAYS, Account: READ, Contact: READ, Lead: READ, Case: READ, Task: READ },
  },
} satisfies Record<string, Profile>;

export interface OrgUser {
  /** Short name for tests, scripts and the preview's user switch: `admin`, `rep`, `viewer`. */
  key: string;
  id: string;
  username: string;
  firstName: string;
  lastName: string;
  title: string;
  profile: Profile;
  /** Names of force-app permission sets assigned to the user. */
  permissionSets: string[];
}

export const ORG_USERS: readonly OrgUser[] = [
  {
    key: 'admin',
    id: USER_ID,
    username: USERNAME,
    firstName: 'Dana',
    lastName: 'Whitfield',
    title: 'Social Care Lead',
    profile: PROFILES.admin,
    permissionSets: ['Social_Bridge_Admin'],
  },
  {
    key: 'rep',
    id: makeId('005', 2),
    username: 'rep@social-bridge.local',
    firstName: 'Ravi',
    lastName: 'Okafor',
    title: 'Service Rep',
    profile: PROFILES.minimum,
    permissionSets: ['Social_Bridge_Rep'],
  },
  {
    key: 'viewer',
    id: makeId('005', 3),
    username: 'viewer@social-bridge.local',
    firstName: 'Mia',
    lastName: 'Lindqvist',
    title: 'Sales Analyst',
    profile: PROFILES.readOnly,
    permissionSets: [],
  },
];

/**
 * A user's token: `<org id>!<secret>` like the admin's, derived from the admin token so it survives
 * a restart with the same data folder and differs between orgs.
 */
export function tokenFor(user: OrgUser, adminToken: string): string {
  if (user.id === USER_ID) {
    return adminToken;
  }
  const [orgPart = ''] = adminToken.split('!', 1);
  return `${orgPart}!${createHmac('sha256', adminToken).update(user.username).digest('base64url')}`;
}

/** The User rows of the users other than the admin (whom orgIdentity inserts). */
export function insertUsers(
  store: { get(id: string): unknown; insertRaw(name: string, record: StoredRecord, sequence?: number): void },
  now: Date,
): void {
  const stamp = formatDateTime(now);
  ORG_USERS.forEach((user, index) => {
    if (user.id === USER_ID || store.get(user.id)) {
      return;
    }
    store.insertRaw(
      'User',
      {
        Id: user.id,
        ...auditFields(stamp, USER_ID),
        Username: user.username,
        FirstName: user.firstName,
        LastName: user.lastName,
        Name: `${user.firstName} ${user.lastName}`,
        Alias: `${user.firstName.slice(0, 1)}${user.lastName.slice(0, 4)}`.toLowerCase(),
        Email: `${user.username.split('@')[0]}@social-bridge.example.com`,
        IsActive: true,
        TimeZoneSidKey: 'America/Los_Angeles',
        LanguageLocaleKey: 'en_US',
        Title: user.title,
        Department: 'Customer Service',
      },
      index + 1,
    );
  });
}
