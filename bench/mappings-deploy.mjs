// Benchmark: `sf social mappings deploy` of 10,000 and 100,000 generated identities against the local
// org over real HTTP with 50 ms of latency per request. The org runs in this process (a fresh one per
// size, with one Contact for every five identities); each deploy runs in a child process so its peak
// RSS is its own. For the first deploy (creates, Bulk API 2.0) and the second (nothing changes) it
// prints the API calls the org counted, the minimum the documented limits allow for the same work,
// wall time, records/s and peak RSS. Needs `npx tsc -b` first (it runs the built lib/).
//   npx node bench/mappings-deploy.mjs [--sizes 10000,100000] [--latency 50] [--heap-mb 256]
//
// The minimum is derived from the work, not from the deploy's plan (bench/support/minimum.mjs has the
// documented limits and the arithmetic, printed with each line):
//   reads:  the channels; the identities the org holds of the file's (none on a first deploy: one
//           COUNT() operation says so; on the second, every one of them, by IN list, or all
//           identities, or one Bulk API 2.0 query); every Contact with a mobile phone or an e-mail (the
//           phone rule compares normalised numbers, so it reads them all, and the same read carries
//           the e-mail the other rule needs), by query operations or by one Bulk API 2.0 query.
//   writes: on a first deploy the identities (at least the bytes of their input rows as upload, one
//           Bulk API 2.0 job per 100 MB, or Collections if fewer calls) and the channels (one
//           Collections call); with --unmatched create-lead also the Leads of the unmatched
//           identities, created in bulk before the identities are linked to them.
//   npx node bench/mappings-deploy.mjs [--sizes 10000,100000] [--unmatched create-lead]
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { connectByToken, measureAndPrint, runBenchChild } from './support/child.mjs';
import { inListChars, minimumCalls } from './support/minimum.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values: options } = parseArgs({
  options: {
    sizes: { type: 'string', default: '10000,100000' },
    latency: { type: 'string', default: '50' },
    'bulk-threshold': { type: 'string', default: '2000' },
    // What the mapping does with identities no rule matches: leave (default) or create-lead.
    unmatched: { type: 'string', default: 'leave' },
    // Rows planned at a time (default: the deploy's own, plugin/src/mappings/partitions.ts).
    'partition-rows': { type: 'string' },
    // Caps the deploy's heap (MB) to show what it retains rather than what V8 has not collected yet.
    'heap-mb': { type: 'string' },
    child: { type: 'boolean', default: false },
    file: { type: 'string' },
    url: { type: 'string' },
    token: { type: 'string' },
  },
});

const NETWORKS = ['x', 'instagram', 'community'];
const CONTACT_EVERY = 5;

if (options.child) {
  // The deploy itself, in its own process, as the command runs it.
  const { deployMapping } = await import(pathToFileURL(join(root, 'plugin/lib/mappings/deploy.js')).href);
  const connection = await connectByToken(options.url, options.token);
  await measureAndPrint(async (trace) => {
    const { result } = await deployMapping({
      file: options.file,
      connection,
      dryRun: false,
      resultsDir: join(dirname(options.file), `results-${Date.now()}`),
      bulkThreshold: Number(options['bulk-threshold']),
      ...(options['partition-rows'] ? { partitionRows: Number(options['partition-rows']) } : {}),
      onProgress: trace,
    });
    return result;
  });
}

const { startLocalOrg } = await import(pathToFileURL(join(root, 'local-org/lib/main.js')).href);
const sizes = options.sizes.split(',').map(Number);
const peaks = [];
for (const size of sizes) {
  const dir = await mkdtemp(join(tmpdir(), 'mappings-bench-'));
  const org = await startLocalOrg({ port: 0, empty: true, latencyMs: Number(options.latency) });
  try {
    const contacts = createContacts(org.store, size / CONTACT_EVERY);
    const file = await writeMapping(dir, options.unmatched);
    const facts = await writeIdentities(join(dir, 'identities.csv'), size);
    for (const run of ['first deploy', 'second deploy']) {
      const callsBefore = org.ctx.apiCalls.used;
      const { seconds, peakRssMb, result } = await child(file, org);
      const calls = org.ctx.apiCalls.used - callsBefore;
      const first = run === 'first deploy';
      const minimum = workMinimum({ ...facts, contacts, first, leads: result.counts.leadCreated ?? 0 });
      if (first) peaks.push(peakRssMb);
      console.log(
        `${size} identities, ${run}: ${seconds.toFixed(1)} s, ${Math.round(size / seconds)} rows/s ` +
          `(${Math.round(result.changes / seconds)} records written/s), ${calls} API calls ` +
          `(minimum ${minimum.calls}, ratio ${(calls / minimum.calls).toFixed(2)}), peak RSS ${peakRssMb} MB; ` +
          `changes ${result.changes}, bulk ${result.usedBulk}, counts ${JSON.stringify(nonZero(result.counts))}\n` +
          `  minimum: ${minimum.arithmetic}`,
      );
    }
  } finally {
    await org.stop();
    await rm(dir, { recursive: true, force: true });
  }
}
if (peaks.length > 1) {
  console.log(
    `peak RSS ${sizes.at(-1)} vs ${sizes[0]} identities (first deploy): ${(peaks.at(-1) / peaks[0]).toFixed(2)}x`,
  );
}

