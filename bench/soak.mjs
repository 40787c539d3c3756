// Soak: `sf social mappings deploy` of N identities, then `sf social interactions import` of M interactions,
// each against a local org that answers a share of requests 503 and resets connections (before and after
// processing), each killed with SIGKILL at a seeded point and run again until it completes. Prints rows
// in, rows accounted (input rows found exactly once in the final results: must equal rows in) and
// duplicates found (records sharing an external id, and records missing: must be 0), with API calls and
// wall time. Exits 1 when the figures are wrong. Needs `npm run build` first (`npm run bench:soak` does).
//   npx node bench/soak.mjs [--identities 20000] [--interactions 50000] [--unavailable-rate 0.05]
//     [--reset-rate 0.01] [--seed 1] [--no-kill]
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { parse } from 'csv-parse/sync';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const CHILD = join(root, 'test/faults/child.mjs');
const NOW = '2026-11-21T00:00:00Z';
const { values: options } = parseArgs({
  options: {
    identities: { type: 'string', default: '20000' },
    interactions: { type: 'string', default: '50000' },
    'unavailable-rate': { type: 'string', default: '0.05' },
    'reset-rate': { type: 'string', default: '0.01' },
    seed: { type: 'string', default: '1' },
    'no-kill': { type: 'boolean', default: false },
  },
});
const identityRows = Number(options.identities);
const interactionRows = Math.floor(Number(options.interactions) / 5) * 5;
const seed = Number(options.seed);

const { startLocalOrg } = await import(pathToFileURL(join(root, 'local-org/lib/main.js')).href);
const { seededRandom } = await import(pathToFileURL(join(root, 'local-org/lib/random/seededRandom.js')).href);
const { OUTCOMES } = await import(pathToFileURL(join(root, 'plugin/lib/mappings/plan.js')).href);
const { resultFileName } = await import(pathToFileURL(join(root, 'plugin/lib/mappings/results.js')).href);
const { INTERACTION_OUTCOMES } = await import(pathToFileURL(join(root, 'plugin/lib/interactions/plan.js')).href);
const random = seededRandom(seed);

// The fault suite's scenario (test/faults/scenario.ts) at a larger size.
const MAPPING = await readFile(join(root, 'test/fixtures/faults/mapping.yaml'), 'utf8');

