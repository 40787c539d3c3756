// What a scan rule costs a deploy, per Contact of the org. Needs `npx tsc -b` first (it runs the built lib/).
//
// Memory (no org): the records are generated the way bench/support/identityData.mjs makes Contacts, and
// the phone rule's values are the E.164 numbers. Three ways to hold the index of the phone and e-mail
// rules for the whole deploy:
//   - records + Map of Sets: what the deploy kept before the compact index;
//   - ScanIndex: every Contact with a value (plugin/src/mappings/scanIndex.ts);
//   - bounded: a ScanIndex behind the input's ValueFilter (resolve.ts ScanValues), for an input of
//     `--input` identities of which one in five has a Contact's values: the index keeps those matches
//     and the filter is 2 MB a rule, however many Contacts the org holds.
//   npx node --expose-gc bench/scan-index.mjs [--contacts 100000,1000000] [--input 100000]
//
// API calls (--org): a local org in this process (no latency) holding that many Contacts, read whole as
// the phone rule's scan reads them (OrgClient.queryMany with a sink), by REST pages and as the client
// chooses (a Bulk API 2.0 query job when REST would cost more): the calls the org counted, and seconds.
//   npx node --expose-gc bench/scan-index.mjs --org --contacts 100000,1000000
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const lib = (path) => import(pathToFileURL(join(root, path)).href);
const { ScanIndex, ValueFilter } = await lib('plugin/lib/mappings/scanIndex.js');
const { values: options } = parseArgs({
  options: {
    contacts: { type: 'string', default: '100000,1000000' },
    input: { type: 'string', default: '100000' },
    org: { type: 'boolean', default: false },
  },
});
if (typeof globalThis.gc !== 'function') throw new Error('run with node --expose-gc');

function contact(index) {
  const id = `003${index.toString(36).padStart(12, '0')}AAA`;
  return {
    Id: id,
    MobilePhone: `+1 (415) 7${String(index).padStart(6, '0')}`,
    Email: `person${index}@bench.example.com`,
  };
}

/** Full collections: a Buffer's memory outside the heap is let go a collection after the Buffer. */
function collect() {
  for (let round = 0; round < 3; round += 1) globalThis.gc();
}

/** Heap held by what `build` returns, in MB, after full collections on both sides. */
function heldMb(build) {
  collect();
  const before = process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
  const held = build();
  collect();
  const after = process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
  if (held === undefined) throw new Error('nothing built');
  return (after - before) / 1e6;
}

const e164 = (index) => `+14157${String(index).padStart(6, '0')}`;
const email = (index) => `person${index}@bench.example.com`;

function memory(count) {
  const input = Number(options.input);
  const compact = heldMb(() => {
    const phone = new ScanIndex();
    const mail = new ScanIndex();
    for (let index = 0; index < count; index += 1) {
      const { Id } = contact(index);
      phone.add(e164(index), Id);
      mail.add(email(index), Id);
    }
    return [phone, mail];
  });
  let kept = 0;
  const bounded = heldMb(() => {
    // The input: one identity in five has a Contact's phone and e-mail (spread over the org), the others
    // values no Contact has; the scan then keeps what passes the filters.
    const phoneWanted = new ValueFilter();
    const mailWanted = new ValueFilter();
    for (let identity = 0; identity < input; identity += 1) {
      const match = identity % 5 === 0 ? Math.floor((identity / input) * count) : count + identity;
      phoneWanted.add(e164(match));
      mailWanted.add(email(match));
    }
    const phone = new ScanIndex();
    const mail = new ScanIndex();
    for (let index = 0; index < count; index += 1) {
      const { Id } = contact(index);
      if (phoneWanted.mightHave(e164(index))) phone.add(e164(index), Id);
      if (mailWanted.mightHave(email(index))) mail.add(email(index), Id);
    }
    kept = phone.size + mail.size;
    return [phoneWanted, mailWanted, phone, mail];
  });
  const before = heldMb(() => {
    const records = [];
    const phone = new Map();
    const mail = new Map();
    for (let index = 0; index < count; index += 1) {
      const record = contact(index);
      records.push(record);
      phone.set(e164(index), new Set([record.Id]));
      mail.set(email(index), new Set([record.Id]));
    }
    return [records, phone, mail];
  });
  const perContact = (mb) => Math.round((mb * 1e6) / count);
  console.log(
    `${count} Contacts, phone and e-mail rules: bounded (input ${input} identities) ${bounded.toFixed(0)} MB ` +
      `(${kept} entries kept); ScanIndex ${compact.toFixed(0)} MB (${perContact(compact)} B/Contact); ` +
      `records + Map of Sets ${before.toFixed(0)} MB (${perContact(before)} B/Contact)`,
  );
}

async function calls(count) {
  const { startLocalOrg } = await lib('local-org/lib/main.js');
  const { OrgClient } = await lib('plugin/lib/org/client.js');
  const { createContacts } = await import('./support/identityData.mjs');
  const { connectByToken } = await import('./support/child.mjs');
  const org = await startLocalOrg({ port: 0, empty: true });
  try {
    createContacts(org.store, count);
    const connection = await connectByToken(org.url, org.accessToken);
    const soql = 'SELECT Id, MobilePhone, Email FROM Contact WHERE (MobilePhone != null OR Email != null)';
    const figures = [];
    for (const [name, bulkQueries] of [
      ['REST pages', false],
      ['as the client chooses', true],
    ]) {
      const client = new OrgClient(connection, { bulkQueries });
      const before = org.ctx.apiCalls.used;
      const started = process.hrtime.bigint();
      let records = 0;
      await client.queryMany([soql], [() => (records += 1)], [true]);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      if (records < count) throw new Error(`${name}: read ${records} of ${count} Contacts`);
      figures.push(
        `${name} ${org.ctx.apiCalls.used - before} calls, ${seconds.toFixed(1)} s` +
          (client.bulkQueryJobs > 0 ? ` (${client.bulkQueryJobs} Bulk query job)` : ''),
      );
      globalThis.gc();
    }
    console.log(`${count} Contacts scanned: ${figures.join('; ')}`);
  } finally {
    await org.stop();
  }
}

for (const count of options.contacts.split(',').map(Number)) {
  if (options.org) await calls(count);
  else memory(count);
}
