// `sf social interactions import` end to end against the local org over real HTTP: the example export,
// a second import that changes nothing, a reply before its parent, a duplicate row, a bad time stamp,
// an edit and a deletion in a later export, identities linked or suggested by a mapping's rules from a
// CSV read through a mapping source's columns, threading across channels, verbatim and truncated
// bodies, the Bulk API 2.0 path, and the command itself.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import {
  importFailed,
  importInteractions,
  type ImportOptions,
  type ImportResult,
} from '../../plugin/src/interactions/import.js';
import Import from '../../plugin/src/commands/social/interactions/import.js';
import { INTERACTION_OUTCOMES } from '../../plugin/src/interactions/plan.js';
import { OrgClient } from '../../plugin/src/org/client.js';
import { writeFixture } from '../plugin/fixtures.js';
import { runInProcess } from '../support/inProcessCommand.js';
import type { Connection } from '@salesforce/core';
import { connectTo, startOrg, type TestOrg } from '../plugin/localOrg.js';

const EXAMPLE = fileURLToPath(new URL('../../examples/interactions.ndjson', import.meta.url));

describe('interactions import against the local org', () => {
  let session: { org: TestOrg; connection: Connection };
  let org: OrgClient;

  beforeAll(async () => {
    const started = await startOrg();
    session = { org: started, connection: await connectTo(started) };
    org = new OrgClient(session.connection);
    const channels = await org.upsertCollections('Social_Channel__c', 'Network_Key__c', [
      {
        Network_Key__c: 'x',
        Name: 'X',
        Enabled__c: true,
        Response_SLA_Minutes__c: 60,
        Post_URL_Template__c: 'https://x.com/{handle}/status/{postId}',
      },
      { Network_Key__c: 'instagram', Name: 'Instagram', Enabled__c: true, Response_SLA_Minutes__c: 120 },
      { Network_Key__c: 'community', Name: 'Community', Enabled__c: true, Response_SLA_Minutes__c: 240 },
      { Network_Key__c: 'facebook', Name: 'Facebook', Enabled__c: false },
    ]);
    expect(channels.every((channel) => channel.success)).toBe(true);
  });

  afterAll(async () => {
    await session?.org.stop();
  });

  const run = async (file: string, extra: Partial<ImportOptions> = {}): Promise<ImportResult> =>
    importInteractions({
      file,
      connection: session.connection,
      dryRun: false,
      resultsDir: join(await writeFixture({}), 'results'),
      now: () => new Date('2026-11-21T00:00:00Z'),
      ...extra,
    });

  const interaction = async (externalId: string): Promise<Record<string, unknown>> => {
    const [record] = await org.queryAll(
      `SELECT Id, Identity__c, Contact__c, Account__c, Thread_Key__c, Status__c, Response_Due_At__c, Body__c, Edited_At__c, Deleted_On_Network__c, Permalink__c, Delivery_Status__c FROM Social_Interaction__c WHERE External_Id__c = '${externalId}'`,
    );
    if (record === undefined) throw new Error(`no interaction ${externalId}`);
    return record;
  };

  /** Every input line in exactly one results file. */
  const resultLines = async (result: ImportResult): Promise<Map<number, string>> => {
    const lines = new Map<number, string>();
    for (const outcome of INTERACTION_OUTCOMES) {
      const rows = parse(await readFile(join(result.resultsDir!, `${outcome}.csv`), 'utf8'), {
        columns: true,
      }) as Array<Record<string, string>>;
      for (const row of rows) {
        expect(lines.has(Number(row.line))).toBe(false);
        lines.set(Number(row.line), outcome);
        if (outcome !== 'rejected' && outcome !== 'duplicate') expect(row.recordId).toMatch(/^[a-zA-Z0-9]{18}$/);
      }
    }
    return lines;
  };

  it('imports the example export into a timeline, and a second import changes nothing', async () => {
    const first = await run(EXAMPLE);
    expect(first.counts.rejected + first.counts.failed).toBe(0);
    expect(first.rows).toBe(15);
    expect([...(await resultLines(first)).keys()].sort((a, b) => a - b)).toEqual(
      Array.from({ length: 15 }, (_, index) => index + 1),
    );

    const anaDm = await interaction('x:dm-1860000000000000201');
    expect(anaDm.Thread_Key__c).toBe('x:1860000000000000101');
    expect((await interaction('x:1860000000000000103')).Thread_Key__c).toBe('x:1860000000000000101');
    expect((await interaction('instagram:dm-3170000000000000603')).Thread_Key__c).toBe('instagram:3170000000000000601');
    expect((await interaction('community:p-5002')).Thread_Key__c).toBe('community:p-5001');
    const jordan = await interaction('x:1860000000000000301');
    expect(jordan.Status__c).toBe('Needs_Response');
    expect(Date.parse(String(jordan.Response_Due_At__c).replace(/\+0000$/, 'Z'))).toBe(
      Date.parse('2026-11-20T09:15:00Z'),
    );
    expect(jordan.Permalink__c).toBe('https://x.com/jlee_builds/status/1860000000000000301');
    expect((await interaction('instagram:3170000000000000701')).Body__c).toBe('שלום! האם אתם שולחים לישראל? 🇮🇱');
    expect(await interaction('x:1860000000000000501')).toMatchObject({ Deleted_On_Network__c: true, Body__c: null });
    expect((await interaction('x:1860000000000000102')).Delivery_Status__c).toBe('Sent');

    const second = await run(EXAMPLE);
    expect(second.changes).toBe(0);
    expect(second.counts.unchanged).toBe(15);
    expect(second.identities.written).toBe(0);
  });

  it('threads a reply before its parent, reports a duplicate and a bad time stamp, then takes an edit and a deletion', async () => {
    const p = `t${Date.now()}`;
    const row = (values: Record<string, unknown>): string =>
      JSON.stringify({ network: 'x', userId: `${p}-u1`, handle: `${p}_ana`, ...values });
    const dir = await writeFixture({
      'first.ndjson': [
        row({ postId: `${p}-3`, inReplyTo: `${p}-2`, postedAt: '2026-11-20T09:20:00Z', body: 'thanks!' }),
        row({
          postId: `${p}-2`,
          inReplyTo: `${p}-1`,
          direction: 'Outbound',
          postedAt: '2026-11-20T09:10:00Z',
          body: 'Checking now',
        }),
        row({ postId: `${p}-1`, postedAt: '2026-11-20T09:00:00Z', intent: 'Question', body: 'Where is my order?' }),
        row({ postId: `${p}-1`, postedAt: '2026-11-20T09:00:00Z', intent: 'Question', body: 'Where is my order?' }),
        row({ postId: `${p}-4`, postedAt: '2026-11-20T09:30:00Z', body: 'something I will regret' }),
        row({ postId: `${p}-6`, postedAt: '2026-11-20 09:40', body: 'no zone' }),
        row({ postId: `dm-${p}-5`, kind: 'dm', postedAt: '2026-11-20T09:12:00Z', body: 'my order number is 4411' }),
      ].join('\n'),
      'second.ndjson': [
        row({
          postId: `${p}-1`,
          postedAt: '2026-11-20T09:00:00Z',
          intent: 'Question',
          body: 'Where is my order?? (edited)',
          editedAt: '2026-11-20T09:02:00Z',
        }),
        JSON.stringify({ network: 'x', postId: `${p}-4`, deleted: true }),
        row({
          postId: `${p}-2`,
          inReplyTo: `${p}-1`,
          direction: 'Outbound',
          postedAt: '2026-11-20T09:10:00Z',
          body: 'Checking now',
        }),
      ].join('\n'),
    });

    const first = await run(join(dir, 'first.ndjson'));
    expect(first.counts).toMatchObject({ created: 5, duplicate: 1, rejected: 1, failed: 0 });
    expect(importFailed(first)).toBe(true);
    expect(first.problems).toEqual([
      expect.stringMatching(/first\.ndjson:6: line 6, field postedAt: "2026-11-20 09:40" has no time zone/),
    ]);
    const lines = await resultLines(first);
    expect(Object.fromEntries(lines)).toEqual({
      1: 'created',
      2: 'created',
      3: 'duplicate',
      4: 'created',
      5: 'created',
      6: 'rejected',
      7: 'created',
    });

    for (const id of [`x:${p}-1`, `x:${p}-2`, `x:${p}-3`, `x:dm-${p}-5`]) {
      expect({ id, thread: (await interaction(id)).Thread_Key__c }).toEqual({ id, thread: `x:${p}-1` });
    }
    const question = await interaction(`x:${p}-1`);
    // Answered in the same thread by the outbound reply at 09:10.
    expect(question.Status__c).toBe('Responded');

    // A rep reopens the question; the edit must not touch that.
    await org.upsertCollections('Social_Interaction__c', 'External_Id__c', [
      { External_Id__c: `x:${p}-1`, Status__c: 'Needs_Response' },
    ]);
    const second = await run(join(dir, 'second.ndjson'));
    expect(second.counts).toMatchObject({ updated: 1, deleted: 1, unchanged: 1, rejected: 0, failed: 0 });
    expect(await interaction(`x:${p}-1`)).toMatchObject({
      Body__c: 'Where is my order?? (edited)',
      Thread_Key__c: `x:${p}-1`,
      Status__c: 'Needs_Response',
    });
    expect(await interaction(`x:${p}-4`)).toMatchObject({ Deleted_On_Network__c: true, Body__c: null });

    const again = await run(join(dir, 'second.ndjson'));
    expect(again.changes).toBe(0);
    expect(again.counts.unchanged).toBe(3);
  });

  it('marks a question already in the org Responded when a later export brings the answer', async () => {
    const p = `q${Date.now()}`;
    const dir = await writeFixture({
      'question.ndjson': JSON.stringify({
        network: 'x',
        postId: `${p}-1`,
        userId: `${p}-u`,
        postedAt: '2026-11-20T09:00:00Z',
        intent: 'Question',
        body: 'Any news?',
      }),
      'answer.ndjson': JSON.stringify({
        network: 'x',
        postId: `${p}-2`,
        userId: `${p}-u`,
        direction: 'Outbound',
        inReplyTo: `${p}-1`,
        postedAt: '2026-11-20T09:40:00Z',
        body: 'Yes: tomorrow.',
      }),
    });
    await run(join(dir, 'question.ndjson'));
    expect((await interaction(`x:${p}-1`)).Status__c).toBe('Needs_Response');
    const answer = await run(join(dir, 'answer.ndjson'));
    expect(answer).toMatchObject({ answeredInOrg: 1, counts: { created: 1 } });
    const question = await interaction(`x:${p}-1`);
    expect(question.Status__c).toBe('Responded');
    expect((await interaction(`x:${p}-2`)).Thread_Key__c).toBe(`x:${p}-1`);
    expect((await run(join(dir, 'answer.ndjson'))).changes).toBe(0);
  });

  it('links, suggests or leaves identities by the mapping rules, reading a CSV through its mapping source, and threads across channels', async () => {
    const p = `m${Date.now()}`;
    const account = (await session.connection.sobject('Account').create({ Name: `${p} Corp` })) as { id: string };
    const linked = (await session.connection
      .sobject('Contact')
      .create({ LastName: 'Linked', Email: `${p}.ana@example.net`, AccountId: account.id })) as { id: string };
    await session.connection.sobject('Contact').create({ LastName: 'Suggested', MobilePhone: '+1 415 555 9999' });
    const dir = await writeFixture({
      'mapping.yaml': [
        'version: 1',
        'channels:',
        '  - key: x',
        '    name: X',
        '  - key: instagram',
        '    name: Instagram',
        'phone:',
        '  defaultCountryCode: "+1"',
        'rules:',
        '  - name: same-email',
        '    identity: email',
        '    record: Contact.Email',
        '    normalise: [lowercase]',
        '    action: link',
        '  - name: same-phone',
        '    identity: phone',
        '    record: Contact.MobilePhone',
        '    normalise: [phone-e164]',
        '    action: suggest',
        'sources:',
        '  - name: listening',
        '    file: export.csv',
        '    columns:',
        '      network: Source',
        '      postId: Post ID',
        '      userId: Author ID',
        '      handle: Author',
        '      email: Email',
        '      phone: Phone',
        '      body: Text',
        '      postedAt: Date',
        '      intent: Intent',
        '      kind: Type',
        '    networkValues:',
        '      Twitter: x',
        '      Instagram: instagram',
      ].join('\n'),
      'export.csv': [
        'Source,Post ID,Author ID,Author,Email,Phone,Text,Date,Intent,Type',
        `Twitter,${p}-1,${p}-u1,@ana,${p}.ANA@example.net,,"Hi, I have a question",2026-11-20T09:00:00Z,question,Post`,
        `Twitter,${p}-2,${p}-u2,@maybe,,(415) 555-9999,Is this you?,2026-11-20T09:05:00Z,,Post`,
        `Twitter,${p}-3,${p}-u3,@stranger,,,Who are you?,2026-11-20T09:06:00Z,Other,Post`,
        `Instagram,dm-${p}-4,${p}-ig1,ana.ig,${p}.ana@example.net,,"Sending my order number here: 4411",2026-11-20T09:20:00Z,,Direct Message`,
      ].join('\n'),
    });
    const result = await run(join(dir, 'export.csv'), { mappingFile: join(dir, 'mapping.yaml') });
    expect(result.columns).toMatch(/^source listening in /);
    expect(result.counts).toMatchObject({ created: 4, rejected: 0, failed: 0 });
    expect(result.identities.counts).toMatchObject({ linked: 2, suggested: 1, unmatched: 1 });

    const identities = await org.queryAll(
      `SELECT External_Id__c, Link_Status__c, Contact__c FROM Social_Identity__c WHERE External_Id__c IN ('x:${p}-u1', 'x:${p}-u2', 'x:${p}-u3') ORDER BY External_Id__c`,
    );
    expect(identities.map((identity) => identity.Link_Status__c)).toEqual(['Linked', 'Suggested', 'Unlinked']);
    expect(await interaction(`x:${p}-1`)).toMatchObject({
      Contact__c: linked.id,
      Account__c: account.id,
      Status__c: 'Needs_Response',
    });
    // A suggestion is not a link: the interaction stays off the suggested Contact's timeline.
    expect((await interaction(`x:${p}-2`)).Contact__c).toBeNull();
    expect((await interaction(`x:${p}-3`)).Identity__c).toMatch(/^[a-zA-Z0-9]{18}$/);
    // Her Instagram identity is linked to the same Contact: the DM continues the public X post.
    expect(await interaction(`instagram:dm-${p}-4`)).toMatchObject({
      Contact__c: linked.id,
      Thread_Key__c: `x:${p}-1`,
    });
  });

  it('stores bodies verbatim and truncates one over 32,768 characters with a warning on its row', async () => {
    const p = `w${Date.now()}`;
    const html = '<script>alert("x")</script><b>bold</b> 😀 مرحبا \u202eevil';
    const long = `${'é'.repeat(40_000)}`;
    const dir = await writeFixture({
      'bodies.ndjson': [
        JSON.stringify({
          network: 'x',
          postId: `${p}-1`,
          userId: `${p}-u`,
          postedAt: '2026-11-20T09:00:00Z',
          body: html,
        }),
        JSON.stringify({
          network: 'x',
          postId: `${p}-2`,
          userId: `${p}-u`,
          postedAt: '2026-11-20T09:01:00Z',
          body: long,
        }),
      ].join('\n'),
    });
    const result = await run(join(dir, 'bodies.ndjson'));
    expect(result).toMatchObject({ warnings: 1, counts: { created: 2 } });
    expect((await interaction(`x:${p}-1`)).Body__c).toBe(html);
    expect((await interaction(`x:${p}-2`)).Body__c).toBe('é'.repeat(32_768));
    const created = parse(await readFile(join(result.resultsDir!, 'created.csv'), 'utf8'), { columns: true }) as Array<
      Record<string, string>
    >;
    expect(created.find((row) => row.line === '2')?.warning).toBe(
      'body truncated: 40000 characters, Body__c holds 32768; the last 7232 were cut off',
    );
  });

  it('writes through Bulk API 2.0 above the threshold with the same results', async () => {
    const p = `b${Date.now()}`;
    const rows = Array.from({ length: 30 }, (_, index) =>
      JSON.stringify({
        network: 'x',
        postId: `${p}-${index}`,
        userId: `${p}-u${index % 4}`,
        postedAt: '2026-11-20T09:00:00Z',
        body: `body ${index} "quoted", with comma\nand line 😀`,
      }),
    );
    const dir = await writeFixture({ 'bulk.ndjson': rows.join('\n') });
    const result = await run(join(dir, 'bulk.ndjson'), { bulkThreshold: 10 });
    expect(result.usedBulk).toBe(true);
    expect(result.counts).toMatchObject({ created: 30, failed: 0 });
    expect((await interaction(`x:${p}-7`)).Body__c).toBe('body 7 "quoted", with comma\nand line 😀');
    const again = await run(join(dir, 'bulk.ndjson'), { bulkThreshold: 10 });
    expect(again.changes).toBe(0);
  });

  it('runs as the sf command: --dry-run writes nothing, --json returns the counts, a rejected row exits 68 (partial success)', async () => {
    process.env.SF_ORG_INSTANCE_URL = session.org.url;
    const p = `c${Date.now()}`;
    const dir = await writeFixture({
      'export.ndjson': [
        JSON.stringify({
          network: 'x',
          postId: `${p}-1`,
          userId: `${p}-u`,
          postedAt: '2026-11-20T09:00:00Z',
          body: 'hello',
        }),
        JSON.stringify({ network: 'x', postId: `${p}-2`, userId: `${p}-u`, postedAt: 'tuesday', body: 'bad time' }),
      ].join('\n'),
    });
    const args = [
      '--file',
      join(dir, 'export.ndjson'),
      '--target-org',
      session.org.accessToken,
      '--results-dir',
      join(dir, 'results'),
      '--json',
    ];
    try {
      // --continuation-minutes is a duration (Flags.duration, minutes); a window below 0 is refused.
      const negative = await runInProcess(Import, [...args, '--continuation-minutes=-5']);
      expect(negative.json).toMatchObject({ status: 1, name: 'NegativeContinuationError' });

      const dryRun = await runInProcess(Import, [...args, '--dry-run']);
      const dry = dryRun.result;
      expect(dryRun.json).toMatchObject({ status: 68, result: { dryRun: true, rows: 2 } });
      expect(dry).toMatchObject({ dryRun: true, rows: 2, changes: 2, counts: { created: 1, rejected: 1 } });
      expect(dry.resultsDir).toBeUndefined();
      expect(await org.queryAll(`SELECT Id FROM Social_Interaction__c WHERE External_Id__c = 'x:${p}-1'`)).toEqual([]);
      expect(process.exitCode).toBe(68);

      process.exitCode = undefined;
      const realRun = await runInProcess(Import, args);
      const real = realRun.result;
      expect(realRun.json).toMatchObject({ status: 68, result: { dryRun: false, changes: 2 } });
      expect(real).toMatchObject({ dryRun: false, changes: 2, counts: { created: 1, rejected: 1 } });
      expect(process.exitCode).toBe(68);
      expect(await readFile(join(dir, 'results', 'rejected.csv'), 'utf8')).toMatch(
        /,2,rejected,x:c\d+-2,.*field postedAt: ""tuesday"" is not a time stamp/,
      );
    } finally {
      process.exitCode = undefined;
      delete process.env.SF_ORG_INSTANCE_URL;
    }
  });
});