function nonZero(counts) {
  return Object.fromEntries(Object.entries(counts).filter(([, count]) => count > 0));
}

/** One Contact per five identities, straight into the store (no API calls): e-mail and mobile set. */
function createContacts(store, count) {
  const account = store.create('Account', { Name: 'Bench Customers' });
  for (let index = 0; index < count; index += 1) {
    const result = store.create('Contact', {
      FirstName: 'Bench',
      LastName: `Person ${index}`,
      AccountId: account.id,
      Email: `person${index}@bench.example.com`,
      MobilePhone: `+1 (415) 7${String(index).padStart(6, '0')}`,
    });
    if (!result.success) throw new Error(`could not create contact ${index}: ${JSON.stringify(result.errors)}`);
  }
  return count;
}

async function writeMapping(dir, unmatched) {
  const file = join(dir, 'mapping.yaml');
  await writeFile(
    file,
    [
      'version: 1',
      'channels:',
      ...NETWORKS.flatMap((key) => [`  - key: ${key}`, `    name: ${key}`]),
      "phone: { defaultCountryCode: '+1' }",
      'rules:',
      '  - { name: same-email, identity: email, record: Contact.Email, normalise: [lowercase], action: link }',
      '  - { name: same-phone, identity: phone, record: Contact.MobilePhone, normalise: [phone-e164], action: suggest }',
      'sources:',
      '  - name: listening-export',
      '    file: identities.csv',
      '    columns: { network: Network, userId: Author ID, handle: Author, displayName: Name, email: Email, phone: Phone }',
      `unmatched: ${unmatched}`,
      '',
    ].join('\n'),
  );
  return file;
}

/**
 * Identities: every fifth has a Contact's e-mail (in another case), every fifth after it an e-mail no
 * Contact has, every seventh a Contact's phone written differently. Returns what the minimum needs.
 */
async function writeIdentities(path, count) {
  const out = createWriteStream(path);
  out.write('Network,Author ID,Author,Name,Email,Phone\n');
  const externalIds = [];
  let rowBytes = 0;
  for (let index = 0; index < count; index += 1) {
    const network = NETWORKS[index % NETWORKS.length];
    const userId = `1${String(index).padStart(12, '0')}`;
    externalIds.push(`${network}:${userId}`);
    const person = Math.floor(index / CONTACT_EVERY);
    let email = '';
    if (index % CONTACT_EVERY === 0) email = `Person${person}@Bench.Example.com`;
    else if (index % CONTACT_EVERY === 1) email = `someone${index}@elsewhere.example.org`;
    const phone = index % 7 === 0 ? `415-7${String(person).padStart(6, '0')}` : '';
    const row = `${network},${userId},bench_user_${index},Bench User ${index},${email},${phone}\n`;
    rowBytes += Buffer.byteLength(row);
    if (!out.write(row)) await new Promise((resolve) => out.once('drain', resolve));
  }
  await new Promise((resolve) => out.end(resolve));
  return { identities: count, externalIdChars: inListChars(externalIds), rowBytes };
}

/** The fewest calls the documented limits allow for this deploy's work (see the top of this file). */
function workMinimum({ identities, externalIdChars, rowBytes, contacts, first, leads }) {
  const reads = [
    { name: 'channels', records: NETWORKS.length, chars: 0 },
    first
      ? { name: 'identities (none in the org)', records: 0, chars: 0 }
      : { name: 'identities', records: identities, chars: externalIdChars },
    { name: 'Contacts', records: contacts, chars: 0 },
  ];
  const writes = first
    ? [
        ...(leads > 0 ? [{ name: 'Leads', records: leads, bytes: (rowBytes * leads) / identities }] : []),
        { name: 'identities', records: identities, bytes: rowBytes },
        { name: 'channels', records: NETWORKS.length, bytes: 0 },
      ]
    : [];
  return minimumCalls({ reads, writes });
}

function child(path, localOrg) {
  return runBenchChild(fileURLToPath(import.meta.url), {
    file: path,
    localOrg,
    bulkThreshold: options['bulk-threshold'],
    heapMb: options['heap-mb'],
    args: options['partition-rows'] ? ['--partition-rows', options['partition-rows']] : [],
  });
}
