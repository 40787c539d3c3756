// Catch me up on a Case page in Chromium: it summarises the case's contact and names them in the
// card's header; a case without a contact gets a clear empty state instead of a summary.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { loadLwcModule } from '../lwc-queries/lwcModule.js';
import { fromConfirmedIdentity, openPreviewSession, type PreviewSession } from './previewSession.js';

// Whether an open message waits for an answer, by the components' own module: a "Thanks!" left New
// is no open item (docs/lwc-components.md, "Suggested next steps").
const { expectsAnswer } = loadLwcModule<{ expectsAnswer: (interaction: Record<string, unknown>) => boolean }>(
  'socialMessageShape',
);

describe('catch me up on a Case page in Chromium', () => {
  let session: PreviewSession;

  beforeAll(async () => {
    session = await openPreviewSession();
  });

  afterAll(async () => {
    await session?.close();
  });

  it("catches up on the case's contact, named in the header", async () => {
    const { org, page } = session;
    const caseId = org.seed!.caseIds[0]!;
    const contactId = org.store.get(caseId)?.record.ContactId as string;
    const contactName = String(org.store.get(contactId)?.record.Name);
    await page.goto(session.recordUrl(caseId));
    const card = page.locator('c-social-catch-up');
    await card.locator('.suggestion').first().waitFor({ timeout: 90_000 });
    await expect(card.locator('.title').textContent()).resolves.toBe(`Catch me up on ${contactName}`);
    await expect(card.locator('.title [dir="auto"]').textContent()).resolves.toBe(contactName);
    await expect(card.textContent()).resolves.toMatch(/Why now/);
    const openInteractions = org.store.list('Social_Interaction__c').filter(
      (record) =>
        record.Contact__c === contactId &&
        fromConfirmedIdentity(org, record) &&
        record.Direction__c === 'Inbound' &&
        ['New', 'Needs_Response'].includes(String(record.Status__c)) &&
        expectsAnswer({
          intent: record.Intent__c,
          status: record.Status__c,
          sentiment: record.Sentiment__c,
          body: record.Body__c,
        }),
    ).length;
    await expect(card.locator('.open-heading').textContent()).resolves.toBe(`Open items (${openInteractions})`);
    await expect(card.locator('.no-case-contact').count()).resolves.toBe(0);
    await expect(card.locator('.unsupported').count()).resolves.toBe(0);
    // The identities panel targets Contact and Lead pages only: on a case it could only show an error.
    await expect(page.locator('c-social-identities').count()).resolves.toBe(0);
  });

  it('says so when the case has no contact', async () => {
    const { org, page } = session;
    const created = org.store.create('Case', { Subject: 'Walk-in, no contact yet', Status: 'New', Origin: 'Web' });
    if (!created.success) throw new Error(JSON.stringify(created.errors));
    await page.goto(session.recordUrl(created.id));
    const card = page.locator('c-social-catch-up');
    await card.locator('.no-case-contact').waitFor({ timeout: 90_000 });
    await expect(card.locator('.no-case-contact').textContent()).resolves.toContain('This case has no contact');
    await expect(card.locator('.title').textContent()).resolves.toBe('Catch me up');
    await expect(card.locator('lightning-spinner').count()).resolves.toBe(0);
    await expect(card.locator('.suggestion').count()).resolves.toBe(0);
    // The timeline says what is missing too, rather than asking to link an identity to no one.
    const empty = page.locator('c-social-timeline .empty-message');
    await empty.waitFor({ timeout: 90_000 });
    await expect(empty.textContent()).resolves.toContain('This case has no contact yet.');
    await expect(page.locator('c-social-timeline .link-identity').count()).resolves.toBe(0);
    expect(session.pageErrors).toEqual([]);
  });
});
