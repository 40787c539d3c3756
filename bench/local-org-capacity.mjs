// Benchmark: how large an org the local org holds. Loads Contacts, Social_Identity__c (one in five
// linked to a Contact) and Social_Interaction__c (each on an identity, by Identity__r.External_Id__c)
// through the real HTTP API, Bulk API 2.0 ingest jobs of 100,000 rows as `sf data upsert bulk` sends
// them, into one local org in this process with the default heap. Prints per object the load time
// and µs per record, then the heap and RSS held (after a full GC) and the bytes per record, and the
// time of queries by external id, by lookup and by Id over HTTP (indexed: they must not grow with the
// org). --data DIR also saves the org to DIR and loads it again, timing both.
//   npx node --expose-gc bench/local-org-capacity.mjs [--contacts 200000] [--identities 1000000]
//     [--interactions 1000000] [--data DIR]
// npm run bench:capacity runs it with the full sizes.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values: options } = parseArgs({
  options: {
    contacts: { type: 'string', default: '200000' },
    identities: { type: 'string', default: '1000000' },
    interactions: { type: 'string', default: '1000000' },
    data: { type: 'boolean', default: false },
  },
});
const JOB_ROWS = 100_000;
const VERSION = 'v62.0';
const NETWORKS = ['x', 'instagram', 'community'];
const counts = {
  Contact: Number(options.contacts),
  Social_Identity__c: Number(options.identities),
  Social_Interaction__c: Number(options.interactions),
};

const mb = (bytes) => `${(bytes / 1e6).toFixed(0)} MB`;
function settledMemory() {
  globalThis.gc?.();
  globalThis.gc?.();
  const { heapUsed, rss } = process.memoryUsage();
  return { heapUsed, rss };
}

const { startLocalOrg } = await import(pathToFileURL(join(root, 'local-org/lib/main.js')).href);
const dataDir = options.data ? await mkdtemp(join(tmpdir(), 'capacity-bench-')) : undefined;
let org = await startLocalOrg({ port: 0, empty: true, ...(dataDir ? { dataDir } : {}) });

