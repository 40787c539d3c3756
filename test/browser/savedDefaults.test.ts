// Saved defaults follow the rep (issue 19 item 5), in Chromium against the local org: a filter
// chosen in one browser context is saved to the rep's own Social_Rep_Preference__c record through
// the UI API (createRecord, then updateRecord), and a second context, with empty local storage as
// on another device, starts from it.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import {
  createLinkedContact,
  createRecord,
  eventually,
  openPreviewSession,
  type PreviewSession,
} from './previewSession.js';

const HOUR = 60 * 60_000;

describe('saved defaults seen from a second browser context', () => {
  let session: PreviewSession;
  let contactId: string;
  let second: Page | undefined;

  beforeAll(async () => {
    session = await openPreviewSession();
    const dee = createLinkedContact(session.org, {
      firstName: 'Dee',
      lastName: 'Defaults',
      handle: 'dee_defaults',
      networkUserId: 'd-1',
    });
    contactId = dee.contactId;
    ['Inbound', 'Inbound', 'Inbound', 'Outbound', 'Outbound'].forEach((direction, index) =>
      createRecord(session.org, 'Social_Interaction__c', {
        External_Id__c: `x:defaults-${index}`,
        Identity__c: dee.identityId,
        Contact__c: contactId,
        Network__c: 'x',
        Direction__c: direction,
        Visibility__c: 'Public',
        Kind__c: 'Reply',
        Body__c: `Defaults message ${index}`,
        Posted_At__c: new Date(Date.now() - (index + 1) * HOUR).toISOString(),
        Thread_Key__c: `x:defaults-${index}`,
        Status__c: 'Responded',
      }),
    );
  });

  afterAll(async () => {
    await second?.context().close();
    await session?.close();
  });

  const summaryOf = (page: Page) => async () =>
    ((await page.locator('c-social-timeline .summary').textContent()) ?? '').trim();
  const preferences = () => session.org.store.list('Social_Rep_Preference__c');

  it('saves the filter chosen in one context to the rep’s own record', async () => {
    const page = session.page;
    await page.goto(session.recordUrl(contactId));
    await expect(eventually(summaryOf(page), (text) => text === 'Showing 5 of 5 interactions')).resolves.toBe(
      'Showing 5 of 5 interactions',
    );
    await page.getByRole('combobox', { name: 'Direction' }).click();
    await page.getByRole('option', { name: 'Inbound', exact: true }).click();
    await expect(eventually(summaryOf(page), (text) => text === 'Showing 3 of 3 interactions')).resolves.toBe(
      'Showing 3 of 3 interactions',
    );
    const saved = await eventually(preferences, (records) => records.length === 1);
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({ Page__c: 'Contact', OwnerId: session.org.ctx.userId });
    expect(JSON.parse(String(saved[0]!.Timeline_Filter__c))).toMatchObject({ direction: 'Inbound', search: '' });
    expect(session.pageErrors).toEqual([]);
  });

  it('starts a second context (empty local storage, as another device) from the saved filter', async () => {
    const context = await session.browser.newContext({ viewport: { width: 1280, height: 900 } });
    second = await context.newPage();
    await second.goto(session.recordUrl(contactId));
    await expect(eventually(summaryOf(second), (text) => text === 'Showing 3 of 3 interactions')).resolves.toBe(
      'Showing 3 of 3 interactions',
    );
    // A change there updates the same record: still one per rep and page.
    await second.getByRole('combobox', { name: 'Direction' }).click();
    await second.getByRole('option', { name: 'Outbound', exact: true }).click();
    const updated = await eventually(preferences, (records) =>
      records.some((record) => String(record.Timeline_Filter__c).includes('Outbound')),
    );
    expect(updated).toHaveLength(1);
  });
});
