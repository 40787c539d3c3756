// Benchmark: our commands against what an admin would do with the official tool, both as whole CLI
// processes through the real `sf` (node_modules/.bin/sf, an isolated HOME with the plugin linked), each
// side against a fresh local org with 50 ms of latency per request, on the same generated data:
//   deploy: `sf social mappings deploy` of N identities (bench/support/identityData.mjs: one Contact per
//           five identities, e-mail and phone rules) against `sf data upsert bulk --sobject
//           Social_Identity__c` of the same identities, resolved to their Contacts by this bench.
//   import: `sf social interactions import` of N interactions (bench/support/interactionData.mjs)
//           against `sf data upsert bulk` of the same identities, then of the same interactions
//           threaded by this bench (thread keys, statuses, SLA due and first response times).
// For each it prints wall time, the ratio, CPU time (user + system) and its ratio, the API calls the org counted during the process next to
// the fewest the documented limits allow for the work (bench/support/minimum.mjs, with the arithmetic),
// and the peak RSS of each process (GNU time's maximum resident set size). Neither side gets --json:
// `sf data upsert bulk --json` prints every record's result, colourised, which costs it seconds and
// gigabytes at 100,000 rows that an admin reading its summary does not spend. Each side's result is
// checked against the org (the same records linked), so a fast wrong run does not pass for a fast one.
//   npm run bench:side-by-side                      # 10,000 and 100,000
//   node --max-old-space-size=16384 bench/side-by-side.mjs --large   # adds 1,000,000 (the local org
//                                                   # holds the data in memory: give it the heap)
//   node bench/side-by-side.mjs --sizes 10000 --only deploy
//   BENCH_CPU_PROF=<dir> node bench/side-by-side.mjs ...   # a V8 CPU profile of every measured sf
//                                                   # process, for bench/profile-summary.mjs
// Needs `npm run build` first (npm run bench:side-by-side does it): sf runs the plugin's built lib/ and manifest.
import { execFile } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import {
  CONTACT_EVERY,
  createContacts,
  deployMinimum,
  identityRow,
  writeIdentities,
  writeMapping,
} from './support/identityData.mjs';
import {
  ensureChannels,
  exportIdentities,
  identityRecord,
  importMinimum,
  threadedRecord,
  writeInteractions,
} from './support/interactionData.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// Bulk API 2.0 takes at most 150 MB of base64 per job, so at most 100 MB of CSV ("Bulk API 2.0 and Bulk API
// Developer Guide", Limits); the local org refuses more, as an org does.
const MAX_UPLOAD_BYTES = 100 * 1000 * 1000;
const bin = join(root, 'node_modules', '.bin');
const { values: options } = parseArgs({
  options: {
    sizes: { type: 'string', default: '10000,100000' },
    large: { type: 'boolean', default: false },
    latency: { type: 'string', default: '50' },
    only: { type: 'string' },
  },
});
const sizes = options.sizes.split(',').map(Number);
if (options.large) sizes.push(1_000_000);
const latencyMs = Number(options.latency);

const { startLocalOrg } = await import(pathToFileURL(join(root, 'local-org/lib/main.js')).href);
const work = await mkdtemp(join(tmpdir(), 'side-by-side-'));
const sf = isolatedSf(join(work, 'home'));
await sf.run(['plugins', 'link', join(root, 'plugin'), '--no-install']);

const table = [];
try {
  for (const size of sizes) {
    if (options.only !== 'import') table.push(await deploySideBySide(size));
    if (options.only !== 'deploy') table.push(await importSideBySide(size));
  }
} finally {
  await rm(work, { recursive: true, force: true });
}
console.log('');
console.log(
  '| command | rows | ours | official | ratio | CPU ours / official (ratio) | API calls ours / official (minimum) | peak RSS ours / official |',
);
console.log('|---|---|---|---|---|---|---|---|');
for (const row of table) {
  console.log(
    `| ${row.command} | ${row.size.toLocaleString('en')} | ${row.ours.seconds.toFixed(1)} s | ${row.official.seconds.toFixed(1)} s | ` +
      `${(row.ours.seconds / row.official.seconds).toFixed(2)}x | ` +
      `${row.ours.cpuSeconds.toFixed(1)} s / ${row.official.cpuSeconds.toFixed(1)} s (${(row.ours.cpuSeconds / row.official.cpuSeconds).toFixed(2)}x) | ${row.ours.calls} / ${row.official.calls} (${row.minimum.calls}) | ` +
      `${row.ours.rssMb} / ${row.official.rssMb} MB |`,
  );
}
for (const row of table) console.log(`minimum, ${row.command} ${row.size}: ${row.minimum.arithmetic}`);

