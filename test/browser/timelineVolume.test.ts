// The timeline at volume, in Chromium against the local org (issue 19 items 1 and 2): after many
// pages the DOM holds a bounded window of threads with handles to move it, and "Oldest" reaches
// the oldest of 5,000 in one step with the total still true, and from there the rep pages newer a
// page at a time.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createBusyContact } from '../../local-org/src/seed/busyContact.js';
import { eventually, openPreviewSession, type PreviewSession } from './previewSession.js';

describe('a contact with 5,000 interactions, in Chromium', () => {
  let session: PreviewSession;
  let contactId: string;
  const summary = async (): Promise<string> =>
    ((await session.page.locator('c-social-timeline .summary').textContent()) ?? '').trim();

  beforeAll(async () => {
    session = await openPreviewSession();
    contactId = createBusyContact(session.org.store, 5000);
    await session.page.goto(session.recordUrl(contactId));
    await session.page.locator('c-social-timeline .thread-item').first().waitFor();
  });

  afterAll(async () => {
    await session?.close();
  });

  it('keeps the DOM to a window of threads however many pages are loaded', async () => {
    const page = session.page;
    for (let shown = 40; shown <= 400; shown += 20) {
      await page.locator('c-social-timeline .load-more button').click();
      await eventually(summary, (text) => text.startsWith(`Showing ${shown} of 5,000`));
    }
    expect(await summary()).toBe('Showing 400 of 5,000 interactions');
    // 400 revealed (100 threads of 4), at most 200 messages (50 threads) rendered: the window
    // grew to 200, dropped to the newest 100 at 220 and 340, and holds 160 (threads 61-100).
    const rendered = await page.locator('c-social-timeline li.message').count();
    expect(rendered).toBe(160);
    const firstItem = page.locator('c-social-timeline li.thread-item').first();
    expect(await firstItem.getAttribute('aria-posinset')).toBe('61');
    expect(await firstItem.getAttribute('aria-setsize')).toBe('100');
    // The newest are keyboard presses away: the handle moves the window and focus lands on it.
    const newer = page.locator('c-social-timeline .show-newer button');
    expect((await newer.textContent())?.trim()).toBe('Show newer conversations (60 above)');
    for (const expected of ['11', '1']) {
      await newer.focus();
      await page.keyboard.press('Enter');
      await expect(
        eventually(
          () => firstItem.getAttribute('aria-posinset'),
          (value) => value === expected,
        ),
      ).resolves.toBe(expected);
    }
    await expect(page.locator('c-social-timeline li.message', { hasText: 'Message 0 about' }).count()).resolves.toBe(1);
    expect(await page.locator('c-social-timeline li.message').count()).toBeLessThanOrEqual(200);
    expect(session.pageErrors).toEqual([]);
  });

  it('reaches the oldest of 5,000 in one step, and the total stays true', async () => {
    const page = session.page;
    await page.locator('c-social-timeline .jump-oldest button').click();
    // createBusyContact's oldest of 5,000 is message 4999, an hour before message 4998.
    await page.locator('c-social-timeline li.message', { hasText: 'Message 4999 about' }).waitFor();
    const text = await eventually(summary, (value) => value.includes('newer above'));
    expect(text).toMatch(/^Showing 20 of 5,000 interactions, from .+ back \(4,980 newer above\)$/);
    await page.locator('c-social-timeline .reached-oldest').waitFor();
    // Back to the newest in one step as well.
    await page.locator('c-social-timeline .jump-newest button').click();
    await page.locator('c-social-timeline li.message', { hasText: 'Message 0 about' }).waitFor();
    expect(await eventually(summary, (value) => value === 'Showing 20 of 5,000 interactions')).toBe(
      'Showing 20 of 5,000 interactions',
    );
    expect(session.pageErrors).toEqual([]);
  });

  it('pages newer from the oldest, a page at a time, with the newer count kept true', async () => {
    const page = session.page;
    const message = (n: number) => page.locator('c-social-timeline li.message', { hasText: `Message ${n} about` });
    await page.locator('c-social-timeline .jump-oldest button').click();
    await message(4999).waitFor();
    await eventually(summary, (value) => value.includes('(4,980 newer above)'));
    // The next page newer than the jump goes on top: messages 4979 back to 4960.
    const loadNewer = page.locator('c-social-timeline .load-newer button');
    expect((await loadNewer.textContent())?.trim()).toBe('Load newer');
    await loadNewer.click();
    await message(4960).waitFor();
    expect(await eventually(summary, (value) => value.includes('(4,960 newer above)'))).toMatch(
      /^Showing 40 of 5,000 interactions, from .+ back \(4,960 newer above\)$/,
    );
    expect(await message(4959).count()).toBe(0);
    // The newest shown is on top, and the oldest is still there below it.
    const firstMessage = page.locator('c-social-timeline li.thread-item').first();
    await expect(firstMessage.textContent()).resolves.toContain('Message 4960 about');
    expect(await message(4999).count()).toBe(1);
    await loadNewer.click();
    await message(4940).waitFor();
    expect(await eventually(summary, (value) => value.includes('(4,940 newer above)'))).toMatch(
      /^Showing 60 of 5,000 interactions, from .+ back \(4,940 newer above\)$/,
    );
    await page.locator('c-social-timeline .reached-oldest').waitFor();
    await page.locator('c-social-timeline .jump-newest button').click();
    await message(0).waitFor();
    expect(await page.locator('c-social-timeline .load-newer').count()).toBe(0);
    expect(session.pageErrors).toEqual([]);
  });
});
