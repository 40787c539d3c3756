// Benchmark: `sf social replies deliver` of N queued replies (default 10,000), each answering its own
// inbound post, against the local org at --latency-ms (default 50) and the example receiver at
// --receiver-ms (default 20) per post, over real HTTP. The org and the receiver run in this process; the
// deliverer runs in a child process so its peak RSS is its own. Prints replies/s, the API calls the org
// counted against the fewest the documented limits allow (with the arithmetic), peak RSS, and checks
// that the receiver got every reply exactly once. Needs `npx tsc -b` first (it runs the built lib/).
//   npx node bench/replies-deliver.mjs [--replies 10000] [--latency-ms 50] [--receiver-ms 20] [--concurrency 16]
//     [--heap-mb 64]
//
// The minimum, from the documented limits (bench/support/minimum.mjs), for the work itself:
//   reads:  the queued replies (N records) and the inbounds they answer (N records, by an IN list of
//           their external ids), in query operations of 2,000 records / 100,000 SOQL characters, five to
//           a composite call (or a Bulk API query, whichever is cheaper);
//   claims: a conditional update (If-Unmodified-Since) is a request on one sObject Row, and a composite
//           request carries at most 25 subrequests: ceil(N / 25) calls (no Collections or Bulk request
//           takes a per-record precondition);
//   receipts: N replies and N inbounds updated in sObject Collections of 200 (the terms: each
//           batch's receipts written when it is delivered). A Bulk API ingest job per run would be fewer
//           calls; it is printed too, with why the deliverer does not do it.
import { randomUUID } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { connectByToken, measureAndPrint, runChild } from './support/child.mjs';
import { inListChars, minimumCalls } from './support/minimum.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// The child inherits it from this process's environment.
process.env.SOCIAL_BRIDGE_WEBHOOK_SECRET ??= `bench-${randomUUID()}`;
const SECRET = process.env.SOCIAL_BRIDGE_WEBHOOK_SECRET;
const { values: options } = parseArgs({
  options: {
    replies: { type: 'string', default: '10000' },
    'latency-ms': { type: 'string', default: '50' },
    'receiver-ms': { type: 'string', default: '20' },
    concurrency: { type: 'string', default: '16' },
    // Caps the deliverer's heap (e.g. 64) to show what it really retains: V8 collects lazily.
    'heap-mb': { type: 'string' },
    child: { type: 'boolean', default: false },
    url: { type: 'string' },
    token: { type: 'string' },
    'webhook-url': { type: 'string' },
  },
});

if (options.child) {
  // The deliverer, in its own process.
  const lib = (path) => import(pathToFileURL(join(root, 'plugin/lib/replies', path)).href);
  const { deliverReplies } = await lib('deliver.js');
  const { WebhookTransport } = await lib('webhookTransport.js');
  const connection = await connectByToken(options.url, options.token);
  await measureAndPrint(async (trace) => {
    const result = await deliverReplies({
      connection,
      transport: new WebhookTransport({ url: new URL(options['webhook-url']), secret: SECRET }),
      dryRun: false,
      concurrency: Number(options.concurrency),
      onProgress: trace,
    });
    // The per-reply list is checked by the parent through the org and the receiver; keep the output small.
    return { ...result, replies: result.replies.length };
  });
}

