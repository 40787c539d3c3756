// Benchmark: `sf social interactions import` of N generated interactions (default 100,000) against the
// local org over real HTTP. The org runs in this process; the import runs in a child process so its
// peak RSS is its own. Prints API calls, records/s and peak RSS for the first import (creates, Bulk API
// 2.0) and the second (nothing changes). Needs `npx tsc -b` first (it runs the built lib/).
//   npx node bench/interactions-import.mjs [--rows 100000] [--bulk-threshold 2000] [--heap-mb 192]
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { connectByToken, measureAndPrint, runChild } from './support/child.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values: options } = parseArgs({
  options: {
    rows: { type: 'string', default: '100000' },
    'bulk-threshold': { type: 'string', default: '2000' },
    // Caps the import's heap (e.g. 192) to show what it really retains: V8 collects lazily, so the
    // peak RSS of an uncapped run includes garbage it had no reason to collect yet.
    'heap-mb': { type: 'string' },
    child: { type: 'boolean', default: false },
    file: { type: 'string' },
    url: { type: 'string' },
    token: { type: 'string' },
  },
});

if (options.child) {
  // The import itself, in its own process.
  const { importInteractions } = await import(pathToFileURL(join(root, 'plugin/lib/interactions/import.js')).href);
  const connection = await connectByToken(options.url, options.token);
  await measureAndPrint((trace) =>
    importInteractions({
      file: options.file,
      connection,
      dryRun: false,
      resultsDir: join(dirname(options.file), `results-${Date.now()}`),
      bulkThreshold: Number(options['bulk-threshold']),
      onProgress: trace,
    }),
  );
}

const rows = Number(options.rows);
const dir = await mkdtemp(join(tmpdir(), 'interactions-bench-'));
const file = join(dir, 'interactions.ndjson');
await generate(file, rows);

const { startLocalOrg } = await import(pathToFileURL(join(root, 'local-org/lib/main.js')).href);
const org = await startLocalOrg({ port: 0 });
try {
  await ensureChannels(org);
  for (const run of ['first import', 'second import (no changes)']) {
    const { seconds, peakRssMb, result } = await child(file, org);
    const written = result.counts.created + result.counts.updated + result.counts.deleted;
    console.log(
      `${run}: ${rows} rows in ${seconds.toFixed(1)} s (${Math.round(rows / seconds)} rows/s, ${Math.round(written / seconds)} records written/s), ` +
        `${result.apiCalls} API calls, bulk: ${result.usedBulk}, peak RSS ${peakRssMb} MB; ` +
        `counts ${JSON.stringify(result.counts)}; identities ${result.identities.distinct}`,
    );
  }
} finally {
  await org.stop();
  await rm(dir, { recursive: true, force: true });
}

/** The generated rows use x, instagram and community: make sure the org has them, enabled, with an SLA. */
async function ensureChannels(localOrg) {
  const response = await fetch(
    new URL('/services/data/v62.0/composite/sobjects/Social_Channel__c/Network_Key__c', localOrg.url),
    {
      method: 'PATCH',
      headers: { authorization: `Bearer ${localOrg.accessToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        allOrNone: true,
        records: ['x', 'instagram', 'community'].map((key) => ({
          attributes: { type: 'Social_Channel__c' },
          Network_Key__c: key,
          Name: key,
          Enabled__c: true,
          Response_SLA_Minutes__c: 60,
        })),
      }),
    },
  );
  if (!response.ok) throw new Error(`could not write the channels: ${response.status} ${await response.text()}`);
}

function child(path, localOrg) {
  return runChild(
    fileURLToPath(import.meta.url),
    [
      '--child',
      ...['--file', path, '--url', localOrg.url, '--token', localOrg.accessToken],
      ...['--bulk-threshold', options['bulk-threshold']],
    ],
    { cwd: root, heapMb: options['heap-mb'] },
  );
}

/** Conversations of 5 messages on 3 channels: a public question, our reply, a DM, our DM, a thank-you. */
async function generate(path, count) {
  const out = createWriteStream(path);
  const networks = ['x', 'instagram', 'community'];
  const start = Date.parse('2026-11-01T00:00:00Z');
  for (let index = 0; index < count; index += 1) {
    const conversation = Math.floor(index / 5);
    const step = index % 5;
    const network = networks[conversation % networks.length];
    const person = conversation % 20_000;
    const row = {
      network,
      postId: `bench-${conversation}-${step}`,
      userId: `bench-user-${person}`,
      handle: `bench_user_${person}`,
      postedAt: new Date(start + conversation * 60_000 + step * 300_000).toISOString(),
      direction: step % 2 === 1 ? 'Outbound' : 'Inbound',
      kind: step === 2 || step === 3 ? 'Direct Message' : step === 0 ? 'Post' : 'Reply',
      ...(step === 1 || step === 4 ? { inReplyTo: `bench-${conversation}-${step - 1}` } : {}),
      ...(step === 0 ? { intent: 'Question' } : {}),
      body: `Message ${step} of conversation ${conversation}: ${'lorem ipsum '.repeat(8)}😀`,
    };
    if (!out.write(`${JSON.stringify(row)}\n`)) await new Promise((resolve) => out.once('drain', resolve));
  }
  await new Promise((resolve) => out.end(resolve));
}
