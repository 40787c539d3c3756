// The generated data of the import benchmarks (bench/interactions-import.mjs, bench/side-by-side.mjs):
// conversations of 5 messages on 3 channels (a public question, the company's reply, a private message,
// the company's private answer, a thank-you) by 20,000 people; the channels they need; the same
// conversations pre-threaded as Salesforce records, for the official tool; and the fewest API calls
// the documented limits allow for importing them (support/minimum.mjs).
import { createWriteStream } from 'node:fs';
import { inListChars, minimumCalls } from './minimum.mjs';

export const NETWORKS = ['x', 'instagram', 'community'];
const PEOPLE = 20_000;
const START = Date.parse('2026-11-01T00:00:00Z');
const SLA_MINUTES = 60;

/** Message `index` of the export, as the listening tool writes it. */
export function interactionRow(index) {
  const conversation = Math.floor(index / 5);
  const step = index % 5;
  const network = NETWORKS[conversation % NETWORKS.length];
  const person = conversation % PEOPLE;
  return {
    network,
    postId: `bench-${conversation}-${step}`,
    userId: `bench-user-${person}`,
    handle: `bench_user_${person}`,
    postedAt: new Date(START + conversation * 60_000 + step * 300_000).toISOString(),
    direction: step % 2 === 1 ? 'Outbound' : 'Inbound',
    kind: step === 2 || step === 3 ? 'Direct Message' : step === 0 ? 'Post' : 'Reply',
    ...(step === 1 || step === 4 ? { inReplyTo: `bench-${conversation}-${step - 1}` } : {}),
    ...(step === 0 ? { intent: 'Question' } : {}),
    body: `Message ${step} of conversation ${conversation}: ${'lorem ipsum '.repeat(8)}😀`,
  };
}

/**
 * Message `index` as the Social_Interaction__c record an import makes of it: every message of a
 * conversation in the thread of its first one (the private message continues the public question
 * within the continuation window); the company's messages Responded; an inbound message answered later
 * in its thread Responded with its first response time; the public question with its SLA due time.
 */
export function threadedRecord(index) {
  const row = interactionRow(index);
  const step = index % 5;
  const posted = Date.parse(row.postedAt);
  const answered = step === 0 || step === 2 ? new Date(posted + 300_000).toISOString() : '';
  return {
    External_Id__c: `${row.network}:${row.postId}`,
    'Identity__r.External_Id__c': `${row.network}:${row.userId}`,
    Network__c: row.network,
    Direction__c: row.direction,
    Visibility__c: row.kind === 'Direct Message' ? 'Private' : 'Public',
    Kind__c: row.kind,
    Body__c: row.body,
    Posted_At__c: row.postedAt,
    Thread_Key__c: `${row.network}:bench-${Math.floor(index / 5)}-0`,
    In_Reply_To__c: row.inReplyTo ? `${row.network}:${row.inReplyTo}` : '',
    Intent__c: row.intent ?? '',
    Status__c: row.direction === 'Outbound' || answered ? 'Responded' : 'New',
    Response_Due_At__c: step === 0 ? new Date(posted + SLA_MINUTES * 60_000).toISOString() : '',
    First_Response_At__c: answered,
    // Why the status is what it is, and that the company's messages are already out: the import stores
    // both, so the records the official tool writes carry them too (the same work, the same bytes).
    Status_Reason__c:
      row.direction === 'Outbound'
        ? 'Import: sent by the company'
        : answered
          ? 'Import: answered in the same thread by the company (seen on import)'
          : '',
    Delivery_Status__c: row.direction === 'Outbound' ? 'Sent' : '',
  };
}

/** The identities of the export as Social_Identity__c records (no mapping: Unlinked). */
export function identityRecord(person, network) {
  return {
    External_Id__c: `${network}:bench-user-${person}`,
    Name: `@bench_user_${person} (${network})`,
    Network__c: network,
    Network_User_Id__c: `bench-user-${person}`,
    Handle__c: `bench_user_${person}`,
    Link_Status__c: 'Unlinked',
  };
}

