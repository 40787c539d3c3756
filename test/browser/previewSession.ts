// What every browser test starts from: the seeded local org, the preview served against it, and
// Debian's Chromium with one page that records uncaught page errors. Also `eventually`, for checks
// that wait on the org or the page, and `createQuestion`, a new inbound post written as test data.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startLocalOrg, type LocalOrg } from '../../local-org/src/localOrg.js';
import { startPreviewServer, type PreviewServer } from '../../preview/server.mjs';
import { launchChromium } from '../../preview/chromium.mjs';

export interface PreviewSession {
  org: LocalOrg;
  preview: PreviewServer;
  browser: Browser;
  page: Page;
  /** Messages of uncaught errors on the page, in order. */
  pageErrors: string[];
  /** The preview's record page for a record id. */
  recordUrl(recordId: string): string;
  close(): Promise<void>;
}

export async function openPreviewSession(): Promise<PreviewSession> {
  if (!existsSync(join(process.cwd(), 'preview/dist/main.js'))) {
    throw new Error('preview/dist is missing: run `npm run preview:build` (npm test does it first)');
  }
  const org = await startLocalOrg({ port: 0 });
  let preview: PreviewServer | undefined;
  let browser: Browser | undefined;
  let page: Page;
  try {
    preview = await startPreviewServer({ org, userId: org.ctx.userId });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    // Waits end when their condition holds; the budget only has to outlast a busy 2-core machine.
    page.setDefaultTimeout(90_000);
  } catch (error) {
    // A half-started session would keep jest alive: stop what did start.
    await browser?.close();
    await preview?.stop();
    await org.stop();
    throw error;
  }
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  return {
    org,
    preview,
    browser,
    page,
    pageErrors,
    recordUrl: (recordId) => `${preview.url}#/record/${recordId}`,
    close: async () => {
      await browser.close();
      await preview.stop();
      await org.stop();
    },
  };
}

/** Re-reads a value until it passes the check or the time is up; returns the last value read. */
export async function eventually<T>(
  read: () => T | Promise<T>,
  passes: (value: T) => boolean,
  timeoutMs = 90_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!passes(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await read();
  }
  return value;
}

/**
 * A new inbound public question on X from a contact, written straight to the org's store (test data,
 * not the code under test); `postId` is its id on the network. The contact's X identity is its
 * author unless `fields` names another. Returns the stored record.
 */
/** A record written straight to the org's store (test data), its id; a refused save throws. */
export function createRecord(org: LocalOrg, objectName: string, fields: Record<string, unknown>): string {
  const created = org.store.create(objectName, fields);
  if (!created.success) throw new Error(JSON.stringify(created.errors));
  return created.id;
}

/**
 * A new contact with one X identity a rep linked to it: the person a browser test writes messages for.
 * @returns the contact's and the identity's ids
 */
export function createLinkedContact(
  org: LocalOrg,
  person: { firstName: string; lastName: string; handle: string; networkUserId: string; displayName?: string },
): { contactId: string; identityId: string } {
  const contactId = createRecord(org, 'Contact', {
    FirstName: person.firstName,
    LastName: person.lastName,
    Email: `${person.firstName}.${person.lastName}@example.com`.toLowerCase(),
  });
  const identityId = createRecord(org, 'Social_Identity__c', {
    Name: `@${person.handle} (x)`,
    External_Id__c: `x:${person.networkUserId}`,
    Network__c: 'x',
    Network_User_Id__c: person.networkUserId,
    Handle__c: person.handle,
    Display_Name__c: person.displayName ?? null,
    Contact__c: contactId,
    Link_Status__c: 'Linked',
    Link_Source__c: 'Rep',
  });
  return { contactId, identityId };
}

/**
 * Whether a record page shows this interaction: it has no identity or a Linked one. A Suggested
 * (or rejected, or unlinked) identity contributes nothing until a rep confirms it
 * (docs/interactions.md step 2; socialTimelineFilter.recordScope).
 */
export function fromConfirmedIdentity(org: LocalOrg, interaction: Record<string, unknown>): boolean {
  const identityId = interaction.Identity__c;
  return !identityId || org.store.get(String(identityId))?.record.Link_Status__c === 'Linked';
}

export function createQuestion(
  org: LocalOrg,
  contactId: string,
  postId: string,
  fields: Record<string, unknown>,
): Record<string, unknown> {
  const identity = org.store
    .list('Social_Identity__c')
    .find((candidate) => candidate.Contact__c === contactId && candidate.Network__c === 'x');
  const created = org.store.create('Social_Interaction__c', {
    External_Id__c: `x:${postId}`,
    Identity__c: identity?.Id,
    Contact__c: contactId,
    Network__c: 'x',
    Direction__c: 'Inbound',
    Visibility__c: 'Public',
    Kind__c: 'Mention',
    Posted_At__c: new Date().toISOString(),
    Thread_Key__c: `x:${postId}`,
    Status__c: 'Needs_Response',
    ...fields,
  });
  if (!created.success) throw new Error(JSON.stringify(created.errors));
  return org.store.get(created.id)?.record as Record<string, unknown>;
}
