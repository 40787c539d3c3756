// Permissions and conflicts as reps meet them: the preview in Chromium signed in (preview-user
// cookie) as the local org's rep with only Social_Bridge_Rep, as the viewer without any Social
// Bridge permission set, and as two reps on the same message. Every write goes through the rep's
// own token, so the local org's object CRUD and field-level security (local-org/src/access) judge it
// as a real org would; each is checked in the org's records afterwards.
// Salesforce facts: lightning/uiRecordApi updateRecord clientOptions.ifUnmodifiedSince
// (https://developer.salesforce.com/docs/platform/lwc/guide/reference-update-record.html); UI API
// object info per user (https://developer.salesforce.com/docs/atlas.en-us.uiapi.meta/uiapi/ui_api_responses_object_info.htm).
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Locator, Page } from 'playwright-core';
import { startLocalOrg, type LocalOrg } from '../../local-org/src/localOrg.js';
import { startPreviewServer, type PreviewServer } from '../../preview/server.mjs';
import { launchChromium } from '../../preview/chromium.mjs';
import { createLinkedContact, createQuestion, eventually } from './previewSession.js';

describe('permissions and conflicts in Chromium', () => {
  let org: LocalOrg;
  let preview: PreviewServer;
  let browser: Browser;
  const pageErrors: string[] = [];
  let contactId: string;
  let identityId: string;

  beforeAll(async () => {
    org = await startLocalOrg({ port: 0 });
    preview = await startPreviewServer({ org, userId: org.ctx.userId });
    browser = await launchChromium();
    ({ contactId, identityId } = createLinkedContact(org, {
      firstName: 'Noor',
      lastName: 'Haddad',
      handle: 'noor_h',
      networkUserId: '7700100',
    }));
  });

  afterAll(async () => {
    await browser?.close();
    await preview?.stop();
    await org?.stop();
  });

  /** A page of its own browser context, signed in as the org's user `key`, on the contact's record page. */
  async function pageAs(key: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addCookies([{ name: 'preview-user', value: key, url: preview.url }]);
    const page = await context.newPage();
    page.setDefaultTimeout(90_000);
    page.on('pageerror', (error) => pageErrors.push(`${key}: ${error.message}`));
    await page.goto(`${preview.url}#/record/${contactId}`);
    return page;
  }

  const rowOf = (page: Page, text: string): Locator => page.locator('c-social-interaction', { hasText: text }).first();

  async function choose(row: Locator, label: string): Promise<void> {
    await row.locator('.action-menu button').click();
    await row.getByRole('menuitem', { name: label }).click();
  }

  const menuLabels = async (row: Locator): Promise<string[]> => {
    await row.locator('.action-menu button').click();
    const labels = await row.getByRole('menuitem').allTextContents();
    await row.page().keyboard.press('Escape');
    return labels.map((label) => label.trim());
  };

  const record = (id: string): Record<string, unknown> => org.store.get(id)?.record ?? {};

  it('lets a rep with only Social_Bridge_Rep take every action the row offers, each saved by the org', async () => {
    const question = createQuestion(org, contactId, '7700100001', { Body__c: 'Is the blue kettle back in stock?' });
    const page = await pageAs('rep');
    await expect(page.locator('[data-id="user-switcher"]').textContent()).resolves.toContain('rep@social-bridge.local');
    const row = rowOf(page, 'Is the blue kettle back in stock?');
    await row.waitFor();
    // Lightning's shape: one button, the rest in the overflow menu.
    await expect(row.locator('.primary-action button').textContent()).resolves.toContain('Reply');
    expect(await menuLabels(row)).toEqual([
      'Mark responded',
      'Close',
      'Create case',
      'Follow-up task',
      'Recognise advocate',
    ]);

    await row.locator('.primary-action button').click();
    await page.locator('textarea.reply-body').fill('Yes, since Monday, in all sizes.');
    await page.locator('.reply-send button').click();
    await eventually(
      () => org.store.list('Social_Interaction__c').filter((r) => r.In_Reply_To__c === question.External_Id__c),
      (replies) => replies.length === 1,
    );

    await choose(row, 'Follow-up task');
    await row.locator('.task-save button').click();
    const task = await eventually(
      () => org.store.list('Task').find((t) => t.WhatId === question.Id),
      (found) => Boolean(found),
    );
    expect(task).toMatchObject({ WhoId: contactId });

    await choose(row, 'Recognise advocate');
    await row.locator('input.advocate-note').fill('Answers other customers on X');
    await row.locator('.advocate-save button').click();
    await eventually(
      () => record(identityId).Is_Advocate__c,
      (advocate) => advocate === true,
    );

    await choose(row, 'Create case');
    const caseId = await eventually(
      () => record(question.Id as string).Case__c,
      (id) => Boolean(id),
    );
    expect(record(caseId as string)).toMatchObject({ ContactId: contactId });

    await row.locator('.status', { hasText: 'Needs Response' }).waitFor();
    await choose(row, 'Close');
    await row.locator('input.status-reason').fill('Answered on X');
    await row.locator('.status-save button').click();
    await eventually(
      () => record(question.Id as string).Status__c,
      (status) => status === 'Closed',
    );
    expect(record(question.Id as string).Status_Reason__c).toBe('Answered on X');
    await row.locator('.status', { hasText: 'Closed' }).waitFor();
    // Closed: reopen is offered, close and respond are not.
    expect(await menuLabels(row)).toEqual(['Reopen', 'Follow-up task']);
    await page.context().close();
    expect(pageErrors).toEqual([]);
  });

  it('shows a user without Social Bridge access a clear no-access state, not an error', async () => {
    const page = await pageAs('viewer');
    const timelineState = page.locator('c-social-timeline .no-access');
    await timelineState.waitFor();
    await expect(timelineState.textContent()).resolves.toContain('No access to social conversations');
    await page.locator('c-social-identities .no-access').waitFor();
    await page.locator('c-social-catch-up .no-access').waitFor();
    expect(await page.locator('c-social-timeline .error-panel').count()).toBe(0);
    expect(await page.locator('c-social-timeline c-social-interaction').count()).toBe(0);
    await page.context().close();
    expect(pageErrors).toEqual([]);
  });

  it('lets one of two reps close the same message; the other sees the conflict and the fresh state', async () => {
    const question = createQuestion(org, contactId, '7700100002', { Body__c: 'Where do I send the broken grinder?' });
    const text = 'Where do I send the broken grinder?';
    // Two reps, each in their own browser session.
    const [first, second] = [await pageAs('rep'), await pageAs('rep')];
    for (const page of [first, second]) {
      const row = rowOf(page, text);
      await row.waitFor();
      await choose(row, 'Close');
    }
    await rowOf(first, text).locator('input.status-reason').fill('Sent the returns label');
    await rowOf(second, text).locator('input.status-reason').fill('Duplicate of a case');
    await rowOf(first, text).locator('.status-save button').click();
    await eventually(
      () => record(question.Id as string).Status_Reason__c,
      (reason) => reason === 'Sent the returns label',
    );

    await rowOf(second, text).locator('.status-save button').click();
    const conflict = rowOf(second, text).locator('.action-error');
    await conflict.waitFor();
    await expect(conflict.textContent()).resolves.toMatch(/^Someone else changed this message/);
    // The fresh state, and nothing overwritten.
    await rowOf(second, text).locator('.status', { hasText: 'Closed' }).waitFor();
    expect(record(question.Id as string)).toMatchObject({
      Status__c: 'Closed',
      Status_Reason__c: 'Sent the returns label',
    });
    await first.context().close();
    await second.context().close();
    expect(pageErrors).toEqual([]);
  });

  describe('with a permission set that grants less', () => {
    // A copy of force-app whose Social_Bridge_Rep grants no Edit Tasks and no edit on identities:
    // the follow-up task and the advocate action must then be absent for the rep, not fail on click.
    let narrowOrg: LocalOrg;
    let narrowPreview: PreviewServer;
    let root: string;

    beforeAll(async () => {
      root = mkdtempSync(join(tmpdir(), 'access-narrow-'));
      const forceAppDir = join(root, 'force-app');
      cpSync(fileURLToPath(new URL('../../force-app', import.meta.url)), forceAppDir, { recursive: true });
      const file = join(forceAppDir, 'main/default/permissionsets/Social_Bridge_Rep.permissionset-meta.xml');
      const xml = readFileSync(file, 'utf8');
      const narrowed = xml
        .replace(/\s*<userPermissions>\s*<enabled>true<\/enabled>\s*<name>EditTask<\/name>\s*<\/userPermissions>/, '')
        .replace(
          /(<allowEdit>)true(<\/allowEdit>\s*<allowRead>true<\/allowRead>\s*<modifyAllRecords>false<\/modifyAllRecords>\s*<object>Social_Identity__c<\/object>)/,
          '$1false$2',
        );
      expect(narrowed).not.toContain('<name>EditTask</name>');
      writeFileSync(file, narrowed);
      narrowOrg = await startLocalOrg({ port: 0, forceAppDir });
      narrowPreview = await startPreviewServer({ org: narrowOrg, userId: narrowOrg.ctx.userId });
    });

    afterAll(async () => {
      await narrowPreview?.stop();
      await narrowOrg?.stop();
      rmSync(root, { recursive: true, force: true });
    });

    it('leaves out the actions the rep is not granted', async () => {
      const { contactId: narrowContact } = createLinkedContact(narrowOrg, {
        firstName: 'Ines',
        lastName: 'Varga',
        handle: 'ines_v',
        networkUserId: '7700200',
      });
      createQuestion(narrowOrg, narrowContact, '7700200001', { Body__c: 'Can I change my delivery slot?' });
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      await context.addCookies([{ name: 'preview-user', value: 'rep', url: narrowPreview.url }]);
      const page = await context.newPage();
      page.setDefaultTimeout(90_000);
      page.on('pageerror', (error) => pageErrors.push(`narrow rep: ${error.message}`));
      await page.goto(`${narrowPreview.url}#/record/${narrowContact}`);
      const row = rowOf(page, 'Can I change my delivery slot?');
      await row.waitFor();
      await expect(row.locator('.primary-action button').textContent()).resolves.toContain('Reply');
      expect(await menuLabels(row)).toEqual(['Mark responded', 'Close', 'Create case']);
      await context.close();
      expect(pageErrors).toEqual([]);
    });
  });
});
