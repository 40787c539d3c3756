// A thread cut by a page boundary, in Chromium against the local org (issue 19, item 3): the first
// page holds the customer's later messages, the next page our post that started the conversation.
// The heading must name who started it and the count must be the whole thread's on either page.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Locator } from 'playwright-core';
import {
  createLinkedContact,
  createRecord,
  eventually,
  openPreviewSession,
  type PreviewSession,
} from './previewSession.js';

const HOUR = 60 * 60_000;
const HANDLE = 'jo_boundary';

describe('a thread cut by a page boundary, in Chromium', () => {
  let session: PreviewSession;
  let contactId: string;

  beforeAll(async () => {
    session = await openPreviewSession();
    const org = session.org;
    const jo = createLinkedContact(org, {
      firstName: 'Jo',
      lastName: 'Boundary',
      handle: HANDLE,
      networkUserId: 'b-1',
    });
    contactId = jo.contactId;
    const message = (id: string, hoursAgo: number, fields: Record<string, unknown>) =>
      createRecord(org, 'Social_Interaction__c', {
        External_Id__c: `x:boundary-${id}`,
        Identity__c: jo.identityId,
        Contact__c: contactId,
        Network__c: 'x',
        Direction__c: 'Inbound',
        Visibility__c: 'Public',
        Kind__c: 'Reply',
        Posted_At__c: new Date(Date.now() - hoursAgo * HOUR).toISOString(),
        Status__c: 'Responded',
        ...fields,
      });
    // Newest first: 16 one-message threads fill most of the first page (20)...
    for (let index = 1; index <= 16; index += 1) {
      message(`single-${index}`, index, { Thread_Key__c: `x:boundary-single-${index}`, Body__c: `Unrelated ${index}` });
    }
    // ...then four of the thread's six messages close it; the fifth and the head come on page 2.
    const thread = { Thread_Key__c: 'x:boundary-thread' };
    message('head', 30, {
      ...thread,
      Direction__c: 'Outbound',
      Kind__c: 'Post',
      Body__c: 'Hi Jo, we saw the grinder post: can we help?',
    });
    [24, 23, 22, 21, 20].forEach((hoursAgo, index) =>
      message(`reply-${index}`, hoursAgo, { ...thread, Body__c: `Thread message ${index + 1}` }),
    );
    await session.page.goto(session.recordUrl(contactId));
    await session.page.locator('c-social-timeline .thread-item').first().waitFor({ timeout: 90_000 });
  });

  afterAll(async () => {
    await session?.close();
  });

  const threadOf = (): Locator =>
    session.page.locator('c-social-timeline c-social-thread', { hasText: 'Thread message 5' }).first();
  const labels = async () => ({
    heading: (await threadOf().locator('.thread-heading').textContent())?.trim(),
    count: (await threadOf().locator('.thread-count').textContent())?.trim(),
  });

  it('names who started it and counts it whole while its head is still on the next page', async () => {
    await expect(session.page.locator('c-social-timeline .summary').textContent()).resolves.toContain('of 22');
    expect(await threadOf().locator('li.message').count()).toBe(4);
    const onFirstPage = await eventually(labels, (found) => found.count === '4 of 6 messages shown');
    expect(onFirstPage).toEqual({ heading: `Conversation we started with @${HANDLE}`, count: '4 of 6 messages shown' });
    expect(session.pageErrors).toEqual([]);
  });

  it('says the same after "Load more" brings the head', async () => {
    await session.page.locator('c-social-timeline .load-more button').click();
    await session.page.locator('c-social-timeline .reached-oldest').waitFor({ timeout: 90_000 });
    expect(await threadOf().locator('li.message').count()).toBe(6);
    expect(await labels()).toEqual({ heading: `Conversation we started with @${HANDLE}`, count: '6 messages' });
    expect(session.pageErrors).toEqual([]);
  });
});
