// Benchmark: `sf social interactions import` of N generated interactions (default 100,000) against the
// local org over real HTTP. The org runs in this process; the import runs in a child process so its
// peak RSS is its own. For the first import (creates, Bulk API 2.0) and the second (nothing changes) it
// prints the API calls the org counted, the minimum the documented limits allow for the same work,
// records/s and peak RSS. Needs `npx tsc -b` first (it runs the built lib/).
//   npx node bench/interactions-import.mjs [--rows 100000] [--bulk-threshold 2000] [--heap-mb 192]
//
// The minimum is derived from the work, not from the import's plan: bench/support/interactionData.mjs
// (importMinimum) says what the work reads and writes, bench/support/minimum.mjs the documented limits;
// each line prints the arithmetic.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { connectByToken, measureAndPrint, runBenchChild } from './support/child.mjs';
import { ensureChannels, importMinimum, writeInteractions } from './support/interactionData.mjs';

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
  await measureAndPrint(async (trace) => {
    const cpuBefore = process.cpuUsage();
    const result = await importInteractions({
      file: options.file,
      connection,
      dryRun: false,
      resultsDir: join(dirname(options.file), `results-${Date.now()}`),
      bulkThreshold: Number(options['bulk-threshold']),
      onProgress: trace,
    });
    // CPU seconds (user + system) of the import itself: on a shared machine, a steadier figure than wall time.
    const cpu = process.cpuUsage(cpuBefore);
    return { ...result, cpuSeconds: (cpu.user + cpu.system) / 1e6 };
  });
}

const rows = Number(options.rows);
const dir = await mkdtemp(join(tmpdir(), 'interactions-bench-'));
const file = join(dir, 'interactions.ndjson');
const facts = await writeInteractions(file, rows);

const { startLocalOrg } = await import(pathToFileURL(join(root, 'local-org/lib/main.js')).href);
const org = await startLocalOrg({ port: 0 });
try {
  await ensureChannels(org);
  for (const run of ['first import', 'second import (no changes)']) {
    const callsBefore = org.ctx.apiCalls.used;
    const { seconds, peakRssMb, result } = await child(file, org);
    const calls = org.ctx.apiCalls.used - callsBefore;
    const minimum = importMinimum(facts, run === 'first import');
    const written = result.counts.created + result.counts.updated + result.counts.deleted;
    console.log(
      `${run}: ${rows} rows in ${seconds.toFixed(1)} s (${Math.round(rows / seconds)} rows/s, ${Math.round(written / seconds)} records written/s, CPU ${result.cpuSeconds.toFixed(1)} s), ` +
        `${calls} API calls (minimum ${minimum.calls}, ratio ${(calls / minimum.calls).toFixed(2)}), bulk: ${result.usedBulk}, peak RSS ${peakRssMb} MB; ` +
        `counts ${JSON.stringify(result.counts)}; identities ${result.identities.distinct}\n  minimum: ${minimum.arithmetic}`,
    );
  }
} finally {
  await org.stop();
  await rm(dir, { recursive: true, force: true });
}

function child(path, localOrg) {
  return runBenchChild(fileURLToPath(import.meta.url), {
    file: path,
    localOrg,
    bulkThreshold: options['bulk-threshold'],
    heapMb: options['heap-mb'],
  });
}