/** Every identity of an export of `count` messages, once, as [person, network]. */
export function* exportIdentities(count) {
  const seen = new Set();
  for (let conversation = 0; conversation * 5 < count; conversation += 1) {
    const network = NETWORKS[conversation % NETWORKS.length];
    const person = conversation % PEOPLE;
    const key = `${network}:${person}`;
    if (seen.has(key)) continue;
    seen.add(key);
    yield [person, network];
  }
}

/** Writes the export (`count` NDJSON rows) to `path`; returns what the minimum needs. */
export async function writeInteractions(path, count) {
  const out = createWriteStream(path);
  const identities = new Set();
  const outboundThreads = new Set();
  let postChars = 0;
  let bytes = 0;
  for (let index = 0; index < count; index += 1) {
    const row = interactionRow(index);
    postChars += inListChars([`${row.network}:${row.postId}`]);
    identities.add(`${row.network}:${row.userId}`);
    if (row.direction === 'Outbound') outboundThreads.add(`${row.network}:bench-${Math.floor(index / 5)}-0`);
    const line = `${JSON.stringify(row)}\n`;
    bytes += Buffer.byteLength(line);
    if (!out.write(line)) await new Promise((resolve) => out.once('drain', resolve));
  }
  await new Promise((resolve) => out.end(resolve));
  return {
    posts: count,
    postChars,
    bytes,
    identities: identities.size,
    identityChars: inListChars(identities),
    outboundThreadChars: inListChars(outboundThreads),
  };
}

/** The channels the export uses, enabled, with an SLA, written through the org's REST API. */
export async function ensureChannels(localOrg) {
  const response = await fetch(
    new URL('/services/data/v62.0/composite/sobjects/Social_Channel__c/Network_Key__c', localOrg.url),
    {
      method: 'PATCH',
      headers: { authorization: `Bearer ${localOrg.accessToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        allOrNone: true,
        records: NETWORKS.map((key) => ({
          attributes: { type: 'Social_Channel__c' },
          Network_Key__c: key,
          Name: key,
          Enabled__c: true,
          Response_SLA_Minutes__c: SLA_MINUTES,
        })),
      }),
    },
  );
  if (!response.ok) throw new Error(`could not write the channels: ${response.status} ${await response.text()}`);
}

/**
 * The fewest calls the documented limits allow for importing the export (support/minimum.mjs):
 *   reads:  the channels; the identities of the file the org holds (none on a first import: one
 *           COUNT() operation says so); the posts of the file the org holds, once, with the fields
 *           threading and the comparison need (none on a first import: one COUNT() operation says the
 *           org holds no interaction); the open questions in the threads of the company's messages (by
 *           IN list of thread keys on a second import, where the first has answered them; on a first
 *           import into an org without interactions the posts' COUNT() already says there are none).
 *           Earlier posts of the people who sent private messages: none to read on a first import,
 *           whose identities are all new, nor on the second, whose messages all have their thread
 *           already. Not counted: what points at converted Leads (an org without identities or
 *           interactions has none; the COUNT()s say so).
 *   writes: on a first import the identities and the interactions (the bytes of their uploads when the
 *           caller knows them, as bench/side-by-side.mjs does from the official side's files; else at
 *           least the bytes of the export).
 */
export function importMinimum(
  { posts, postChars, bytes, identities, identityChars, outboundThreadChars },
  first,
  uploadBytes = undefined,
) {
  const reads = [
    { name: 'channels', records: NETWORKS.length, chars: 0 },
    first
      ? { name: 'identities (none in the org)', records: 0, chars: 0 }
      : { name: 'identities', records: identities, chars: identityChars, scan: identities },
    first
      ? { name: 'posts (none in the org)', records: 0, chars: 0 }
      : { name: 'posts', records: posts, chars: postChars, scan: posts },
    ...(first ? [] : [{ name: 'open questions', records: 0, chars: outboundThreadChars }]),
  ];
  const writes = first
    ? [
        { name: 'identities', records: identities, bytes: uploadBytes?.identities ?? (bytes * identities) / posts },
        { name: 'interactions', records: posts, bytes: uploadBytes?.interactions ?? bytes },
      ]
    : [];
  return minimumCalls({ reads, writes });
}
