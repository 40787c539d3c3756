// A channel an admin turns off, as a rep meets it in Chromium against the local org (issue 15,
// item 3): the admin's REST update of Social_Channel__c.Enabled__c (jsforce, as `sf data update
// record` or Setup's API would send it) takes the channel's messages off the rep's Contact page at
// the next load; the timeline's count stays true and a line says how many are hidden and why, and
// Catch me up counts none of them. Turned back on, they come back. The rep is the local org's user
// with only Social_Bridge_Rep, signed in to the preview by its preview-user cookie.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Connection } from 'jsforce';
import {
  createLinkedContact,
  createQuestion,
  createRecord,
  eventually,
  openPreviewSession,
  type PreviewSession,
} from './previewSession.js';

const MINUTE = 60_000;

describe("a channel an admin turned off, on a rep's Contact page in Chromium", () => {
  let session: PreviewSession;
  let admin: Connection;
  let contactId: string;
  let facebookChannelId: string;

  beforeAll(async () => {
    session = await openPreviewSession();
    const { org, page, preview } = session;
    ({ contactId } = createLinkedContact(org, {
      firstName: 'Lena',
      lastName: 'Vogt',
      handle: 'lena_vogt',
      networkUserId: '8800200',
    }));
    const facebookIdentityId = createRecord(org, 'Social_Identity__c', {
      Name: 'Lena Vogt (facebook)',
      External_Id__c: 'facebook:8800200',
      Network__c: 'facebook',
      Network_User_Id__c: '8800200',
      Handle__c: 'lena.vogt',
      Contact__c: contactId,
      Link_Status__c: 'Linked',
      Link_Source__c: 'Rep',
    });
    const posted = (minutesAgo: number) => new Date(Date.now() - minutesAgo * MINUTE).toISOString();
    createQuestion(org, contactId, '8800200001', {
      Body__c: 'Is the alpine tent waterproof?',
      Posted_At__c: posted(10),
    });
    createQuestion(org, contactId, '8800200002', {
      Body__c: 'Loved the alpine tent last weekend.',
      Status__c: 'Closed',
      Posted_At__c: posted(300),
    });
    ['Where is my refund for the stove?', 'Still no word on the stove refund'].forEach((body, index) =>
      createRecord(org, 'Social_Interaction__c', {
        External_Id__c: `facebook:8800200-${index}`,
        Identity__c: facebookIdentityId,
        Contact__c: contactId,
        Network__c: 'facebook',
        Direction__c: 'Inbound',
        Visibility__c: 'Public',
        Kind__c: 'Comment',
        Body__c: body,
        Posted_At__c: posted(20 + index * 30),
        Thread_Key__c: 'facebook:stove-refund',
        Status__c: 'Needs_Response',
      }),
    );
    facebookChannelId = String(
      org.store.list('Social_Channel__c').find((channel) => channel.Network_Key__c === 'facebook')?.Id,
    );
    admin = new Connection({ instanceUrl: org.url, accessToken: org.accessToken, version: '62.0' });
    await page.context().addCookies([{ name: 'preview-user', value: 'rep', url: preview.url }]);
    await page.goto(session.recordUrl(contactId));
  });

  afterAll(async () => {
    await session?.close();
  });

  const text = (selector: string) => () => session.page.locator(selector).first().textContent();
  const timelineSummary = text('c-social-timeline .summary');
  const openHeading = text('c-social-catch-up .open-heading');

  it('shows every channel while all are on', async () => {
    const { page } = session;
    await expect(page.locator('[data-id="user-switcher"]').textContent()).resolves.toContain('rep@social-bridge.local');
    expect(await eventually(timelineSummary, (value) => value === 'Showing 4 of 4 interactions')).toBe(
      'Showing 4 of 4 interactions',
    );
    expect(await eventually(openHeading, (value) => value === 'Open items (3)')).toBe('Open items (3)');
    expect(await page.locator('c-social-timeline .hidden-channels').count()).toBe(0);
    expect(session.pageErrors).toEqual([]);
  });

  it("hides a turned-off channel's messages with a line saying how many and why; Catch me up counts none", async () => {
    const { page } = session;
    const saved = await admin.sobject('Social_Channel__c').update({ Id: facebookChannelId, Enabled__c: false });
    expect(saved).toMatchObject({ success: true });
    await page.reload();
    expect(await eventually(timelineSummary, (value) => value === 'Showing 2 of 2 interactions')).toBe(
      'Showing 2 of 2 interactions',
    );
    await expect(text('c-social-timeline .hidden-channels')()).resolves.toContain(
      '2 messages from disabled channels (Facebook) are hidden. An admin turned these channels off.',
    );
    const timeline = String(await page.locator('c-social-timeline').textContent());
    expect(timeline).toContain('Is the alpine tent waterproof?');
    expect(timeline).not.toContain('stove');
    expect(await eventually(openHeading, (value) => value === 'Open items (1)')).toBe('Open items (1)');
    const catchUp = String(await page.locator('c-social-catch-up').textContent());
    expect(catchUp).not.toContain('stove');
    expect(catchUp).not.toContain('Facebook');
    await expect(text('c-social-catch-up .summary')()).resolves.toContain('2 interactions');
    // The channel filter offers only channels still on.
    const channelOptions = await page
      .locator('c-social-timeline-filters lightning-combobox.channel')
      .evaluate((combobox) => (combobox as unknown as { options: { label: string }[] }).options.map((o) => o.label));
    expect(channelOptions).toContain('X');
    expect(channelOptions).not.toContain('Facebook');
    // Nothing changed in the org: the messages are only hidden from reps.
    expect(session.org.store.list('Social_Interaction__c').filter((row) => row.Contact__c === contactId)).toHaveLength(
      4,
    );
    expect(session.pageErrors).toEqual([]);
  });

  it('shows them again once the admin turns the channel back on', async () => {
    const { page } = session;
    await admin.sobject('Social_Channel__c').update({ Id: facebookChannelId, Enabled__c: true });
    await page.reload();
    expect(await eventually(timelineSummary, (value) => value === 'Showing 4 of 4 interactions')).toBe(
      'Showing 4 of 4 interactions',
    );
    await expect(page.locator('c-social-timeline').textContent()).resolves.toContain(
      'Still no word on the stove refund',
    );
    expect(await page.locator('c-social-timeline .hidden-channels').count()).toBe(0);
    expect(await eventually(openHeading, (value) => value === 'Open items (3)')).toBe('Open items (3)');
    expect(session.pageErrors).toEqual([]);
  });
});
