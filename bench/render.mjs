// Benchmark: the record page in real Chromium for contacts with 50, 1,000 and 5,000 interactions.
// Prints, per contact, the time from opening the page to the first thread on screen (median of
// the runs), the DOM node count at that moment, and the interactions in the DOM; then the time
// from clicking Send on a reply to the outbound reply showing on the timeline. Paging should keep
// the first render flat: the target is 5,000 within 1.5x of 50, and under 300 ms. Then the second
// figure: one "Load more" at 20 to 4,000 loaded, and the jump to the oldest of 5,000 (see below).
//   npm run build && npm run preview:build && npx node bench/render.mjs [--runs 5] [--depth-runs 3]
//     [--only depth]   the "Load more" at depth figure alone
//   BENCH_CPU_PROF=<dir> ...   a Chromium CPU profile of each depth's page over its ten clicks (first run), for
//     npx node bench/profile-summary.mjs <dir>/load-more-<depth>.cpuprofile
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startLocalOrg } from '../local-org/lib/localOrg.js';
import { createBusyContact } from '../local-org/lib/seed/busyContact.js';
import { launchChromium } from '../preview/chromium.mjs';
import { startPreviewServer } from '../preview/server.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values: options } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    'depth-runs': { type: 'string', default: '3' },
    only: { type: 'string' },
  },
});
const SIZES = [50, 1000, 5000];
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const org = await startLocalOrg({ port: 0 });
const contacts = Object.fromEntries(SIZES.map((size) => [size, createBusyContact(org.store, size)]));
const preview = await startPreviewServer({ org, userId: org.ctx.userId, port: 0 });
const browser = await launchChromium();

const section = (name) => !options.only || options.only === name;
const profileDir = process.env.BENCH_CPU_PROF;
if (profileDir) mkdirSync(profileDir, { recursive: true });

if (section('first')) {
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
}

// "Load more" at depth (issue 19 item 1): the time of one click, from the click to the next page
// rendered, over the ten clicks from 20, 1,000, 2,000 and 4,000 interactions already loaded on the
// 5,000 contact. Ten clicks are one fetch cycle (the timeline fetches 200 and reveals 20 a click),
// so each figure holds one click that waits on the org and nine that do not; the fetching click is
// also shown alone. Each click should cost the same whatever is loaded: the target is the 4,000th
// within 1.2x of the 20th. The click and the wait run in the page (no driver round trips in the
// figure). Each depth has its own page, brought there first (not timed), and the clicks are timed
// in turns, one per depth, so a machine shared with other work slows every depth alike instead of
// whichever happened to run while it was busy. Then "Oldest" (item 2): from the click to the
// oldest of 5,000 on screen; target 5 s.
const DEPTHS = [20, 1000, 2000, 4000];
const CYCLE = 10;
const clickLoadMore = (page, expected) =>
  page.evaluate(async (shownAfter) => {
    // The timeline sits in two shadow trees (the preview app's, its own): walk down to it.
    const root = document.querySelector('preview-app').shadowRoot.querySelector('c-social-timeline').shadowRoot;
    const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    const shown = () =>
      Number(
        (/Showing ([\d,]+)/.exec(root.querySelector('.summary')?.textContent ?? '')?.[1] ?? '0').replace(/,/g, ''),
      );
    const started = performance.now();
    root.querySelector('lightning-button.load-more').shadowRoot.querySelector('button').click();
    while (shown() < shownAfter || root.querySelector('lightning-button.load-more')?.disabled) await frame();
    // The frame that paints it, then whatever the framework queued behind it (a sliding window's second step).
    await frame();
    await new Promise((resolve) => setTimeout(resolve, 0));
    return performance.now() - started;
  }, expected);
