// Bidi isolation in Chromium: a handle with a right-to-left override (U+202E) must not reorder the
// text after it on the same line. The catch-up's open item is an inline line (handle, status badge,
// SLA badge, time): without isolation the override runs to the end of the line, so the time would
// read backwards and land left of the handle. Measured on the layout, not on a screenshot.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createLinkedContact, createQuestion, openPreviewSession, type PreviewSession } from './previewSession.js';

const RLO = '\u202E';
const HANDLE = `evil${RLO}txt.exe`;

// The few DOM members the in-page measurement uses: the tests compile without the DOM lib.
interface PageText {
  nodeType: number;
  textContent: string | null;
}
interface PageElement {
  childNodes: Iterable<PageText>;
  ownerDocument: {
    createRange(): {
      setStart(node: PageText, offset: number): void;
      setEnd(node: PageText, offset: number): void;
      getBoundingClientRect(): { left: number };
    };
  };
}
const TEXT_NODE = 3;

interface Box {
  left: number;
  right: number;
  top: number;
  height: number;
}

describe('untrusted text is a bidi isolate in Chromium', () => {
  let session: PreviewSession;
  let contactId: string;

  beforeAll(async () => {
    session = await openPreviewSession();
    const { org } = session;
    let identityId: string;
    ({ contactId, identityId } = createLinkedContact(org, {
      firstName: 'Rae',
      lastName: 'Override',
      handle: HANDLE,
      networkUserId: 'bidi-1',
      displayName: `Rae ${RLO}Override`,
    }));
    createQuestion(org, contactId, 'bidi-post-1', {
      Identity__c: identityId,
      Body__c: `Is this ${RLO}real? https://shop.example.com/p/1`,
      Posted_At__c: new Date(Date.now() - 20 * 60_000).toISOString(),
      Thread_Key__c: 'x:bidi-thread-1',
      Intent__c: 'Question',
    });
    // Wide enough that the open item (handle, two badges, time) fits on one line of the sidebar.
    await session.page.setViewportSize({ width: 1920, height: 1000 });
    await session.page.goto(session.recordUrl(contactId));
    await session.page.locator('c-social-catch-up .open-item').first().waitFor({ timeout: 90_000 });
  });

  afterAll(async () => {
    await session?.close();
  });

  it('keeps the status, SLA and time after the handle, and the time reading forwards', async () => {
    const item = session.page.locator('c-social-catch-up .open-item').first();
    const handle = item.locator('.author [dir="auto"]');
    await expect(handle.textContent()).resolves.toBe(`@${HANDLE}`);
    const box = async (selector: string): Promise<Box> => {
      const found = await item.locator(selector).first().boundingBox();
      if (!found) throw new Error(`${selector} is not laid out`);
      return { left: found.x, right: found.x + found.width, top: found.y, height: found.height };
    };
    const author = await box('.author');
    const status = await box('.slds-badge');
    const sla = await box('.sla');
    const time = await box('time');
    // One line (no box wrapped), in logical order: handle, status badge, SLA badge, time.
    const line = [author, status, sla, time];
    expect(line.every((part) => part.height < 30 && Math.abs(part.top - author.top) < 10)).toBe(true);
    expect(author.right).toBeLessThanOrEqual(status.left + 1);
    expect(status.right).toBeLessThanOrEqual(sla.left + 1);
    expect(sla.right).toBeLessThanOrEqual(time.left + 1);
    // The time's own characters: the first one left of the last one ("20 min ago", not "oga nim 02").
    const edges = await item.locator('time').evaluate((time, textNode) => {
      const element = time as unknown as PageElement;
      const text = [...element.childNodes].find((node) => node.nodeType === textNode && node.textContent?.trim());
      if (!text?.textContent) return null;
      const start = text.textContent.search(/\S/);
      const end = text.textContent.trimEnd().length;
      const charLeft = (offset: number) => {
        const range = element.ownerDocument.createRange();
        range.setStart(text, offset);
        range.setEnd(text, offset + 1);
        return range.getBoundingClientRect().left;
      };
      return { first: charLeft(start), last: charLeft(end - 1), text: text.textContent.trim() };
    }, TEXT_NODE);
    expect(edges?.text).toMatch(/ago$/);
    expect(edges!.first).toBeLessThan(edges!.last);
  });

  it('isolates the same handle on the timeline and in the identities panel', async () => {
    const { page } = session;
    const row = page.locator('c-social-timeline c-social-interaction').first();
    await expect(row.locator('.author [dir="auto"]').textContent()).resolves.toBe(`@${HANDLE}`);
    await expect(row.locator('.body').getAttribute('dir')).resolves.toBe('auto');
    // The link after the override is shown as the address it opens.
    const link = row.locator('.body a');
    await expect(link.getAttribute('href')).resolves.toBe('https://shop.example.com/p/1');
    await expect(link.getAttribute('dir')).resolves.toBe('auto');
    const identity = page.locator('c-social-identities .linked-item').first();
    await expect(identity.locator('.handle').getAttribute('dir')).resolves.toBe('auto');
    await expect(identity.locator('.display-name').getAttribute('dir')).resolves.toBe('auto');
    expect(session.pageErrors).toEqual([]);
  });
});
