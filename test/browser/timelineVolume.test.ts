// The timeline at volume, in Chromium against the local org (issue 19 items 1 and 2): after many
// pages the DOM holds a bounded window of threads with handles to move it, and "Oldest" reaches
// the oldest of 5,000 in one step with the total still true.
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
    // 400 revealed (100 threads of 4), at most 200 messages (50 threads) rendered.
    const rendered = await page.locator('c-social-timeline li.message').count();
    expect(rendered).toBeGreaterThan(0);
    expect(rendered).toBeLessThanOrEqual(200);
    const firstItem = page.locator('c-social-timeline li.thread-item').first();
    expect(await firstItem.getAttribute('aria-posinset')).toBe('51');
    expect(await firstItem.getAttribute('aria-setsize')).toBe('100');
    // The newest are a keyboard press away: the handle moves the window and focus lands on it.
    const newer = page.locator('c-social-timeline .show-newer button');
    expect((await newer.textContent())?.trim()).toBe('Show newer conversations (50 above)');
    await newer.focus();
    await page.keyboard.press('Enter');
    await expect(
      eventually(
        () => firstItem.getAttribute('aria-posinset'),
        (value) => value === '1',
      ),
    ).resolves.toBe('1');
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
});