/** Our deploy, then the official upsert of the same identities resolved, each on a fresh org. */
async function deploySideBySide(size) {
  const dir = join(work, `deploy-${size}`);
  await mkdir(dir, { recursive: true });
  const mapping = await writeMapping(dir);
  const facts = await writeIdentities(join(dir, 'identities.csv'), size);
  const contacts = size / CONTACT_EVERY;

  const ours = await withOrg(async (org, alias) => {
    createContacts(org.store, contacts);
    const run = await measured(org, [
      ...['social', 'mappings', 'deploy', '--file', mapping, '--target-org', alias],
      ...['--results-dir', join(dir, 'results')],
    ]);
    return { ...run, linked: linkedIdentities(org) };
  });
  partial('deploy', size, ours);

  const official = await withOrg(async (org, alias) => {
    const ids = createContacts(org.store, contacts);
    const resolved = await writeCsv(join(dir, 'resolved.csv'), resolvedIdentities(size, ids));
    const run = await upsertEach(org, 'Social_Identity__c', resolved, alias);
    return { ...run, linked: linkedIdentities(org), uploadBytes: await bytesOf(resolved) };
  });

  check(`deploy ${size}`, ours.linked, official.linked);
  const minimum = deployMinimum({ ...facts, contacts, first: true, uploadBytes: official.uploadBytes });
  report('deploy', size, ours, official, minimum);
  return { command: '`mappings deploy` / `data upsert bulk`', size, ours, official, minimum };
}

/** Our import, then the official upserts of the same identities and the same interactions threaded. */
async function importSideBySide(size) {
  const dir = join(work, `import-${size}`);
  await mkdir(dir, { recursive: true });
  const file = join(dir, 'interactions.ndjson');
  const facts = await writeInteractions(file, size);

  const ours = await withOrg(async (org, alias) => {
    await ensureChannels(org);
    const run = await measured(org, [
      ...['social', 'interactions', 'import', '--file', file, '--target-org', alias],
      ...['--results-dir', join(dir, 'results')],
    ]);
    return { ...run, stored: storedInteractions(org) };
  });
  partial('import', size, ours);

  const official = await withOrg(async (org, alias) => {
    await ensureChannels(org);
    const identities = await writeCsv(join(dir, 'identities.csv'), identityRecords(size));
    const interactions = await writeCsv(join(dir, 'threaded.csv'), threadedRecords(size));
    const first = await upsertEach(org, 'Social_Identity__c', identities, alias);
    const second = await upsertEach(org, 'Social_Interaction__c', interactions, alias);
    return {
      ...combined([first, second]),
      stored: storedInteractions(org),
      uploadBytes: { identities: await bytesOf(identities), interactions: await bytesOf(interactions) },
    };
  });

  check(`import ${size}`, ours.stored, official.stored);
  const minimum = importMinimum(facts, true, official.uploadBytes);
  report('import', size, ours, official, minimum);
  return { command: '`interactions import` / `data upsert bulk` ×2', size, ours, official, minimum };
}

/** The bytes of the records as uploaded: what the work writes, whoever writes it (the minimum's upload size). */
async function bytesOf(files) {
  let bytes = 0;
  for (const file of files) bytes += (await stat(file)).size;
  return bytes;
}

/** `sf data upsert bulk` of each file in turn: the processes' times and calls added up, the largest RSS. */
async function upsertEach(org, sobject, files, alias) {
  const runs = [];
  for (const file of files) runs.push(await measured(org, upsertBulk(sobject, file, alias)));
  return combined(runs);
}

