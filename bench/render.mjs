// Benchmark: the record page in real Chromium for contacts with 50, 1,000 and 5,000 interactions.
// Prints, per contact, the time from opening the page to the first thread on screen (median of
// the runs), the DOM node count at that moment, and the interactions in the DOM; then the time
// from clicking Send on a reply to the outbound reply showing on the timeline. Paging should keep
// the first render flat: the target is 5,000 within 1.5x of 50, and under 300 ms.
//   npm run build && npm run preview:build && npx node bench/render.mjs [--runs 5]
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startLocalOrg } from '../local-org/lib/localOrg.js';
import { createBusyContact } from '../local-org/lib/seed/busyContact.js';
import { launchChromium } from '../preview/chromium.mjs';
import { startPreviewServer } from '../preview/server.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values: options } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });
const SIZES = [50, 1000, 5000];
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const org = await startLocalOrg({ port: 0 });
const contacts = Object.fromEntries(SIZES.map((size) => [size, createBusyContact(org.store, size)]));
const preview = await startPreviewServer({ org, userId: org.ctx.userId, port: 0 });
const browser = await launchChromium();

console.log(`record page render, median of ${options.runs} runs (${root})`);
console.log('interactions | first thread ms | DOM nodes | interactions in DOM');
const results = {};
for (const size of SIZES) {
  const timings = [];
  let nodes = 0;
  let inDom = 0;
  for (let run = 0; run < Number(options.runs); run += 1) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    // Load the app once so the measured part is the record page, not the bundle download.
    await page.goto(`${preview.url}#/`);
    await page.waitForLoadState('networkidle');
    const started = Date.now();
    await page.evaluate((id) => {
      window.location.hash = `#/record/${id}`;
    }, contacts[size]);
    await page.locator('c-social-timeline .thread-item').first().waitFor({ timeout: 30_000 });
    timings.push(Date.now() - started);
    nodes = await page.evaluate(() => document.getElementsByTagName('*').length);
    inDom = await page.locator('c-social-timeline li.message').count();
    await page.close();
  }
  results[size] = median(timings);
  console.log(
    `${String(size).padStart(12)} | ${String(results[size]).padStart(15)} | ${String(nodes).padStart(9)} | ${inDom}`,
  );
}
console.log(`ratio 5000/50: ${(results[5000] / results[50]).toFixed(2)}x`);

// Reply: from clicking Send to the outbound reply showing on the timeline (a fresh question each run).
const replyTimings = [];
for (let run = 0; run < Number(options.runs); run += 1) {
  const contactId = org.seed.busiestContactId;
  const body = `Bench question ${run}: do you ship to Lisbon?`;
  org.store.create('Social_Interaction__c', {
    External_Id__c: `x:bench-reply-${run}`,
    Contact__c: contactId,
    Network__c: 'x',
    Direction__c: 'Inbound',
    Visibility__c: 'Public',
    Kind__c: 'Mention',
    Body__c: body,
    Posted_At__c: new Date().toISOString(),
    Thread_Key__c: `x:bench-reply-thread-${run}`,
    Status__c: 'Needs_Response',
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${preview.url}#/record/${contactId}`);
  const row = page.locator('c-social-interaction', { hasText: body }).first();
  await row.waitFor({ timeout: 30_000 });
  await row.locator('.action-reply button').click();
  await page.locator('textarea.reply-body').fill(`Yes, we ship to Lisbon (${run}).`);
  const started = Date.now();
  await page.locator('.reply-send button').click();
  await page
    .locator('c-social-interaction', { hasText: `Yes, we ship to Lisbon (${run}).` })
    .first()
    .waitFor({ timeout: 30_000 });
  replyTimings.push(Date.now() - started);
  await page.close();
}
console.log(`reply: click Send to the outbound reply visible, median ${median(replyTimings)} ms`);

await browser.close();
await preview.stop();
await org.stop();