const count = Number(options.replies);
const { startLocalOrg } = await import(pathToFileURL(join(root, 'local-org/lib/main.js')).href);
const { startReceiver } = await import(pathToFileURL(join(root, 'examples/webhook-receiver.mjs')).href);
const org = await startLocalOrg({ port: 0, empty: true, latencyMs: Number(options['latency-ms']) });
const receiver = await startReceiver({ secret: SECRET, latencyMs: Number(options['receiver-ms']) });
try {
  const parents = seed(org, count);
  const callsBefore = org.ctx.apiCalls.used;
  const { seconds, peakRssMb, result } = await runChild(
    fileURLToPath(import.meta.url),
    [
      '--child',
      ...['--url', org.url, '--token', org.accessToken, '--webhook-url', receiver.url],
      ...['--concurrency', options.concurrency],
    ],
    { cwd: root, heapMb: options['heap-mb'] },
  );
  const calls = org.ctx.apiCalls.used - callsBefore;

  const reads = [
    { name: 'queued replies', records: count },
    { name: 'answered inbounds', records: count, chars: inListChars(parents) },
  ];
  const claims = Math.ceil(count / 25);
  const collections = minimumCalls({ reads, writes: [] });
  const receipts = Math.ceil((2 * count) / 200);
  const minimum = collections.calls + claims + receipts;
  const bulkReceipts = minimumCalls({
    reads,
    writes: [{ name: 'receipts and inbounds', records: 2 * count, bytes: 2 * count * 200 }],
  });

  const sent = org.store.list('Social_Interaction__c').filter((record) => record.Delivery_Status__c === 'Sent').length;
  const perKey = new Map();
  for (const { key } of receiver.requests) perKey.set(key, (perKey.get(key) ?? 0) + 1);
  const twice = [...perKey.values()].filter((requests) => requests > 1).length;

  console.log(
    `${count} replies in ${seconds.toFixed(1)} s: ${Math.round(count / seconds)} replies/s; ` +
      `org at ${options['latency-ms']} ms, receiver at ${options['receiver-ms']} ms, ${options.concurrency} sends at once\n` +
      `API calls ${calls}; minimum ${minimum} = ${collections.arithmetic} + claims ${claims} (${count} / 25 per composite) ` +
      `+ receipts ${receipts} (${count} replies + ${count} inbounds / 200 per Collections request); ` +
      `ratio ${(calls / minimum).toFixed(2)}\n` +
      `  (with every receipt in one Bulk API job at the end of the run the floor would be ${bulkReceipts.calls + claims}, ` +
      `ratio ${(calls / (bulkReceipts.calls + claims)).toFixed(2)}: not done, a rep would see Sending until the whole run ends)\n` +
      `peak RSS ${peakRssMb} MB; sent ${result.counts.sent}, failed ${result.counts.failed}, queued ${result.counts.queued}; ` +
      `org holds ${sent} Sent; receiver posted ${receiver.posts.size}, keys sent more than once: ${twice}`,
  );
  if (sent !== count || receiver.posts.size !== count || twice !== 0) process.exitCode = 1;
} finally {
  await receiver.close();
  await org.stop();
}

/** N inbound questions from 100 people and a queued reply to each, written straight into the store. */
function seed(localOrg, replies) {
  const parents = [];
  const identities = [];
  for (let person = 0; person < 100; person += 1) {
    identities.push(
      created(
        localOrg.store.create('Social_Identity__c', {
          External_Id__c: `x:bench-user-${person}`,
          Network__c: 'x',
          Network_User_Id__c: `bench-user-${person}`,
          Handle__c: `bench_user_${person}`,
        }),
      ),
    );
  }
  for (let index = 0; index < replies; index += 1) {
    const parent = `x:bench-q${index}`;
    const identity = identities[index % identities.length];
    const postedAt = new Date(Date.parse('2026-11-20T10:00:00Z') + index * 1000).toISOString();
    created(
      localOrg.store.create('Social_Interaction__c', {
        External_Id__c: parent,
        Network__c: 'x',
        Direction__c: 'Inbound',
        Visibility__c: 'Public',
        Kind__c: 'Post',
        Body__c: `Question ${index}: ${'lorem ipsum '.repeat(8)}`,
        Posted_At__c: postedAt,
        Thread_Key__c: parent,
        Identity__c: identity,
        Status__c: 'Needs_Response',
      }),
    );
    created(
      localOrg.store.create('Social_Interaction__c', {
        External_Id__c: `x:local-${randomUUID()}`,
        Network__c: 'x',
        Direction__c: 'Outbound',
        Visibility__c: 'Public',
        Kind__c: 'Reply',
        Body__c: `Answer ${index}: ${'dolor sit amet '.repeat(6)}😀`,
        Posted_At__c: postedAt,
        Thread_Key__c: parent,
        In_Reply_To__c: parent,
        Identity__c: identity,
        Delivery_Status__c: 'Queued',
      }),
    );
    parents.push(parent);
  }
  return parents;
}

function created(result) {
  if (!result.success) throw new Error(`seed write failed: ${JSON.stringify(result.errors)}`);
  return result.id;
}
