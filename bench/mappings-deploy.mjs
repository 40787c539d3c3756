// Benchmark: `sf social mappings deploy` of 10,000 and 100,000 generated identities against the local
// org over real HTTP with 50 ms of latency per request. The org runs in this process (a fresh one per
// size, with one Contact for every five identities); each deploy runs in a child process so its peak
// RSS is its own. For the first deploy (creates, Bulk API 2.0) and the second (nothing changes) it
// prints the API calls the org counted, the minimum the documented limits allow for the same work,
// wall time, records/s and peak RSS. Needs `npx tsc -b` first (it runs the built lib/).
//   npx node bench/mappings-deploy.mjs [--sizes 10000,100000] [--latency 50] [--heap-mb 256]
//
// The minimum is derived from the work, not from the deploy's plan: bench/support/identityData.mjs
// (deployMinimum) says what the work reads and writes, bench/support/minimum.mjs the documented limits;
// each line prints the arithmetic. --unmatched create-lead measures that path too (Leads created in
// bulk, then the identities linked to them).
//   npx node bench/mappings-deploy.mjs [--sizes 10000,100000] [--unmatched create-lead]
// --contacts N gives the org N Contacts whatever the size (one in five identities still matches one):
// the phone rule reads every Contact with a phone or e-mail, so this shows what the scan index costs.
//   npx node --max-old-space-size=8192 bench/mappings-deploy.mjs --sizes 10000 --contacts 1000000
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { connectByToken, measureAndPrint, runBenchChild } from './support/child.mjs';
import {
  CONTACT_EVERY,
  createContacts,
  deployMinimum,
  writeIdentities,
  writeMapping,
} from './support/identityData.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values: options } = parseArgs({
  options: {
    sizes: { type: 'string', default: '10000,100000' },
    latency: { type: 'string', default: '50' },
    'bulk-threshold': { type: 'string', default: '2000' },
    // What the mapping does with identities no rule matches: leave (default) or create-lead.
    unmatched: { type: 'string', default: 'leave' },
    // Contacts in the org (default: one per five identities).
    contacts: { type: 'string' },
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
    const contacts = createContacts(org.store, Number(options.contacts ?? size / CONTACT_EVERY)).length;
    const file = await writeMapping(dir, options.unmatched);
    const facts = await writeIdentities(join(dir, 'identities.csv'), size);
    for (const run of ['first deploy', 'second deploy']) {
      const callsBefore = org.ctx.apiCalls.used;
      const { seconds, peakRssMb, result } = await child(file, org);
      const calls = org.ctx.apiCalls.used - callsBefore;
      const first = run === 'first deploy';
      const minimum = deployMinimum({ ...facts, contacts, first, leads: result.counts.leadCreated ?? 0 });
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

function child(path, localOrg) {
  return runBenchChild(fileURLToPath(import.meta.url), {
    file: path,
    localOrg,
    bulkThreshold: options['bulk-threshold'],
    heapMb: options['heap-mb'],
    args: options['partition-rows'] ? ['--partition-rows', options['partition-rows']] : [],
  });
}
