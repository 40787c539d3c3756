// What a scan rule's index costs to keep for a whole deploy, per Contact: the compact ScanIndex
// (plugin/src/mappings/scanIndex.ts) against what the deploy kept before, the scan's records (Id, Phone,
// Email, as a query returns them) plus a Map of Sets per rule. No org: the records are generated the way
// bench/support/identityData.mjs makes Contacts, and the phone rule's values are the E.164 numbers.
// Needs `npx tsc -b` first (it runs the built lib/).
//   npx node --expose-gc bench/scan-index.mjs [--contacts 100000,1000000]
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { ScanIndex } = await import(pathToFileURL(join(root, 'plugin/lib/mappings/scanIndex.js')).href);
const { values: options } = parseArgs({ options: { contacts: { type: 'string', default: '100000,1000000' } } });
if (typeof globalThis.gc !== 'function') throw new Error('run with node --expose-gc');

function contact(index) {
  const id = `003${index.toString(36).padStart(12, '0')}AAA`;
  return {
    Id: id,
    MobilePhone: `+1 (415) 7${String(index).padStart(6, '0')}`,
    Email: `person${index}@bench.example.com`,
  };
}

/** Heap held by what `build` returns, in MB, after full collections on both sides. */
function heldMb(build) {
  globalThis.gc();
  const before = process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
  const held = build();
  globalThis.gc();
  const after = process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
  if (held === undefined) throw new Error('nothing built');
  return (after - before) / 1e6;
}

for (const count of options.contacts.split(',').map(Number)) {
  const e164 = (index) => `+14157${String(index).padStart(6, '0')}`;
  const email = (index) => `person${index}@bench.example.com`;
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
  console.log(
    `${count} Contacts, phone and e-mail rules: ScanIndex ${compact.toFixed(0)} MB (${Math.round((compact * 1e6) / count)} B/Contact); ` +
      `records + Map of Sets ${before.toFixed(0)} MB (${Math.round((before * 1e6) / count)} B/Contact)`,
  );
}
