// The product as a rep meets it: the preview record page in Debian's Chromium, with the real LWC
// engine, lightning-base-components and SLDS, reading and writing the local org over HTTP. Each
// step is checked against the org's records afterwards. Takes the README's screenshots: into
// docs/screenshots with UPDATE_SCREENSHOTS=1, else into a temporary folder (a test run never
// changes the working tree).
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import type { LocalOrg } from '../../local-org/src/localOrg.js';
import { createBusyContact } from '../../local-org/src/seed/busyContact.js';
import {
  createQuestion,
  eventually,
  fromConfirmedIdentity,
  openPreviewSession,
  type PreviewSession,
} from './previewSession.js';

const screenshots =
  process.env.UPDATE_SCREENSHOTS === '1'
    ? join(process.cwd(), 'docs/screenshots')
    : mkdtempSync(join(tmpdir(), 'social-bridge-screenshots-'));

describe('record page in Chromium', () => {
  let session: PreviewSession;
  let org: LocalOrg;
  let page: Page;
  let contactId: string;
  let pageErrors: string[];

  const interactionsOf = (where: (record: Record<string, unknown>) => boolean) =>
    org.store
      .list('Social_Interaction__c')
      .filter((record) => record.Contact__c === contactId && fromConfirmedIdentity(org, record) && where(record));

  beforeAll(async () => {
    session = await openPreviewSession();
    ({ org, page, pageErrors } = session);
    contactId = org.seed?.busiestContactId as string;
    await page.goto(session.recordUrl(contactId));
    await page.locator('c-social-timeline .thread-item').first().waitFor({ timeout: 90_000 });
  });

  afterAll(async () => {
    await session?.close();
  });

  it('shows the contact, the timeline in threads with the true total, and catch-me-up', async () => {
    await expect(page.locator('[data-id="record-title"]').textContent()).resolves.toContain('Maya Chen');
    const total = interactionsOf(() => true).length;
    await expect(page.locator('c-social-timeline .summary').textContent()).resolves.toContain(`of ${total}`);
    expect(await page.locator('c-social-timeline .thread-item').count()).toBeGreaterThan(1);
    await expect(page.locator('c-social-catch-up').textContent()).resolves.toMatch(/Why now/);
    mkdirSync(screenshots, { recursive: true });
    await page.screenshot({ path: join(screenshots, 'record-page-desktop.png') });
    expect(pageErrors).toEqual([]);
  });

  it('declares and serves an icon, so no page load logs a 404 for /favicon.ico', async () => {
    await expect(page.locator('link[rel="icon"]').getAttribute('href')).resolves.toBe('/favicon.ico');
    const icon = await page.request.get(new URL('/favicon.ico', page.url()).toString());
    expect(icon.status()).toBe(200);
    expect(icon.headers()['content-type']).toBe('image/png');
  });

  it('filters by channel to exactly that channel', async () => {
    await page.getByRole('combobox', { name: 'Channel' }).click();
    await page.getByRole('option', { name: 'X', exact: true }).click();
    const onX = interactionsOf((record) => record.Network__c === 'x').length;
    const summary = () => page.locator('c-social-timeline .summary').textContent();
    expect(await eventually(summary, (text) => Boolean(text?.includes(`of ${onX}`)))).toContain(`of ${onX}`);
    await page.getByRole('combobox', { name: 'Channel' }).click();
    await page.getByRole('option', { name: 'All channels' }).click();
    const total = interactionsOf(() => true).length;
    expect(await eventually(summary, (text) => Boolean(text?.includes(`of ${total}`)))).toContain(`of ${total}`);
  });

  it('pages to the oldest interaction', async () => {
    const total = interactionsOf(() => true).length;
    const loadMore = page.locator('c-social-timeline .load-more button');
    const oldestShown = page.locator('c-social-timeline .reached-oldest');
    for (let clicks = 0; clicks < 100 && (await oldestShown.count()) === 0; clicks += 1) {
      if (await loadMore.isEnabled().catch(() => false)) {
        await loadMore.click();
      }
      await page.waitForTimeout(100);
    }
    await oldestShown.waitFor({ timeout: 90_000 });
    expect(await page.locator('c-social-timeline .summary').textContent()).toContain(`${total} of ${total}`);
    expect(await page.locator('c-social-timeline li.message').count()).toBe(total);
  });

  it('opens the interaction a next step is about: its row on the timeline, in view, no navigation JSON', async () => {
    // The test before paged to the oldest: every interaction of the record is on the page.
    const open = page.locator('c-social-catch-up lightning-button.open-interaction').first();
    const interactionId = await open.getAttribute('data-id');
    expect(interactionId).toMatch(/^[a-zA-Z0-9]{15,18}$/);
    const row = page.locator(`c-social-timeline li.message[data-interaction-id="${interactionId}"]`);
    const height = page.viewportSize()?.height ?? 0;
    // boundingBox is relative to the viewport: in view when it overlaps 0..height.
    const inView = async () => {
      const box = await row.boundingBox();
      return Boolean(box && box.y + box.height > 0 && box.y < height);
    };
    await page.evaluate('window.scrollTo(0, 0)');
    // Start with the row out of view (it may be near the top or the bottom of the long page).
    if (await inView()) await page.evaluate('window.scrollTo(0, document.body.scrollHeight)');
    expect(await inView()).toBe(false);
    await open.locator('button').click();
    expect(await eventually(inView, (visible) => visible)).toBe(true);
    await expect(page.locator('.toasts').textContent()).resolves.not.toContain('{');
  });

  it("shows a suggested identity's messages only once a rep confirms it", async () => {
    const suggested = org.store
      .list('Social_Identity__c')
      .find((identity) => identity.Contact__c === contactId && identity.Link_Status__c === 'Suggested');
    expect(suggested).toBeDefined();
    const handle = String(suggested?.Handle__c);
    const itsMessages = org.store
      .list('Social_Interaction__c')
      .filter((record) => record.Identity__c === suggested?.Id && record.Contact__c === contactId);
    expect(itsMessages.length).toBeGreaterThan(0);
    // Rows on the suggested identity's network (handles repeat across networks, channels do not).
    const channelName = String(
      org.store.list('Social_Channel__c').find((channel) => channel.Network_Key__c === suggested?.Network__c)?.Name,
    );
    const rowsOnItsNetwork = page
      .locator('c-social-timeline c-social-interaction')
      .filter({ has: page.locator(`.channel-icon[title="${channelName}"]`) });
    // The test before paged to the oldest: everything the record shows is loaded, and none of it.
    const expectedOnItsNetwork = interactionsOf((record) => record.Network__c === suggested?.Network__c).length;
    expect(await rowsOnItsNetwork.count()).toBe(expectedOnItsNetwork);
    const totalBefore = interactionsOf(() => true).length;

    await page.locator('c-social-identities .suggested-item', { hasText: handle }).locator('.confirm button').click();
    const status = () => org.store.get(suggested?.Id as string)?.record.Link_Status__c;
    expect(await eventually(status, (value) => value === 'Linked')).toBe('Linked');
    try {
      await page.reload();
      const total = interactionsOf(() => true).length;
      expect(total).toBe(totalBefore + itsMessages.length);
      const summary = () => page.locator('c-social-timeline .summary').textContent();
      expect(await eventually(summary, (text) => Boolean(text?.includes(`of ${total}`)))).toContain(`of ${total}`);
    } finally {
      // Back as seeded, for the tests after this one (the same handle can be on two networks).
      org.store.update('Social_Identity__c', suggested?.Id as string, { Link_Status__c: 'Suggested' });
      await page.reload();
      await page.locator('c-social-identities .suggested-item').first().waitFor({ timeout: 90_000 });
    }
  });

  it('unlinks an identity with a reason, and the org records who, why and the new status', async () => {
    const linked = org.store
      .list('Social_Identity__c')
      .find((identity) => identity.Contact__c === contactId && identity.Link_Status__c === 'Linked');
    expect(linked).toBeDefined();
    const item = page.locator('c-social-identities .linked-item', { hasText: String(linked?.Handle__c) }).first();
    await item.locator('.unlink button').click();
    await item.getByLabel('Reason').fill('Not her account: a namesake in Lisbon');
    await item.locator('.submit-pending button').click();
    const note = () => org.store.get(linked?.Id as string)?.record.Link_Note__c;
    expect(await eventually(note, (value) => value === 'Not her account: a namesake in Lisbon')).toBe(
      'Not her account: a namesake in Lisbon',
    );
    const after = org.store.get(linked?.Id as string)?.record;
    expect(after?.Contact__c ?? null).toBeNull();
    expect(after?.Link_Status__c).not.toBe('Linked');
  });

  it('links a new handle to the contact, and the org records a rep-made link', async () => {
    await page.locator('c-social-identities .link-handle button').click();
    const form = page.locator('c-social-identity-link');
    await form.getByRole('combobox', { name: 'Network' }).click();
    await form.getByRole('option', { name: 'YouTube' }).click();
    await form.getByLabel('Handle').fill('@MayaRidesBikes');
    await form.locator('.find button').click();
    await form.locator('.link button').click();
    const linkedHere = () =>
      org.store
        .list('Social_Identity__c')
        .find((identity) => identity.Contact__c === contactId && /mayaridesbikes/i.test(String(identity.Handle__c)));
    const identity = await eventually(linkedHere, (found) => found?.Link_Status__c === 'Linked');
    expect(identity).toMatchObject({ Network__c: 'youtube', Link_Status__c: 'Linked', Link_Source__c: 'Rep' });
  });

  /** A new inbound public question from the contact on X, the newest thing on the page after a reload. */
  async function freshQuestion(body: string): Promise<Record<string, unknown>> {
    const created = createQuestion(org, contactId, `e2e-${Date.now()}`, {
      Body__c: body,
      Thread_Key__c: `x:e2e-thread-${Date.now()}`,
    });
    await page.reload();
    await page.locator('c-social-interaction', { hasText: body }).first().waitFor({ timeout: 90_000 });
    return created;
  }

  const repliesTo = (inbound: Record<string, unknown>) =>
    org.store.list('Social_Interaction__c').filter((record) => record.In_Reply_To__c === inbound.External_Id__c);

  it('replies publicly: a queued outbound reply in the thread, the question still waiting until delivery, shown on the page', async () => {
    const inbound = await freshQuestion('Does the trail jacket come in a tall size?');
    const row = page.locator('c-social-interaction', { hasText: 'Does the trail jacket come in a tall size?' }).first();
    await row.locator('.action-reply button').click();
    await page.locator('textarea.reply-body').fill('Yes! Tall sizes are on the product page under Fit.');
    await page.locator('.reply-send button').click();
    const [reply] = await eventually(
      () => repliesTo(inbound),
      (found) => found.length === 1,
    );
    expect(reply).toMatchObject({
      Direction__c: 'Outbound',
      Visibility__c: 'Public',
      Delivery_Status__c: 'Queued',
      Thread_Key__c: inbound.Thread_Key__c,
      Contact__c: contactId,
    });
    // Answered when the reply is delivered (sf social replies deliver), not when it is queued.
    expect(org.store.get(inbound.Id as string)?.record).toMatchObject({ Status__c: 'Needs_Response' });
    expect(org.store.get(inbound.Id as string)?.record.First_Response_At__c ?? null).toBeNull();
    await page
      .locator('c-social-interaction', { hasText: 'Tall sizes are on the product page' })
      .first()
      .waitFor({ timeout: 90_000 });
  });

  it('stops a public reply with a card number and sends it privately instead', async () => {
    const inbound = await freshQuestion('My order never arrived, what now?');
    const row = page.locator('c-social-interaction', { hasText: 'My order never arrived, what now?' }).first();
    await row.locator('.action-reply button').click();
    await page.locator('textarea.reply-body').fill('We refunded the card 4111 1111 1111 1111, sorry!');
    await page.locator('.personal-data-warning').waitFor({ timeout: 10_000 });
    expect(await page.locator('.personal-data-item').count()).toBeGreaterThan(0);
    await page.locator('.reply-send-private button').click();
    const [reply] = await eventually(
      () => repliesTo(inbound),
      (found) => found.length === 1,
    );
    expect(reply).toMatchObject({ Visibility__c: 'Private', Direction__c: 'Outbound', Delivery_Status__c: 'Queued' });
    expect(repliesTo(inbound).some((record) => record.Visibility__c === 'Public')).toBe(false);
  });

  it('creates a case from an interaction, linked to the contact and the interaction, and shows it on the timeline', async () => {
    const inbound = await freshQuestion('The espresso grinder stopped working after a week.');
    const casesBefore = org.store.list('Case').length;
    const row = page.locator('c-social-interaction', { hasText: 'The espresso grinder stopped working' }).first();
    // Create case sits in the row's overflow menu (lightning-button-menu), Reply is the button.
    await row.locator('.action-menu button').click();
    await row.getByRole('menuitem', { name: 'Create case' }).click();
    const caseId = await eventually(
      () => org.store.get(inbound.Id as string)?.record.Case__c,
      (id) => Boolean(id),
    );
    expect(org.store.list('Case').length).toBe(casesBefore + 1);
    expect(org.store.get(caseId as string)?.record).toMatchObject({ ContactId: contactId });
    const caseNumber = String(org.store.get(caseId as string)?.record.CaseNumber);
    await row.locator('.case', { hasText: caseNumber }).waitFor({ timeout: 90_000 });
  });

  it('switches to a contact with 5,000 interactions: one page in the DOM, the true total, nothing of the last record', async () => {
    const busyId = createBusyContact(org.store, 5000);
    await page.goto(session.recordUrl(busyId));
    await page.locator('c-social-timeline .thread-item').first().waitFor({ timeout: 90_000 });
    const summary = await eventually(
      () => page.locator('c-social-timeline .summary').textContent(),
      (text) => /of 5,?000/.test(text ?? ''),
    );
    expect(summary).toMatch(/of 5,?000/);
    expect(await page.locator('c-social-timeline li.message').count()).toBeLessThanOrEqual(20);
  });

  it('stacks the components in one column at phone width, Catch me up first', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await page.locator('c-social-timeline .thread-item').first().waitFor({ timeout: 90_000 });
    await page.evaluate('window.scrollTo(0, 0)');
    const timeline = await page.locator('c-social-timeline').boundingBox();
    const catchUp = await page.locator('c-social-catch-up').boundingBox();
    // Catch me up on the first screen, above the timeline (it was ~4,600 px down, under it).
    expect(timeline && catchUp && catchUp.y < timeline.y).toBe(true);
    expect(catchUp!.y).toBeLessThan(844);
    expect(timeline?.width).toBeLessThanOrEqual(390);
    expect(catchUp?.width).toBeLessThanOrEqual(390);
    await page.screenshot({ path: join(screenshots, 'record-page-phone.png') });
  });

  it('logged no page errors along the way', () => {
    expect(pageErrors).toEqual([]);
  });
});
