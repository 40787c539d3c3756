// The measured part of a benchmark runs in a child process, so its peak RSS is its own and not the
// local org's (which runs in the parent). The child connects with the org's access token, runs the
// work, and prints {seconds, peakRssMb, result} as JSON; the parent reads it back.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** In the child: a jsforce Connection of @salesforce/core to the local org, as `sf` builds one. */
export async function connectByToken(url, token) {
  const { AuthInfo, Connection } = await import('@salesforce/core');
  const authInfo = await AuthInfo.create({
    username: token,
    accessTokenOptions: { accessToken: token, instanceUrl: url, loginUrl: url },
  });
  return Connection.create({ authInfo, connectionOptions: { version: '62.0' } });
}

/**
 * In the child: runs work(trace) and prints the figures. BENCH_TRACE=1 prints memory at each step, and
 * at the end the step during which RSS peaked, with the heap and the memory outside it at that moment.
 */
export async function measureAndPrint(work) {
  let peak = process.memoryUsage().rss;
  let atPeak = 'start';
  let step = 'start';
  const sampler = setInterval(() => {
    const usage = process.memoryUsage();
    if (usage.rss > peak) {
      peak = usage.rss;
      atPeak = `${step}: heapTotal ${mb(usage.heapTotal)} heapUsed ${mb(usage.heapUsed)} external ${mb(usage.external)} arrayBuffers ${mb(usage.arrayBuffers)}`;
    }
  }, 20);
  const trace = (message) => {
    step = message;
    if (!process.env.BENCH_TRACE) return;
    globalThis.gc?.();
    const { rss, heapUsed } = process.memoryUsage();
    process.stderr.write(`rss ${mb(rss)} MB (peak so far ${mb(peak)}), heap ${mb(heapUsed)} MB: ${message}\n`);
  };
  const started = performance.now();
  const result = await work(trace);
  clearInterval(sampler);
  if (process.env.BENCH_TRACE) process.stderr.write(`peak RSS ${mb(peak)} MB during "${atPeak}"\n`);
  const seconds = (performance.now() - started) / 1000;
  peak = Math.max(peak, process.resourceUsage().maxRSS * 1024);
  process.stdout.write(JSON.stringify({ seconds, peakRssMb: mb(peak), result }));
  process.exit(0);
}

/**
 * In the parent: runs `script args` in a new Node process and resolves with what it printed.
 * heapMb caps its heap; BENCH_TRACE=gc makes each trace line follow a garbage collection, to show
 * what is live rather than what V8 has not collected yet; BENCH_CPU_PROF=<dir> writes a CPU profile.
 */
export function runChild(script, args, { cwd, heapMb } = {}) {
  const flags = heapMb ? [`--max-old-space-size=${heapMb}`] : [];
  if (process.env.BENCH_TRACE === 'gc') flags.push('--expose-gc');
  // A V8 CPU profile of the child, for bench/profile-summary.mjs.
  if (process.env.BENCH_CPU_PROF) flags.push('--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`);
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [...flags, script, ...args], { cwd, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    proc.stdout.on('data', (chunk) => (out += chunk));
    proc.on('exit', (code) =>
      code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`${script} exited ${code}: ${out.slice(0, 500)}`)),
    );
  });
}

function mb(bytes) {
  return Math.round(bytes / 1048576);
}

/**
 * In the parent: runs a benchmark's own script as the child that does the work against `localOrg`
 * (`--child --file … --url … --token … --bulk-threshold …`, then `args`).
 */
export function runBenchChild(script, { file, localOrg, bulkThreshold, heapMb, args = [] }) {
  return runChild(
    script,
    [
      '--child',
      ...['--file', file, '--url', localOrg.url, '--token', localOrg.accessToken],
      ...['--bulk-threshold', bulkThreshold],
      ...args,
    ],
    { cwd: join(dirname(fileURLToPath(import.meta.url)), '..', '..'), heapMb },
  );
}
