// The generated data of the deploy benchmarks (bench/mappings-deploy.mjs, bench/side-by-side.mjs): one
// Contact per five identities, a mapping with an e-mail rule (link) and a phone rule (suggest), and an
// identity export in which every fifth identity has a Contact's e-mail (in another case), every fifth
// after it an e-mail no Contact has, and every seventh a Contact's phone written differently. Also the
// fewest API calls the documented limits allow for deploying it (support/minimum.mjs).
import { createWriteStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { inListChars, minimumCalls } from './minimum.mjs';

export const NETWORKS = ['x', 'instagram', 'community'];
export const CONTACT_EVERY = 5;

/** One Contact per five identities, straight into the store (no API calls): e-mail and mobile set. Returns their ids. */
export function createContacts(store, count) {
  const account = store.create('Account', { Name: 'Bench Customers' });
  const ids = [];
  for (let index = 0; index < count; index += 1) {
    const result = store.create('Contact', {
      FirstName: 'Bench',
      LastName: `Person ${index}`,
      AccountId: account.id,
      Email: `person${index}@bench.example.com`,
      MobilePhone: `+1 (415) 7${String(index).padStart(6, '0')}`,
    });
    if (!result.success) throw new Error(`could not create contact ${index}: ${JSON.stringify(result.errors)}`);
    ids.push(result.id);
  }
  return ids;
}

/** The mapping file (in `dir`) that deploys identities.csv; `unmatched` is leave or create-lead. */
export async function writeMapping(dir, unmatched = 'leave') {
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
      `unmatched: ${unmatched}`,
      '',
    ].join('\n'),
  );
  return file;
}

/** Identity `index` of the export, and which Contact (by index) the rules find for it. */
export function identityRow(index) {
  const network = NETWORKS[index % NETWORKS.length];
  const userId = `1${String(index).padStart(12, '0')}`;
  const person = Math.floor(index / CONTACT_EVERY);
  let email = '';
  if (index % CONTACT_EVERY === 0) email = `Person${person}@Bench.Example.com`;
  else if (index % CONTACT_EVERY === 1) email = `someone${index}@elsewhere.example.org`;
  const phone = index % 7 === 0 ? `415-7${String(person).padStart(6, '0')}` : '';
  const match =
    index % CONTACT_EVERY === 0
      ? { person, status: 'Linked', rule: 'same-email' }
      : phone
        ? { person, status: 'Suggested', rule: 'same-phone' }
        : undefined;
  return {
    network,
    userId,
    handle: `bench_user_${index}`,
    name: `Bench User ${index}`,
    email,
    phone,
    match,
    csv: `${network},${userId},bench_user_${index},Bench User ${index},${email},${phone}\n`,
  };
}

/** Writes the identity export (`count` rows) to `path`; returns what the minimum needs. */
export async function writeIdentities(path, count) {
  const out = createWriteStream(path);
  out.write('Network,Author ID,Author,Name,Email,Phone\n');
  let externalIdChars = 0;
  let rowBytes = 0;
  for (let index = 0; index < count; index += 1) {
    const row = identityRow(index);
    externalIdChars += inListChars([`${row.network}:${row.userId}`]);
    rowBytes += Buffer.byteLength(row.csv);
    if (!out.write(row.csv)) await new Promise((resolve) => out.once('drain', resolve));
  }
  await new Promise((resolve) => out.end(resolve));
  return { identities: count, externalIdChars, rowBytes };
}

/**
 * The fewest calls the documented limits allow for deploying the export (support/minimum.mjs):
 *   reads:  the channels; the identities the org holds of the file's (none on a first deploy: one
 *           COUNT() operation says so; on the second, every one of them); every Contact with a mobile
 *           phone or an e-mail (the phone rule compares normalised numbers, so it reads them all, and
 *           the same read carries the e-mail the other rule needs);
 *   writes: on a first deploy the identities (the bytes of their upload when the caller knows them, as
 *           bench/side-by-side.mjs does from the official side's files; else at least their input rows') and
 *           the channels; with `unmatched: create-lead` also the Leads of the unmatched identities,
 *           created in bulk before the identities are linked to them.
 */
export function deployMinimum({ identities, externalIdChars, rowBytes, contacts, first, leads = 0, uploadBytes }) {
  const reads = [
    { name: 'channels', records: NETWORKS.length, chars: 0 },
    first
      ? { name: 'identities (none in the org)', records: 0, chars: 0 }
      : { name: 'identities', records: identities, chars: externalIdChars, scan: identities },
    { name: 'Contacts', records: contacts, chars: 0 },
  ];
  const writes = first
    ? [
        ...(leads > 0 ? [{ name: 'Leads', records: leads, bytes: (rowBytes * leads) / identities }] : []),
        { name: 'identities', records: identities, bytes: uploadBytes ?? rowBytes },
        { name: 'channels', records: NETWORKS.length, bytes: 0 },
      ]
    : [];
  return minimumCalls({ reads, writes });
}