const CONTACTS = 2_000;
const LEADS = 500;
const dir = await mkdtemp(join(tmpdir(), 'social-soak-'));
const started = performance.now();
const org = await startLocalOrg({ port: 0, empty: true, now: () => new Date(NOW) });
try {
  seedOrg(org);
  await writeFile(join(dir, 'mapping.yaml'), MAPPING);
  await generateIdentities(join(dir, 'identities.csv'), identityRows);
  await generateInteractions(join(dir, 'interactions.ndjson'), interactionRows);
  let writes = 0;
  const write = org.store.writeFault;
  org.store.writeFault = (...args) => {
    writes += 1;
    return write(...args);
  };
  org.ctx.faults = {
    ...org.ctx.faults,
    unavailableRate: Number(options['unavailable-rate']),
    resetRate: Number(options['reset-rate']),
    resetAfterRate: Number(options['reset-rate']),
    seed,
  };

  const figures = [];
  for (const step of [
    {
      name: 'mappings deploy',
      args: ['--command', 'deploy', '--file', join(dir, 'mapping.yaml')],
      rows: identityRows,
      expectedWrites: identityRows,
      // Result files as the deploy names them; input rows start at line 2 (after the CSV header).
      files: OUTCOMES.map(resultFileName),
      firstLine: 2,
    },
    {
      name: 'interactions import',
      args: ['--command', 'import', '--file', join(dir, 'interactions.ndjson'), '--mapping', join(dir, 'mapping.yaml')],
      rows: interactionRows,
      expectedWrites: interactionRows,
      files: INTERACTION_OUTCOMES.map((outcome) => `${outcome}.csv`),
      firstLine: 1,
    },
  ]) {
    const resultsDir = join(dir, `results-${step.name.replace(' ', '-')}`);
    const args = [...step.args, '--results-dir', resultsDir, '--retry-base-ms', '20', '--now', NOW];
    const stepStarted = performance.now();
    const callsBefore = org.ctx.apiCalls.used;
    let kills = 0;
    let runs = 0;
    if (!options['no-kill']) {
      // Killed once the org has taken a seeded share (20-80%) of the step's record writes.
      const killAt = writes + Math.floor((0.2 + 0.6 * random()) * step.expectedWrites);
      runs += 1;
      const { killed } = await child(args, () => writes >= killAt);
      if (killed) kills += 1;
    }
    let last;
    do {
      runs += 1;
      ({ result: last } = await child(args, () => false));
    } while (last.counts.failed > 0 && runs < 6);
    const accounted = await accountedRows(resultsDir, step.files, step.firstLine, step.rows);
    figures.push({
      step: step.name,
      rowsIn: step.rows,
      rowsAccounted: accounted,
      failedInLastRun: last.counts.failed,
      runs,
      kills,
      apiCalls: org.ctx.apiCalls.used - callsBefore,
      seconds: (performance.now() - stepStarted) / 1000,
    });
  }

  const duplicates =
    duplicateCount(org.store.list('Social_Identity__c')) + duplicateCount(org.store.list('Social_Interaction__c'));
  const missing =
    missingCount(org.store.list('Social_Identity__c'), identityRows, (index) => `${networkOf(index)}:u${index}`) +
    missingCount(org.store.list('Social_Interaction__c'), interactionRows, (index) => postKey(index));
  const rowsIn = figures.reduce((sum, figure) => sum + figure.rowsIn, 0);
  const rowsAccounted = figures.reduce((sum, figure) => sum + figure.rowsAccounted, 0);
  for (const figure of figures) {
    console.log(
      `${figure.step}: rows in ${figure.rowsIn}, rows accounted ${figure.rowsAccounted}, ${figure.runs} run(s), ` +
        `${figure.kills} SIGKILL, failed rows in the last run ${figure.failedInLastRun}, ${figure.apiCalls} API calls, ${figure.seconds.toFixed(1)} s`,
    );
  }
  console.log(`rows in: ${rowsIn}`);
  console.log(`rows accounted: ${rowsAccounted}`);
  console.log(`duplicates found: ${duplicates}`);
  console.log(`records missing: ${missing}`);
  console.log(
    `API calls: ${org.ctx.apiCalls.used}; wall time: ${((performance.now() - started) / 1000).toFixed(1)} s; ` +
      `faults: ${options['unavailable-rate']} 503, ${options['reset-rate']} resets before and after processing; seed ${seed}`,
  );
  process.exitCode = rowsAccounted === rowsIn && duplicates === 0 && missing === 0 ? 0 : 1;
} finally {
  await org.stop();
  await rm(dir, { recursive: true, force: true });
}

/** Runs the command in a child; kills it with SIGKILL as soon as `kill()` says so. */
function child(args, kill) {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [CHILD, '--url', org.url, '--token', org.accessToken, ...args], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    let killed = false;
    proc.stdout.on('data', (chunk) => (out += chunk));
    const watch = setInterval(() => {
      if (!killed && kill()) killed = proc.kill('SIGKILL');
    }, 2);
    proc.on('exit', (code, signal) => {
      clearInterval(watch);
      if (signal === 'SIGKILL') return resolve({ killed: true });
      try {
        const result = JSON.parse(out);
        if (result.error) return reject(new Error(`${args[1]} stopped: ${result.error.message}`));
        resolve({ killed: false, result });
      } catch {
        reject(new Error(`${args[1]} exited ${code}: ${out.slice(0, 500)}`));
      }
    });
  });
}