async function api(method, path, body, contentType = 'application/json', attempt = 1) {
  // A keep-alive socket the org closed while a --data save held its event loop: send again.
  const response = await fetch(`${org.url}/services/data/${VERSION}${path}`, {
    method,
    headers: { authorization: `Bearer ${org.accessToken}`, 'content-type': contentType },
    ...(body === undefined ? {} : { body }),
  }).catch((error) => {
    if (attempt < 3 && error.cause?.code === 'ECONNRESET') return undefined;
    throw error;
  });
  if (!response) return api(method, path, body, contentType, attempt + 1);
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text.slice(0, 500)}`);
  return text ? JSON.parse(text) : undefined;
}

/** One Bulk API 2.0 job per 100,000 rows: create, upload, close, wait, delete (as a client cleans up). */
async function bulkLoad(object, operation, header, rowAt, total) {
  for (let start = 0; start < total; start += JOB_ROWS) {
    const job = await api(
      'POST',
      '/jobs/ingest',
      JSON.stringify({
        object,
        operation,
        ...(operation === 'upsert' ? { externalIdFieldName: 'External_Id__c' } : {}),
        contentType: 'CSV',
        lineEnding: 'LF',
      }),
    );
    const lines = [header.join(',')];
    for (let index = start; index < Math.min(total, start + JOB_ROWS); index++) lines.push(rowAt(index));
    await api('PUT', `/jobs/ingest/${job.id}/batches`, `${lines.join('\n')}\n`, 'text/csv');
    await api('PATCH', `/jobs/ingest/${job.id}`, JSON.stringify({ state: 'UploadComplete' }));
    let info;
    do {
      await new Promise((resolve) => setTimeout(resolve, 200));
      info = await api('GET', `/jobs/ingest/${job.id}`);
    } while (info.state === 'UploadComplete' || info.state === 'InProgress');
    if (info.state !== 'JobComplete' || info.numberRecordsFailed > 0) {
      const failed = await fetch(`${org.url}/services/data/${VERSION}/jobs/ingest/${job.id}/failedResults`, {
        headers: { authorization: `Bearer ${org.accessToken}` },
      }).then((response) => response.text());
      throw new Error(
        `${object} job ${job.id}: ${info.state}, ${info.numberRecordsFailed} failed\n${failed.slice(0, 500)}`,
      );
    }
    await api('DELETE', `/jobs/ingest/${job.id}`);
  }
}

const identityKey = (index) => `${NETWORKS[index % 3]}:cap-user-${index}`;
let contactIds = [];
const loads = [
  {
    object: 'Contact',
    run: () =>
      bulkLoad(
        'Contact',
        'insert',
        ['FirstName', 'LastName', 'Email', 'MobilePhone'],
        (index) => `Cap,Person ${index},person${index}@capacity.example.com,+1 415 7${String(index).padStart(6, '0')}`,
        counts.Contact,
      ),
  },
  {
    object: 'Social_Identity__c',
    run: () => {
      contactIds = org.store.list('Contact').map((contact) => contact.Id);
      return bulkLoad(
        'Social_Identity__c',
        'upsert',
        ['External_Id__c', 'Name', 'Network__c', 'Network_User_Id__c', 'Handle__c', 'Link_Status__c', 'Contact__c'],
        (index) => {
          const contact = index % 5 === 0 ? contactIds[(index / 5) % Math.max(1, contactIds.length)] : undefined;
          return `${identityKey(index)},@cap_user_${index},${NETWORKS[index % 3]},cap-user-${index},cap_user_${index},${contact ? 'Linked' : 'Unlinked'},${contact ?? ''}`;
        },
        counts.Social_Identity__c,
      );
    },
  },
  {
    object: 'Social_Interaction__c',
    run: () =>
      bulkLoad(
        'Social_Interaction__c',
        'upsert',
        [
          'External_Id__c',
          'Identity__r.External_Id__c',
          'Network__c',
          'Direction__c',
          'Kind__c',
          'Body__c',
          'Posted_At__c',
          'Thread_Key__c',
          'Status__c',
          'Visibility__c',
        ],
        (index) => {
          const identity = index % Math.max(1, counts.Social_Identity__c);
          const posted = new Date(Date.UTC(2026, 10, 1) + index * 1000).toISOString();
          return `${NETWORKS[identity % 3]}:cap-post-${index},${identityKey(identity)},${NETWORKS[identity % 3]},Inbound,Post,Message ${index} from a capacity run,${posted},${NETWORKS[identity % 3]}:cap-post-${index},New,Public`;
        },
        counts.Social_Interaction__c,
      ),
  },
];

const baseline = settledMemory();
console.log(
  `local org capacity: ${Object.entries(counts)
    .map(([name, count]) => `${count} ${name}`)
    .join(
      ', ',
    )}, Node ${process.version}, heap limit ${mb((await import('node:v8')).getHeapStatistics().heap_size_limit)}`,
);
console.log(`empty org: heap ${mb(baseline.heapUsed)}, RSS ${mb(baseline.rss)}`);
let previous = baseline;
for (const load of loads) {
  if (counts[load.object] === 0) continue;
  const started = performance.now();
  await load.run();
  const seconds = (performance.now() - started) / 1000;
  const memory = settledMemory();
  const count = counts[load.object];
  console.log(
    `${load.object.padEnd(22)} ${String(count).padStart(8)} records in ${seconds.toFixed(1)} s (${((seconds * 1e6) / count).toFixed(0)} µs/record over HTTP Bulk); ` +
      `heap +${mb(memory.heapUsed - previous.heapUsed)} (${((memory.heapUsed - previous.heapUsed) / count).toFixed(0)} B/record), RSS ${mb(memory.rss)}`,
  );
  previous = memory;
}
const total = Object.values(counts).reduce((sum, count) => sum + count, 0);
console.log(
  `held: heap ${mb(previous.heapUsed)} (${((previous.heapUsed - baseline.heapUsed) / total).toFixed(0)} B/record over all ${total}), RSS ${mb(previous.rss)}, peak RSS ${mb(process.resourceUsage().maxRSS * 1024)}`,
);

async function timeQueries(label, soqlAt, runs = 200) {
  const started = performance.now();
  let rows = 0;
  for (let run = 0; run < runs; run++) {
    const result = await api('GET', `/query?q=${encodeURIComponent(soqlAt(run))}`);
    rows += result.totalSize;
  }
  console.log(
    `${label.padEnd(44)} ${((performance.now() - started) / runs).toFixed(2)} ms/query over HTTP (${rows} rows in ${runs} queries)`,
  );
}
const spread = (run, count) => Math.floor((run * 7919) % Math.max(1, count));
const someIdentity = (run) =>
  org.store.findByExternalId(
    'Social_Identity__c',
    'External_Id__c',
    identityKey(spread(run, counts.Social_Identity__c)),
  )[0];
if (counts.Social_Identity__c > 0) {
  await timeQueries(
    'identity by External_Id__c (=)',
    (run) =>
      `SELECT Id FROM Social_Identity__c WHERE External_Id__c = '${identityKey(spread(run, counts.Social_Identity__c))}'`,
  );
  await timeQueries(
    'identities by External_Id__c IN (200 values)',
    (run) =>
      `SELECT Id FROM Social_Identity__c WHERE External_Id__c IN (${Array.from({ length: 200 }, (_, k) => `'${identityKey(spread(run * 200 + k, counts.Social_Identity__c))}'`).join(',')})`,
    20,
  );
  await timeQueries(
    'identity by Id',
    (run) => `SELECT Id, Handle__c FROM Social_Identity__c WHERE Id = '${someIdentity(run)?.Id}'`,
  );
  if (counts.Contact > 0) {
    await timeQueries(
      'identities by lookup (Contact__c =)',
      (run) => `SELECT Id FROM Social_Identity__c WHERE Contact__c = '${contactIds[spread(run, contactIds.length)]}'`,
    );
  }
  if (counts.Social_Interaction__c > 0) {
    await timeQueries(
      'interactions by lookup (Identity__c =)',
      (run) => `SELECT Id, Body__c FROM Social_Interaction__c WHERE Identity__c = '${someIdentity(run)?.Id}'`,
    );
  }
  const started = performance.now();
  for (let run = 0; run < 100_000; run++) someIdentity(run);
  console.log(
    `${'store.findByExternalId (in process)'.padEnd(44)} ${((performance.now() - started) / 100).toFixed(2)} µs/lookup`,
  );
}

if (dataDir) {
  let started = performance.now();
  await org.stop();
  console.log(`--data: saved ${total} records in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  org = undefined;
  settledMemory();
  started = performance.now();
  org = await startLocalOrg({ port: 0, dataDir });
  const loaded = Object.keys(counts).map((name) => org.store.list(name).length);
  console.log(
    `--data: loaded ${loaded.join(' + ')} records in ${((performance.now() - started) / 1000).toFixed(1)} s, heap ${mb(settledMemory().heapUsed)}, RSS ${mb(process.memoryUsage().rss)}`,
  );
}
await org.stop();
if (dataDir) await rm(dataDir, { recursive: true, force: true });
