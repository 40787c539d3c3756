// What `sf social interactions import` costs in API calls, counted by the local org (ctx.apiCalls, as the
// daily allowance counts them): reads go out as composite requests of up to five queries, reads that do
// not depend on each other share a call, and a re-import whose reads take more than one composite call
// still finds every post (long external ids with quotes and backslashes, two that differ only in case).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import type { Connection } from '@salesforce/core';
import { importInteractions, type ImportOptions, type ImportResult } from '../../plugin/src/interactions/import.js';
import { OrgClient } from '../../plugin/src/org/client.js';
import { mappingYaml, writeFixture } from '../plugin/fixtures.js';
import { startLocalOrg } from '../../local-org/src/main.js';
import { connectTo, startOrg, type TestOrg } from '../plugin/localOrg.js';

let org: TestOrg;
let connection: Connection;

beforeAll(async () => {
  org = await startOrg();
  connection = connectTo(org);
  const channels = await new OrgClient(connection).upsertCollections('Social_Channel__c', 'Network_Key__c', [
    { Network_Key__c: 'x', Name: 'X', Enabled__c: true, Response_SLA_Minutes__c: 60 },
  ]);
  expect(channels.every((channel) => channel.success)).toBe(true);
});

afterAll(async () => {
  await org?.stop();
});

/** Runs an import and answers its result and the calls the org counted, which the result must agree with. */
async function importCounted(
  file: string,
  extra: Partial<ImportOptions> = {},
): Promise<{ result: ImportResult; calls: number }> {
  const before = org.ctx.apiCalls.used;
  const result = await importInteractions({
    file,
    connection,
    dryRun: false,
    resultsDir: join(await writeFixture({}), 'results'),
    now: () => new Date('2026-11-21T00:00:00Z'),
    ...extra,
  });
  const calls = org.ctx.apiCalls.used - before;
  expect(result.apiCalls).toBe(calls);
  return { result, calls };
}

const ndjson = (rows: Array<Record<string, unknown>>): string => rows.map((row) => JSON.stringify(row)).join('\n');

