// Lead conversion and unlink in Chromium against the local org (issue 15, items 1 and 2): a Lead with
// a linked X identity and messages is converted with the SOAP API's convertLead() (jsforce, as an API
// client does it on a real org); the new Contact's page shows the Lead's messages and identity at
// once, before any deploy or import moves them. The rep then unlinks the identity in the panel: one
// write, and every message of that identity leaves the Contact's timeline with it.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Connection } from 'jsforce';
import { convertLeadWithSoap, publicPostOnLead } from '../support/leadHistory.js';
import { createRecord, eventually, openPreviewSession, type PreviewSession } from './previewSession.js';

const HOUR = 60 * 60_000;
const HANDLE = 'noor_converted';

describe('a converted Lead on its Contact page, in Chromium', () => {
  let session: PreviewSession;
  let contactId: string;
  let identityId: string;

  beforeAll(async () => {
    session = await openPreviewSession();
    const { org } = session;
    const leadId = createRecord(org, 'Lead', {
      FirstName: 'Noor',
      LastName: 'Haddad',
      Company: 'Haddad Cycles',
      Email: 'noor.haddad@example.com',
    });
    identityId = createRecord(org, 'Social_Identity__c', {
      Name: `@${HANDLE} (x)`,
      External_Id__c: 'x:noor-1',
      Network__c: 'x',
      Network_User_Id__c: 'noor-1',
      Handle__c: HANDLE,
      Lead__c: leadId,
      Link_Status__c: 'Linked',
      Link_Source__c: 'Mapping',
      Matched_By_Rule__c: 'lead-email',
    });
    ['Does the Haddad trail bike come in a 52?', 'Still waiting on sizes for the trail bike'].forEach((body, index) =>
      createRecord(
        org,
        'Social_Interaction__c',
        publicPostOnLead({
          externalId: `x:noor-post-${index}`,
          identityId,
          leadId,
          body,
          postedAt: new Date(Date.now() - (index + 1) * HOUR).toISOString(),
        }),
      ),
    );
    const conn = new Connection({ instanceUrl: org.url, accessToken: org.accessToken, version: '62.0' });
    ({ contactId } = await convertLeadWithSoap(conn, leadId));
    await session.page.goto(session.recordUrl(contactId));
  });

  afterAll(async () => {
    await session?.close();
  });

  const timelineText = () => session.page.locator('c-social-timeline').textContent();

  it("shows the Lead's messages and identity on the Contact at once", async () => {
    const { page } = session;
    await page.locator('c-social-timeline li.message').first().waitFor();
    expect(await page.locator('c-social-timeline li.message').count()).toBe(2);
    const text = await timelineText();
    expect(text).toContain('Does the Haddad trail bike come in a 52?');
    expect(text).toContain('Still waiting on sizes for the trail bike');
    // Nothing moved in the org: the messages are read through the converted Lead.
    expect(session.org.store.list('Social_Interaction__c').filter((row) => row.Contact__c === contactId)).toEqual([]);
    const identity = page.locator('c-social-identities .linked-item', { hasText: HANDLE });
    await expect(identity.locator('.how').textContent()).resolves.toContain('Came with converted lead Noor Haddad');
    expect(session.pageErrors).toEqual([]);
  });

  it("takes every message of an unlinked identity off the Contact with the panel's one write", async () => {
    const { page, org } = session;
    const item = page.locator('c-social-identities .linked-item', { hasText: HANDLE }).first();
    await item.locator('.unlink button').click();
    await item.getByLabel('Reason').fill('A shop account, not Noor');
    await item.locator('.submit-pending button').click();
    const status = () => org.store.get(identityId)?.record.Link_Status__c;
    expect(await eventually(status, (value) => value === 'Unlinked')).toBe('Unlinked');
    expect(org.store.get(identityId)?.record).toMatchObject({ Lead__c: null, Contact__c: null });
    const gone = await eventually(timelineText, (text) => !String(text).includes('Haddad trail bike'));
    expect(gone).not.toContain('Haddad trail bike');
    expect(session.pageErrors).toEqual([]);
  });
});