function combined(runs) {
  return {
    seconds: runs.reduce((sum, run) => sum + run.seconds, 0),
    cpuSeconds: runs.reduce((sum, run) => sum + run.cpuSeconds, 0),
    calls: runs.reduce((sum, run) => sum + run.calls, 0),
    rssMb: Math.max(...runs.map((run) => run.rssMb)),
  };
}

function upsertBulk(sobject, file, alias) {
  return [
    ...['data', 'upsert', 'bulk', '--sobject', sobject, '--external-id', 'External_Id__c'],
    ...['--file', file, '--target-org', alias, '--wait', '60'],
  ];
}

/** A fresh, empty local org with the latency, sf logged into it; stopped after `use`. */
async function withOrg(use) {
  const org = await startLocalOrg({ port: 0, empty: true, latencyMs });
  try {
    const alias = `org-${org.url.split(':').at(-1)}`;
    await sf.run(['org', 'login', 'access-token', '--instance-url', org.url, '--no-prompt', '--alias', alias], {
      SF_ACCESS_TOKEN: org.accessToken,
    });
    return await use(org, alias);
  } finally {
    await org.stop();
  }
}

/**
 * Runs an sf command under GNU time: wall seconds, CPU seconds (user + system: the figure a loaded machine
 * disturbs least, since waiting for a core is not counted), peak RSS (MB) and the API calls the org counted.
 */