describe('interactions import API calls', () => {
  it('a small import: its independent reads share composite calls', async () => {
    const p = `s${Date.now()}`;
    const row = (postId: string, time: string, values: Record<string, unknown> = {}): Record<string, unknown> => ({
      network: 'x',
      postId,
      userId: `${p}-u1`,
      postedAt: `2026-11-20T${time}:00Z`,
      ...values,
    });
    const dir = await writeFixture({
      'export.ndjson': ndjson([
        row(`${p}-1`, '09:00', { intent: 'Question' }),
        row(`${p}-2`, '09:10', { direction: 'Outbound', inReplyTo: `${p}-1` }),
        row(`dm-${p}-3`, '09:20', { kind: 'dm' }),
        // A reply to a post neither the file nor the org holds: threading reads its parent.
        row(`${p}-4`, '09:30', { userId: `${p}-u2`, inReplyTo: `${p}-0` }),
      ]),
    });
    const file = join(dir, 'export.ndjson');

    const first = await importCounted(file);
    expect(first.result.counts).toMatchObject({ created: 4, failed: 0, rejected: 0 });
    // 1 the channels, what still points at a converted Lead (identities and interactions) and whether the
    // org holds any interaction, one composite (orgAtStart.ts; the demo org does); 2 the identities (the
    // resolver does not read the channels again); 3 the new identities, one sObject Collections request;
    // 4 the file's posts and the parent outside it, in one composite (no earlier posts of the DM's sender:
    // the import has just created the identity); 5 the open questions in the outbound message's thread (a
    // first import reads no posts back); 6 the writes.
    expect(first.calls).toBe(6);

    const second = await importCounted(file);
    expect(second.result.counts).toMatchObject({ unchanged: 4 });
    // 1 the channels, converted Leads and whether the org holds interactions; 2 the identities; 3 the file's
    // posts and the parent; 4 the open questions and the four posts in the org, with the fields to
    // compare, in one composite; nothing to write.
    expect(second.calls).toBe(4);
  });

  it('a linked Contact: its account is read in the same call as the posts', async () => {
    const p = `l${Date.now()}`;
    const account = (await connection.sobject('Account').create({ Name: `${p} Corp` })) as { id: string };
    await connection
      .sobject('Contact')
      .create({ LastName: 'Linked', Email: `${p}@example.net`, AccountId: account.id });
    const dir = await writeFixture({
      'mapping.yaml': mappingYaml({
        rules:
          'rules: [{ name: same-email, identity: email, record: Contact.Email, normalise: [lowercase], action: link }]',
        sources:
          'sources: [{ name: people, file: people.csv, columns: { network: network, userId: userId, email: email } }]',
      }),
      'people.csv': 'network,userId,email\n',
      'export.ndjson': ndjson([
        {
          network: 'x',
          postId: `${p}-1`,
          userId: `${p}-u`,
          email: `${p}@example.net`,
          postedAt: '2026-11-20T09:00:00Z',
        },
      ]),
    });
    const { result, calls } = await importCounted(join(dir, 'export.ndjson'), {
      mappingFile: join(dir, 'mapping.yaml'),
    });
    expect(result.identities.counts).toMatchObject({ linked: 1 });
    const [record] = await new OrgClient(connection).queryAll(
      `SELECT Account__c FROM Social_Interaction__c WHERE External_Id__c = 'x:${p}-1'`,
    );
    expect(record).toMatchObject({ Account__c: account.id });
    // The channels, converted Leads and whether the org holds interactions; the identity and the rule's
    // Contacts; the identity written; the post and the Contact's account; the interaction written (no
    // outbound message: no open questions to read).
    expect(calls).toBe(5);
  });

  it('a re-import whose reads take more than one composite call finds every post', async () => {
    const p = `r${Date.now()}`;
    // External ids of about 200 characters, with quotes and backslashes that SOQL escapes: a query of
    // 90,000 characters holds some 380 of them, so the 2,602 posts take 7 queries: two composite calls.
    // They are read once, with every field planning compares (orgThreads.ts, existingPosts.ts).
    const padding = "it's a\\path ".repeat(15);
    const rows = Array.from({ length: 2_600 }, (_, index) => ({
      network: 'x',
      postId: `${p}-${String(index).padStart(5, '0')}-${padding}`,
      userId: `${p}-u${index % 50}`,
      postedAt: new Date(Date.parse('2026-11-20T00:00:00Z') + index * 1_000).toISOString(),
      body: `post ${index}`,
    }));
    // External_Id__c is case-sensitive but SOQL compares case-insensitively: each finds only itself.
    for (const postId of [`${p}-Case`, `${p}-case`]) {
      rows.push({ network: 'x', postId, userId: `${p}-u0`, postedAt: '2026-11-20T12:00:00Z', body: postId });
    }
    const dir = await writeFixture({ 'export.ndjson': ndjson(rows) });
    const file = join(dir, 'export.ndjson');

    const first = await importCounted(file);
    expect(first.result.counts).toMatchObject({ created: 2_602, failed: 0 });
    expect(first.result.usedBulk).toBe(true);

    const second = await importCounted(file);
    expect(second.result.counts).toMatchObject({ unchanged: 2_602, created: 0, updated: 0, failed: 0 });
    expect(second.result.changes).toBe(0);
    // The channels, converted Leads and whether the org holds interactions; the 50 identities; the posts
    // (7 queries), read once for threading and planning both (before: again to compare, 8 more queries).
    expect(second.calls).toBe(1 + 1 + 2);
  });

  it('a first import into an org without interactions reads nothing back', async () => {
    // A fresh org holding no Social_Interaction__c: the first call's `SELECT Id … LIMIT 1` finds none, so
    // no post, parent, earlier post or open question is read by IN list; 1,300 new identities go as one
    // Bulk API 2.0 job (6 calls, against 7 Collections requests of 200), like the interactions.
    const empty = await startLocalOrg({ port: 0, empty: true });
    try {
      const emptyConnection = connectTo(empty);
      await new OrgClient(emptyConnection).upsertCollections('Social_Channel__c', 'Network_Key__c', [
        { Network_Key__c: 'x', Name: 'X', Enabled__c: true, Response_SLA_Minutes__c: 60 },
      ]);
      const p = `e${Date.now()}`;
      const rows = Array.from({ length: 2_600 }, (_, index) => ({
        network: 'x',
        postId: `${p}-${index}`,
        userId: `${p}-u${index % 1_300}`,
        postedAt: new Date(Date.parse('2026-11-20T00:00:00Z') + index * 60_000).toISOString(),
        direction: index % 2 === 1 ? 'Outbound' : 'Inbound',
        ...(index % 2 === 1 ? { inReplyTo: `${p}-${index - 1}` } : {}),
      }));
      const dir = await writeFixture({ 'export.ndjson': ndjson(rows) });
      const before = empty.ctx.apiCalls.used;
      const result = await importInteractions({
        file: join(dir, 'export.ndjson'),
        connection: emptyConnection,
        dryRun: false,
        resultsDir: join(dir, 'results'),
        now: () => new Date('2026-11-21T00:00:00Z'),
      });
      expect(result.counts).toMatchObject({ created: 2_600, failed: 0, rejected: 0 });
      expect(result.threads).toBe(1_300);
      // 1 the channels, converted Leads, whether the org holds interactions; 1 the identities (none in the
      // org: one record asked for); 6 the identities' Bulk job; 6 the interactions' Bulk job.
      expect(empty.ctx.apiCalls.used - before).toBe(1 + 1 + 6 + 6);
      expect(result.apiCalls).toBe(14);
    } finally {
      await empty.stop();
    }
  });
});