/** Input rows found exactly once across the results files (lines 2.. of a CSV, 1.. of NDJSON). */
async function accountedRows(resultsDir, files, first, rows) {
  const seen = new Map();
  for (const file of files) {
    const text = await readFile(join(resultsDir, file), 'utf8');
    for (const row of parse(text, { columns: true })) seen.set(row.line, (seen.get(row.line) ?? 0) + 1);
  }
  let accounted = 0;
  for (let line = first; line < first + rows; line += 1) if (seen.get(String(line)) === 1) accounted += 1;
  const extra = [...seen.keys()].filter((line) => Number(line) < first || Number(line) >= first + rows).length;
  return accounted - extra;
}

function duplicateCount(records) {
  const keys = records.map((record) => record.External_Id__c);
  return keys.length - new Set(keys).size;
}

function missingCount(records, count, keyOf) {
  const present = new Set(records.map((record) => record.External_Id__c));
  let missing = 0;
  for (let index = 0; index < count; index += 1) if (!present.has(keyOf(index))) missing += 1;
  return missing;
}

function networkOf(index) {
  return index % 2 === 0 ? 'x' : 'instagram';
}

function postKey(index) {
  const conversation = Math.floor(index / 5);
  return `${conversation % 2 === 0 ? 'x' : 'instagram'}:c${conversation}-${index % 5}`;
}

function seedOrg(localOrg) {
  const create = (objectName, fields) => {
    const result = localOrg.store.create(objectName, fields);
    if (!result.success) throw new Error(`seed ${objectName}: ${JSON.stringify(result.errors)}`);
    return result.id;
  };
  const accounts = Array.from({ length: 50 }, (_, index) => create('Account', { Name: `Account ${index}` }));
  for (let index = 0; index < CONTACTS; index += 1) {
    create('Contact', {
      LastName: `Person ${index}`,
      Email: `person${index}@example.com`,
      AccountId: accounts[index % accounts.length],
    });
  }
  for (let index = 0; index < LEADS; index += 1) {
    create('Lead', { LastName: `Lead ${index}`, Company: 'Prospect Co', Email: `lead${index}@example.com` });
  }
}

/** A Contact's email, a Lead's, an unknown one unique to the identity (a Lead is created), or none. */
function emailOf(person, identity) {
  if (person < CONTACTS) return `person${person}@example.com`;
  if (person < CONTACTS + LEADS) return `lead${person - CONTACTS}@example.com`;
  if (person < CONTACTS + LEADS + 20) return `nobody-${identity}@example.net`;
  return '';
}

async function generateIdentities(path, count) {
  const out = createWriteStream(path);
  out.write('network,userId,handle,name,email\n');
  for (let index = 0; index < count; index += 1) {
    const person = index % 3_000;
    if (!out.write(`${networkOf(index)},u${index},handle_${index},Person ${person},${emailOf(person, `u${index}`)}\n`))
      await new Promise((resolve) => out.once('drain', resolve));
  }
  await new Promise((resolve) => out.end(resolve));
}

async function generateInteractions(path, count) {
  const out = createWriteStream(path);
  const start = Date.parse('2026-11-01T00:00:00Z');
  for (let index = 0; index < count; index += 1) {
    const conversation = Math.floor(index / 5);
    const step = index % 5;
    const network = conversation % 2 === 0 ? 'x' : 'instagram';
    const person = conversation % 2_600;
    const row = {
      network,
      postId: `c${conversation}-${step}`,
      userId: `p${person}-${network}`,
      handle: `person_${person}`,
      email: emailOf(person, `p${person}-${network}`),
      postedAt: new Date(start + conversation * 60_000 + step * 300_000).toISOString(),
      direction: step % 2 === 1 ? 'Outbound' : 'Inbound',
      kind: step === 2 || step === 3 ? 'Direct Message' : step === 0 ? 'Post' : 'Reply',
      ...(step > 0 && step !== 2 ? { inReplyTo: `c${conversation}-${step - 1}` } : {}),
      body: `message ${step} of conversation ${conversation}`,
    };
    if (!out.write(`${JSON.stringify(row)}\n`)) await new Promise((resolve) => out.once('drain', resolve));
  }
  await new Promise((resolve) => out.end(resolve));
}
