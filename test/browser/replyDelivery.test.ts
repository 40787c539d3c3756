// A reply's way to the customer as the rep sees it, in Chromium on the preview record page: the rep
// replies, the timeline shows it queued (and the question "reply queued", still waiting), the real
// deliverer (plugin/src/replies, as `sf social replies deliver` runs it) hands it to the example
// receiver (examples/webhook-receiver.mjs) on 127.0.0.1, and the page shows it sent with the
// network's permalink. A reply the receiver refuses shows why; the rep retries it from the timeline
// and the next run delivers it. Every step is checked against the org's records as well.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Locator, Page } from 'playwright-core';
import type { LocalOrg } from '../../local-org/src/localOrg.js';
import { deliverReplies } from '../../plugin/src/replies/deliver.js';
import { WebhookTransport } from '../../plugin/src/replies/webhookTransport.js';
import { connectTo } from '../plugin/localOrg.js';
import { startReceiver, type Receiver } from '../replies/receiver.js';
import { createQuestion, eventually, openPreviewSession, type PreviewSession } from './previewSession.js';

const SECRET = 'browser-delivery-secret-3b7e';

describe('reply delivery in Chromium', () => {
  let session: PreviewSession;
  let org: LocalOrg;
  let page: Page;
  let contactId: string;
  let receiver: Receiver;
  // Post ids (the payload's inReplyTo) the receiver treats as deleted on the network.
  const deletedPosts = new Set<string>();

  beforeAll(async () => {
    session = await openPreviewSession();
    ({ org, page } = session);
    contactId = org.seed?.busiestContactId as string;
    receiver = await startReceiver({ secret: SECRET, deletedPosts });
  });

  afterAll(async () => {
    await receiver?.close();
    await session?.close();
  });

  /** One run of the deliverer against the preview's org, as `sf social replies deliver` makes it. */
  const deliver = () =>
    deliverReplies({
      connection: connectTo(org),
      transport: new WebhookTransport({ url: new URL(receiver.url), secret: SECRET }),
      dryRun: false,
    });

  const recordOf = (id: string) => org.store.get(id)?.record as Record<string, unknown>;
  const replyTo = (inbound: Record<string, unknown>) =>
    org.store
      .list('Social_Interaction__c')
      .find((record) => record.Direction__c === 'Outbound' && record.In_Reply_To__c === inbound.External_Id__c);
  const row = (text: string): Locator => page.locator('c-social-interaction', { hasText: text }).first();

  /** A new public question on X from the contact, shown after a reload; `postId` is its id on X. */
  async function question(body: string, postId: string): Promise<Record<string, unknown>> {
    const created = createQuestion(org, contactId, postId, { Body__c: body, Intent__c: 'Question' });
    // The same record page again is only a hash: reload it so the timeline reads the new question.
    const url = session.recordUrl(contactId);
    await (page.url() === url ? page.reload() : page.goto(url));
    await row(body).waitFor({ timeout: 90_000 });
    return created;
  }

  /** The rep answers publicly from the question's row; returns the reply the org then holds. */
  async function replyFromTimeline(inbound: Record<string, unknown>, text: string): Promise<Record<string, unknown>> {
    await row(String(inbound.Body__c)).locator('.action-reply button').click();
    await page.locator('textarea.reply-body').fill(text);
    await page.locator('.reply-send button').click();
    const reply = await eventually(
      () => replyTo(inbound),
      (found) => Boolean(found),
    );
    expect(reply).toBeDefined();
    return reply as Record<string, unknown>;
  }

  it('shows a reply queued, then sent with its permalink after a deliver run', async () => {
    const postId = `e2e-ship-${Date.now()}`;
    const inbound = await question('Do you ship the trail jacket to Lisbon?', postId);
    const reply = await replyFromTimeline(inbound, 'Yes, to Lisbon in 3 to 5 days.');

    // Queued: the reply says so, and the question waits with "Reply queued" (not answered yet).
    const replyRow = row('Yes, to Lisbon in 3 to 5 days.');
    await replyRow.locator('.delivery-state', { hasText: 'Queued for delivery' }).waitFor({ timeout: 90_000 });
    await row('Do you ship the trail jacket to Lisbon?')
      .locator('.reply-state', { hasText: 'Reply queued' })
      .waitFor({ timeout: 90_000 });
    expect(recordOf(inbound.Id as string)).toMatchObject({ Status__c: 'Needs_Response' });

    const run = await deliver();
    expect(run.replies.find((result) => result.id === reply.Id)).toMatchObject({ outcome: 'Sent' });
    const delivered = recordOf(reply.Id as string);
    const post = receiver.posts.get(reply.Id as string);
    expect(post?.payload).toMatchObject({ body: 'Yes, to Lisbon in 3 to 5 days.', inReplyTo: postId });
    expect(delivered).toMatchObject({
      Delivery_Status__c: 'Sent',
      Permalink__c: post?.permalink,
      External_Id__c: `x:${post?.postId}`,
    });
    expect(recordOf(inbound.Id as string)).toMatchObject({ Status__c: 'Responded' });

    await page.reload();
    await replyRow.locator('.delivery-state', { hasText: 'Sent to X' }).waitFor({ timeout: 90_000 });
    const link = replyRow.locator('a.delivery-permalink');
    await expect(link.getAttribute('href')).resolves.toBe(post?.permalink);
    await expect(link.textContent()).resolves.toBe('View on X');
    await expect(replyRow.locator('time.delivered-at').getAttribute('datetime')).resolves.toBe(
      new Date(String(delivered.Delivered_At__c)).toISOString(),
    );
    await expect(row('Do you ship the trail jacket to Lisbon?').locator('.reply-state').count()).resolves.toBe(0);
  });

  it('shows why a reply was refused, and a Retry from the timeline gets it delivered by the next run', async () => {
    const postId = `e2e-gone-${Date.now()}`;
    deletedPosts.add(postId);
    const inbound = await question('Is the 40% off code still valid?', postId);
    const reply = await replyFromTimeline(inbound, 'It is, until Sunday night.');

    const refused = await deliver();
    expect(refused.replies.find((result) => result.id === reply.Id)).toMatchObject({ outcome: 'Failed' });
    const reason = String(recordOf(reply.Id as string).Delivery_Error__c);
    expect(reason).toMatch(/^receiver answered 4\d\d: /);

    await page.reload();
    const replyRow = row('It is, until Sunday night.');
    await replyRow.locator('.delivery-state', { hasText: 'Not delivered to X' }).waitFor({ timeout: 90_000 });
    await expect(replyRow.locator('.delivery-reason [dir="auto"]').textContent()).resolves.toBe(reason);
    await row('Is the 40% off code still valid?')
      .locator('.reply-state', { hasText: 'Reply not delivered' })
      .waitFor({ timeout: 90_000 });
    await expect(replyRow.locator('.delivery-private button').count()).resolves.toBe(1);
    await expect(
      page.locator('c-social-catch-up .suggestion-title', { hasText: 'did not reach them' }).count(),
    ).resolves.toBeGreaterThan(0);

    // The post is back (the receiver no longer refuses it); the rep retries.
    deletedPosts.delete(postId);
    await replyRow.locator('.delivery-retry button').click();
    const retried = await eventually(
      () => recordOf(reply.Id as string),
      (record) => record.Delivery_Status__c === 'Queued',
    );
    expect(retried).toMatchObject({ Delivery_Status__c: 'Queued', Delivery_Attempts__c: 0 });
    expect(retried.Delivery_Error__c ?? null).toBeNull();
    await replyRow.locator('.delivery-state', { hasText: 'Queued for delivery' }).waitFor({ timeout: 90_000 });

    const second = await deliver();
    expect(second.replies.find((result) => result.id === reply.Id)).toMatchObject({ outcome: 'Sent' });
    // Sent once: the refused request never became a post.
    expect([...receiver.posts.keys()].filter((key) => key === reply.Id)).toHaveLength(1);
    await page.reload();
    await replyRow.locator('.delivery-state', { hasText: 'Sent to X' }).waitFor({ timeout: 90_000 });
    await expect(replyRow.locator('a.delivery-permalink').getAttribute('href')).resolves.toBe(
      receiver.posts.get(reply.Id as string)?.permalink,
    );
  });

  it('logged no page errors along the way', () => {
    expect(session.pageErrors).toEqual([]);
  });
});