const shownOf = async (page) => {
  const text = (await page.locator('c-social-timeline .summary').textContent()) ?? '';
  return Number((/Showing ([\d,]+)/.exec(text)?.[1] ?? '0').replace(/,/g, ''));
};
if (section('depth')) {
  const cycleTimings = Object.fromEntries(DEPTHS.map((depth) => [depth, []]));
  const fetchTimings = Object.fromEntries(DEPTHS.map((depth) => [depth, []]));
  let domAtDeepest = 0;
  for (let run = 0; run < Number(options['depth-runs']); run += 1) {
    const pages = {};
    for (const depth of DEPTHS) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await page.goto(`${preview.url}#/record/${contacts[5000]}`);
      await page.locator('c-social-timeline .thread-item').first().waitFor({ timeout: 60_000 });
      for (let shown = await shownOf(page); shown < depth; shown += 20) await clickLoadMore(page, shown + 20);
      pages[depth] = page;
    }
    const profilers = {};
    if (profileDir && run === 0) {
      for (const depth of DEPTHS) {
        profilers[depth] = await pages[depth].context().newCDPSession(pages[depth]);
        await profilers[depth].send('Profiler.enable');
        await profilers[depth].send('Profiler.start');
      }
    }
    for (let click = 0; click < CYCLE; click += 1) {
      for (const depth of DEPTHS) {
        const shown = depth + click * 20;
        const elapsed = await clickLoadMore(pages[depth], shown + 20);
        cycleTimings[depth].push(elapsed);
        if (shown % 200 === 0) fetchTimings[depth].push(elapsed);
      }
    }
    for (const [depth, profiler] of Object.entries(profilers)) {
      const { profile } = await profiler.send('Profiler.stop');
      writeFileSync(join(profileDir, `load-more-${depth}.cpuprofile`), JSON.stringify(profile));
    }
    domAtDeepest = await pages[DEPTHS[DEPTHS.length - 1]].locator('c-social-timeline li.message').count();
    for (const page of Object.values(pages)) await page.close();
  }
  const mean = (values) => values.reduce((sum, value) => sum + value, 0) / values.length;
  const [load1, load5] = loadavg();
  console.log(
    `"Load more" at depth on the 5,000 contact, ${options['depth-runs']} runs (page size 20, in-page timing, depths in turns; load average ${load1.toFixed(1)} / ${load5.toFixed(1)} at the end)`,
  );
  console.log('already loaded | mean of 10 clicks ms | median click ms | the fetching click ms (median)');
  const depthMeans = {};
  const depthMedians = {};
  for (const depth of DEPTHS) {
    depthMeans[depth] = mean(cycleTimings[depth]);
    depthMedians[depth] = median(cycleTimings[depth]);
    console.log(
      `${String(depth).padStart(14)} | ${depthMeans[depth].toFixed(0).padStart(19)} | ${depthMedians[depth].toFixed(0).padStart(15)} | ${median(fetchTimings[depth]).toFixed(0)}`,
    );
  }
  console.log(
    `ratio 4000/20: ${(depthMeans[4000] / depthMeans[20]).toFixed(2)}x of the means (target <= 1.2x), ${(depthMedians[4000] / depthMedians[20]).toFixed(2)}x of the medians`,
  );
  const deepest = DEPTHS[DEPTHS.length - 1] + CYCLE * 20;
  console.log(`DOM after ${deepest} loaded: ${domAtDeepest} messages rendered (a window of whole threads)`);
}

const oldestTimings = [];
for (let run = 0; run < (section('oldest') ? Number(options.runs) : 0); run += 1) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${preview.url}#/record/${contacts[5000]}`);
  await page.locator('c-social-timeline .thread-item').first().waitFor({ timeout: 60_000 });
  const started = performance.now();
  await page.locator('c-social-timeline .jump-oldest button').click();
  // createBusyContact's oldest of 5,000 is message 4999.
  await page.locator('c-social-timeline li.message', { hasText: 'Message 4999 about' }).waitFor({ timeout: 60_000 });
  oldestTimings.push(performance.now() - started);
  await page.close();
}
if (section('oldest'))
  console.log(
    `"Oldest": click to the oldest of 5,000 on screen, median ${median(oldestTimings).toFixed(0)} ms (target <= 5000)`,
  );

await browser.close();
await preview.stop();
await org.stop();
