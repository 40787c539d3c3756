// The org's own rows, present even in an empty org: the Organization and the one user every access
// token belongs to (sf reads both at login).

import { auditFields } from './auditFields.js';
import { formatDateTime } from './fieldValues.js';
import { makeId, ORG_ID } from './ids.js';
import type { MemoryStore } from './memoryStore.js';

export const USER_ID = makeId('005', 1);
export { ORG_ID };
export const USERNAME = 'admin@social-bridge.local';

export function insertOrgIdentity(store: MemoryStore, now: Date): void {
  const stamp = formatDateTime(now);
  const audit = auditFields(stamp, USER_ID);
  if (!store.get(USER_ID)) {
    store.insertRaw(
      'User',
      {
        Id: USER_ID,
        ...audit,
        Username: USERNAME,
        FirstName: 'Dana',
        LastName: 'Whitfield',
        Name: 'Dana Whitfield',
        Alias: 'dwhit',
        Email: 'dana.whitfield@social-bridge.example.com',
        IsActive: true,
        TimeZoneSidKey: 'America/Los_Angeles',
        LanguageLocaleKey: 'en_US',
        Title: 'Social Care Lead',
        Department: 'Customer Service',
      },
      1,
    );
  }
  if (!store.get(ORG_ID)) {
    store.insertRaw(
      'Organization',
      {
        Id: ORG_ID,
        ...audit,
        Name: 'Social Bridge Demo',
        InstanceName: 'LOCAL',
        IsSandbox: false,
        OrganizationType: 'Developer Edition',
        TrialExpirationDate: null,
        NamespacePrefix: null,
        LanguageLocaleKey: 'en_US',
        TimeZoneSidKey: 'America/Los_Angeles',
      },
      1,
    );
  }
}
