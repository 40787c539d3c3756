// Benchmark: `sf social interactions import` of N generated interactions (default 100,000) against the
// local org over real HTTP. The org runs in this process; the import runs in a child process so its
// peak RSS is its own. For the first import (creates, Bulk API 2.0) and the second (nothing changes) it
// prints the API calls the org counted, the minimum the documented limits allow for the same work,
// records/s and peak RSS. Needs `npx tsc -b` first (it runs the built lib/).
//   npx node bench/interactions-import.mjs [--rows 100000] [--bulk-threshold 2000] [--heap-mb 192]
//
// The minimum is derived from the work, not from the import's plan (bench/support/minimum.mjs has the
// documented limits and the arithmetic, printed with each line):
//   reads:  the channels; the identities of the file the org holds (none on a first import: one COUNT()
//           operation says so); the posts of the file the org holds, once, with the fields threading
//           and the comparison need (none on a first import: one COUNT() operation); the open questions
//           in the threads of the company's messages (by IN list of thread keys). Each by query
//           operations in composite calls or by a Bulk API 2.0 query, whichever mix costs least.
//           (Earlier posts of the people who sent private messages: none to read on a first import,
//           whose identities are all new, nor on the second, whose messages all have their thread.)
//   writes: on a first import the identities and the interactions (at least the bytes of the export as
//           upload), each in Bulk API 2.0 jobs of at most 100 MB or Collections, whichever costs less.
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { connectByToken, measureAndPrint, runBenchChild } from './support/child.mjs';
import { inListChars, minimumCalls } from './support/minimum.mjs';

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
const facts = await generate(file, rows);

const { startLocalOrg } = await import(pathToFileURL(join(root, 'local-org/lib/main.js')).href);
const org = await startLocalOrg({ port: 0 });
try {
  await ensureChannels(org);
  for (const run of ['first import', 'second import (no changes)']) {
    const callsBefore = org.ctx.apiCalls.used;
    const { seconds, peakRssMb, result } = await child(file, org);
    const calls = org.ctx.apiCalls.used - callsBefore;
    const minimum = workMinimum(facts, run === 'first import');
    const written = result.counts.created + result.counts.updated + result.counts.deleted;
    console.log(
      `${run}: ${rows} rows in ${seconds.toFixed(1)} s (${Math.round(rows / seconds)} rows/s, ${Math.round(written / seconds)} records written/s), ` +
        `${calls} API calls (minimum ${minimum.calls}, ratio ${(calls / minimum.calls).toFixed(2)}), bulk: ${result.usedBulk}, peak RSS ${peakRssMb} MB; ` +
        `counts ${JSON.stringify(result.counts)}; identities ${result.identities.distinct}\n  minimum: ${minimum.arithmetic}`,
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
  return runBenchChild(fileURLToPath(import.meta.url), {
    file: path,
    localOrg,
    bulkThreshold: options['bulk-threshold'],
    heapMb: options['heap-mb'],
  });
}

/**
 * Conversations of 5 messages on 3 channels: a public question, our reply, a DM, our DM, a thank-you.
 * Returns what the minimum needs: the posts and identities, and the characters of their IN lists.
 */
async function generate(path, count) {
  const out = createWriteStream(path);
  const networks = ['x', 'instagram', 'community'];
  const start = Date.parse('2026-11-01T00:00:00Z');
  const identities = new Set();
  const outboundThreads = new Set();
  let postChars = 0;
  let bytes = 0;
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
    postChars += `'${network}:${row.postId}',`.length;
    identities.add(`${network}:${row.userId}`);
    // Every message of a conversation is in the thread of its first one.
    if (row.direction === 'Outbound') outboundThreads.add(`${network}:bench-${conversation}-0`);
    const line = `${JSON.stringify(row)}\n`;
    bytes += Buffer.byteLength(line);
    if (!out.write(line)) await new Promise((resolve) => out.once('drain', resolve));
  }
  await new Promise((resolve) => out.end(resolve));
  return {
    posts: count,
    postChars,
    bytes,
    identities: identities.size,
    identityChars: inListChars(identities),
    outboundThreadChars: inListChars(outboundThreads),
  };
}

/** The fewest calls the documented limits allow for this import's work (see the top of this file). */
function workMinimum({ posts, postChars, bytes, identities, identityChars, outboundThreadChars }, first) {
  const reads = [
    { name: 'channels', records: 3, chars: 0 },
    first
      ? { name: 'identities (none in the org)', records: 0, chars: 0 }
      : { name: 'identities', records: identities, chars: identityChars },
    first
      ? { name: 'posts (none in the org)', records: 0, chars: 0 }
      : { name: 'posts', records: posts, chars: postChars },
    // The threads' open questions: answered by the first import, so none on the second.
    { name: 'open questions', records: 0, chars: outboundThreadChars },
  ];
  const writes = first
    ? [
        { name: 'identities', records: identities, bytes: (bytes * identities) / posts },
        { name: 'interactions', records: posts, bytes },
      ]
    : [];
  return minimumCalls({ reads, writes });
}
