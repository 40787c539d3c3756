// Benchmark: `sf social mappings deploy` of 10,000 and 100,000 generated identities against the local
// org over real HTTP with 50 ms of latency per request. The org runs in this process (a fresh one per
// size, with one Contact for every five identities); each deploy runs in a child process so its peak
// RSS is its own. For the first deploy (creates, Bulk API 2.0) and the second (nothing changes) it
// prints the API calls the org counted, the minimum the documented limits allow for the same work,
// wall time, records/s and peak RSS. Needs `npx tsc -b` first (it runs the built lib/).
//   npx node bench/mappings-deploy.mjs [--sizes 10000,100000] [--latency 50] [--heap-mb 256]
//
// The minimum, from the documented limits (docs/mappings.md, "API calls"):
//   reads:  a query operation returns at most 2,000 records and a SOQL statement has at most 100,000
//           characters; a composite request carries at most 5 query operations and counts as one call.
//           So reads >= ceil(max(records read / 2,000, IN-list characters / 100,000) / 5).
//   writes: a Bulk API 2.0 ingest job needs create, upload (150 MB per upload), close, at least one
//           status poll, and the successful and failed results to account for every row: 6 calls;
//           the channels take one sObject Collections upsert (200 records per request).
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { compositeCalls, connectByToken, measureAndPrint, queryOperations, runBenchChild } from './support/child.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values: options } = parseArgs({
  options: {
    sizes: { type: 'string', default: '10000,100000' },
    latency: { type: 'string', default: '50' },
    'bulk-threshold': { type: 'string', default: '2000' },
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
    const file = await writeMapping(dir);
    const facts = await writeIdentities(join(dir, 'identities.csv'), size);
    for (const run of ['first deploy', 'second deploy']) {
      const callsBefore = org.ctx.apiCalls.used;
      const { seconds, peakRssMb, result } = await child(file, org);
      const calls = org.ctx.apiCalls.used - callsBefore;
      const first = run === 'first deploy';
      const minimum = minimumCalls({ ...facts, contacts, identitiesInOrg: first ? 0 : size, writes: first });
      if (first) peaks.push(peakRssMb);
      console.log(
        `${size} identities, ${run}: ${seconds.toFixed(1)} s, ${Math.round(size / seconds)} rows/s ` +
          `(${Math.round(result.changes / seconds)} records written/s), ${calls} API calls ` +
          `(minimum ${minimum}, ratio ${(calls / minimum).toFixed(2)}), peak RSS ${peakRssMb} MB; ` +
          `changes ${result.changes}, bulk ${result.usedBulk}, counts ${JSON.stringify(nonZero(result.counts))}`,
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

async function writeMapping(dir) {
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
      'unmatched: leave',
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
  let externalIdChars = 0;
  let emailChars = 0;
  let emailMatches = 0;
  for (let index = 0; index < count; index += 1) {
    const network = NETWORKS[index % NETWORKS.length];
    const userId = `1${String(index).padStart(12, '0')}`;
    externalIdChars += `'${network}:${userId}',`.length;
    const person = Math.floor(index / CONTACT_EVERY);
    let email = '';
    if (index % CONTACT_EVERY === 0) {
      email = `Person${person}@Bench.Example.com`;
      emailMatches += 1;
    } else if (index % CONTACT_EVERY === 1) email = `someone${index}@elsewhere.example.org`;
    if (email) emailChars += `'${email.toLowerCase()}',`.length;
    const phone = index % 7 === 0 ? `415-7${String(person).padStart(6, '0')}` : '';
    const row = `${network},${userId},bench_user_${index},Bench User ${index},${email},${phone}\n`;
    if (!out.write(row)) await new Promise((resolve) => out.once('drain', resolve));
  }
  await new Promise((resolve) => out.end(resolve));
  return { externalIdChars, emailChars, emailMatches };
}

/** The fewest calls the documented limits allow for this deploy (see the top of this file). */
function minimumCalls({ externalIdChars, emailChars, emailMatches, contacts, identitiesInOrg, writes }) {
  const operations =
    queryOperations(identitiesInOrg, externalIdChars) + // identities by external id
    queryOperations(emailMatches, emailChars) + // Contacts by e-mail
    queryOperations(contacts, 0) + // Contacts with a mobile phone, compared after phone-e164
    1; // channels
  const reads = compositeCalls(operations);
  return reads + (writes ? 6 + 1 : 0);
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
