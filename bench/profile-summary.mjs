// Where a process spent its time, from a V8 CPU profile (`node --cpu-prof`; the benches pass it to
// their child with BENCH_CPU_PROF=<dir>): self time per area (the plugin's own modules by file, each
// package in node_modules, Node's internals, garbage collection, and idle, which is waiting on the
// org), then the functions with the most self time.
//   BENCH_CPU_PROF=/tmp/prof npx node bench/mappings-deploy.mjs --sizes 100000
//   npx node bench/profile-summary.mjs /tmp/prof/<file>.cpuprofile [--top 25]
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';

const { values: options, positionals } = parseArgs({
  allowPositionals: true,
  options: { top: { type: 'string', default: '25' } },
});
const profile = JSON.parse(await readFile(positionals[0], 'utf8'));

// Self time of each node: the samples that landed in it, weighted by the interval before each sample.
const selfMicros = new Map();
for (let index = 0; index < profile.samples.length; index += 1) {
  const id = profile.samples[index];
  selfMicros.set(id, (selfMicros.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0));
}
const total = [...selfMicros.values()].reduce((sum, micros) => sum + micros, 0);

const byArea = new Map();
const byFunction = new Map();
for (const node of profile.nodes) {
  const micros = selfMicros.get(node.id) ?? 0;
  if (micros === 0) continue;
  const { functionName, url, lineNumber } = node.callFrame;
  const area = areaOf(functionName, url);
  byArea.set(area, (byArea.get(area) ?? 0) + micros);
  const name = `${functionName || '(anonymous)'} ${shortUrl(url)}${url ? `:${lineNumber + 1}` : ''}`;
  byFunction.set(name, (byFunction.get(name) ?? 0) + micros);
}

console.log(`profile: ${(total / 1e6).toFixed(1)} s sampled`);
console.log('\nself time by area:');
for (const [area, micros] of [...byArea].sort((a, b) => b[1] - a[1]).slice(0, 20)) {
  console.log(
    `${(micros / 1e6).toFixed(2).padStart(8)} s ${((100 * micros) / total).toFixed(1).padStart(5)}%  ${area}`,
  );
}
console.log(`\nfunctions with the most self time (top ${options.top}):`);
for (const [name, micros] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, Number(options.top))) {
  console.log(
    `${(micros / 1e6).toFixed(2).padStart(8)} s ${((100 * micros) / total).toFixed(1).padStart(5)}%  ${name}`,
  );
}

/** "(idle)" and "(garbage collector)" as V8 names them; a package; a plugin file; Node's internals. */
function areaOf(functionName, url) {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  if (url.startsWith('node:')) return 'node internals';
  const packageMatch = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (packageMatch) return `package ${packageMatch[1]}`;
  const own = /\/(plugin|local-org|bench)\/(?:lib\/)?(.*)$/.exec(url);
  return own ? `${own[1]}/${own[2]}` : url;
}

function shortUrl(url) {
  return url
    .replace(/^file:\/\//, '')
    .replace(/^.*node_modules\//, '')
    .replace(/^.*\/(plugin|local-org|bench)\//, '$1/');
}