async function measured(org, args) {
  const before = org.ctx.apiCalls.used;
  const timing = join(work, 'time.txt');
  const profile = process.env.BENCH_CPU_PROF
    ? { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${process.env.BENCH_CPU_PROF}` }
    : {};
  const run = await sf.run(args, profile, ['/usr/bin/time', '-f', '%e %M %U %S', '-o', timing]);
  const [seconds, rssKb, user, system] = (await readFile(timing, 'utf8'))
    .trim()
    .split('\n')
    .at(-1)
    .split(' ')
    .map(Number);
  return { seconds, cpuSeconds: user + system, rssMb: Math.round(rssKb / 1024), calls: org.ctx.apiCalls.used - before };
}

/** Identities linked or suggested to a Contact, as "externalId status contact#": the work's outcome. */
function linkedIdentities(org) {
  const contactIndex = new Map(org.store.list('Contact').map((contact, index) => [contact.Id, index]));
  return org.store
    .list('Social_Identity__c')
    .filter((identity) => identity.Contact__c)
    .map((identity) => `${identity.External_Id__c} ${identity.Link_Status__c} ${contactIndex.get(identity.Contact__c)}`)
    .sort();
}

/** Interactions as "externalId thread status identity | reason | delivery": the work's outcome. */
function storedInteractions(org) {
  const identity = new Map(org.store.list('Social_Identity__c').map((record) => [record.Id, record.External_Id__c]));
  return org.store
    .list('Social_Interaction__c')
    .map(
      (record) =>
        `${record.External_Id__c} ${record.Thread_Key__c} ${record.Status__c} ${identity.get(record.Identity__c)} | ` +
        `${record.Status_Reason__c ?? ''} | ${record.Delivery_Status__c ?? ''}`,
    )
    .sort();
}

function check(what, ours, official) {
  const differ = ours.length !== official.length || ours.some((line, index) => line !== official[index]);
  if (differ) {
    const first = ours.findIndex((line, index) => line !== official[index]);
    throw new Error(
      `${what}: the two sides did not end with the same records (${ours.length} against ${official.length}; first difference: ${ours[first]} / ${official[first]})`,
    );
  }
}

/** Ours as soon as it is measured: a long run that fails on the official side keeps this figure. */
function partial(command, size, ours) {
  console.log(
    `${command} ${size}: ours ${ours.seconds.toFixed(1)} s (CPU ${ours.cpuSeconds.toFixed(1)} s), ${ours.calls} calls, ${ours.rssMb} MB`,
  );
}

function report(command, size, ours, official, minimum) {
  console.log(
    `${command} ${size}: ours ${ours.seconds.toFixed(1)} s (CPU ${ours.cpuSeconds.toFixed(1)} s), ${ours.calls} calls, ${ours.rssMb} MB; ` +
      `official ${official.seconds.toFixed(1)} s (CPU ${official.cpuSeconds.toFixed(1)} s), ${official.calls} calls, ${official.rssMb} MB; ` +
      `ratio ${(ours.seconds / official.seconds).toFixed(2)}x; minimum ${minimum.calls} calls`,
  );
}

/** The identities as the deploy resolves them: Linked by e-mail, Suggested by phone, else Unlinked. */
function* resolvedIdentities(count, contactIds) {
  for (let index = 0; index < count; index += 1) {
    const row = identityRow(index);
    yield {
      External_Id__c: `${row.network}:${row.userId}`,
      Name: `@${row.handle} (${row.network})`,
      Network__c: row.network,
      Network_User_Id__c: row.userId,
      Handle__c: row.handle,
      Display_Name__c: row.name,
      Contact__c: row.match ? contactIds[row.match.person] : '',
      Link_Status__c: row.match?.status ?? 'Unlinked',
      Link_Source__c: row.match ? 'Mapping' : '',
      Matched_By_Rule__c: row.match?.rule ?? '',
    };
  }
}

function* identityRecords(count) {
  for (const [person, network] of exportIdentities(count)) yield identityRecord(person, network);
}

function* threadedRecords(count) {
  for (let index = 0; index < count; index += 1) yield threadedRecord(index);
}

/** Writes records (objects with the same keys) as RFC 4180 CSV with LF line endings. */
/**
 * Writes records as CSV files of at most MAX_UPLOAD_BYTES each (header repeated), as an admin splits a file
 * above Bulk API 2.0's upload limit for `sf data upsert bulk`, which sends one file as one job; returns the paths.
 */
async function writeCsv(path, records) {
  const paths = [];
  let out;
  let bytes = 0;
  let columns;
  for (const record of records) {
    if (columns === undefined) columns = Object.keys(record);
    const line = `${columns.map((column) => cell(String(record[column] ?? ''))).join(',')}\n`;
    if (out === undefined || bytes + Buffer.byteLength(line) > MAX_UPLOAD_BYTES) {
      if (out !== undefined) await new Promise((resolve) => out.end(resolve));
      const next = paths.length === 0 ? path : path.replace(/\.csv$/, `-${paths.length + 1}.csv`);
      paths.push(next);
      out = createWriteStream(next);
      const header = `${columns.join(',')}\n`;
      out.write(header);
      bytes = header.length;
    }
    bytes += Buffer.byteLength(line);
    if (!out.write(line)) await new Promise((resolve) => out.once('drain', resolve));
  }
  if (out !== undefined) await new Promise((resolve) => out.end(resolve));
  return paths;
}

function cell(value) {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** sf with its own HOME, the Node 22 of node_modules, no update checks or telemetry (see test/support/sfCli.ts). */
function isolatedSf(home) {
  return {
    run: (args, env = {}, prefix = []) =>
      new Promise((resolve, reject) => {
        const command = [...prefix, join(bin, 'sf'), ...args];
        execFile(
          command[0],
          command.slice(1),
          {
            cwd: root,
            maxBuffer: 256 * 1024 * 1024,
            env: {
              PATH: `${bin}:${process.env.PATH ?? ''}`,
              HOME: home,
              XDG_CACHE_HOME: join(home, '.cache'),
              XDG_CONFIG_HOME: join(home, '.config'),
              XDG_DATA_HOME: join(home, '.local', 'share'),
              SF_DISABLE_AUTOUPDATE: 'true',
              SF_DISABLE_TELEMETRY: 'true',
              SF_SKIP_NEW_VERSION_CHECK: 'true',
              SF_HIDE_RELEASE_NOTES: 'true',
              SF_USE_PROGRESS_BAR: 'false',
              // A terminal's size, as an admin's shell has it: with stdout piped and no size, ink (the stage
              // display and tables of both sides) runs `tput` twice for every frame it draws.
              COLUMNS: '120',
              LINES: '40',
              ...env,
            },
          },
          (error, stdout, stderr) => {
            if (error) reject(new Error(`sf ${args.join(' ')}: ${stderr || error.message}`));
            else resolve({ stdout, stderr });
          },
        );
      }),
  };
}
