// --data DIR keeps records and the access token across restarts; --empty starts with only the org's
// own user and organization; the seed is the same for the same seed number.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { startLocalOrg } from '../../local-org/src/main.js';

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

describe('persistence and start modes', () => {
  it('keeps records, deletions, auto numbers and the token in the data folder across a restart', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'local-org-data-'));
    folders.push(dataDir);
    const first = await startLocalOrg({ port: 0, empty: true, dataDir });
    const kept = first.store.create('Account', { Name: 'Kept Co' });
    const removed = first.store.create('Account', { Name: 'Removed Co' });
    if (!kept.success || !removed.success) throw new Error('create failed');
    first.store.delete(removed.id);
    await first.stop();

    const second = await startLocalOrg({ port: 0, dataDir });
    try {
      expect(second.seed).toBeUndefined();
      expect(second.accessToken).toBe(first.accessToken);
      expect(second.store.list('Account').map((account) => account.Name)).toEqual(['Kept Co']);
      expect(second.store.listDeleted('Account').map((account) => account.Id)).toEqual([removed.id]);
      const next = second.store.create('Account', { Name: 'After Restart' });
      expect(next.success && next.id).not.toBe(kept.id);
      const response = await fetch(`${second.url}/services/data/v62.0/sobjects/Account/${kept.id}`, {
        headers: { authorization: `Bearer ${first.accessToken}` },
      });
      expect(response.status).toBe(200);
    } finally {
      await second.stop();
    }
  });

  it('starts empty with --empty, and seeded (deterministically) otherwise', async () => {
    const empty = await startLocalOrg({ port: 0, empty: true });
    const now = () => new Date('2026-11-20T12:00:00.000Z');
    const seededA = await startLocalOrg({ port: 0, now });
    const seededB = await startLocalOrg({ port: 0, now });
    try {
      // Only the org's own users (admin, rep, viewer: local-org/src/access/users.ts).
      expect(empty.store.list('User')).toHaveLength(empty.users.length);
      expect(empty.store.list('Organization')).toHaveLength(1);
      expect(empty.store.list('Contact')).toHaveLength(0);
      expect(seededA.seed?.counts).toMatchObject({
        Social_Channel__c: 7,
        Account: 12,
        Contact: 40,
        Lead: 15,
        Case: 10,
      });
      expect(seededA.store.list('Social_Interaction__c').length).toBeGreaterThanOrEqual(3000);
      expect(seededA.store.list('Social_Interaction__c')).toEqual(seededB.store.list('Social_Interaction__c'));
      const busiest = seededA.store.get(seededA.seed!.busiestContactId)!.record;
      expect(busiest).toMatchObject({ FirstName: 'Maya', LastName: 'Chen', Email: 'maya.chen@example.com' });
    } finally {
      await Promise.all([empty.stop(), seededA.stop(), seededB.stop()]);
    }
  });
});
