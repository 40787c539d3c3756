// From an export row to an interaction: bodies kept verbatim (HTML, script tags, emoji, RTL) and
// truncated past 32,768 characters with a warning; bad time stamps rejected with line and field;
// picklist values, networks and channels checked. Rows are read from real files through the same
// readers the import uses (the identity sources' CSV and NDJSON readers).
import { describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import type { RejectedRow } from '../../plugin/src/mappings/sources/row.js';
import { chooseColumns } from '../../plugin/src/interactions/columns.js';
import {
  isInteraction,
  toInteraction,
  type ChannelInfo,
  type Interaction,
} from '../../plugin/src/interactions/interaction.js';
import { effectiveColumns, readExport, type ExportFile } from '../../plugin/src/interactions/read.js';
import { writeFixture } from '../plugin/fixtures.js';

const CHANNELS = new Map<string, ChannelInfo>([
  [
    'x',
    {
      key: 'x',
      name: 'X',
      enabled: true,
      postUrlTemplate: 'https://x.com/{handle}/status/{postId}',
      responseSlaMinutes: 60,
    },
  ],
  ['instagram', { key: 'instagram', name: 'Instagram', enabled: true }],
  ['facebook', { key: 'facebook', name: 'Facebook', enabled: false }],
]);

async function readFile(name: string, content: string): Promise<Array<Interaction | RejectedRow>> {
  const dir = await writeFixture({ [name]: content });
  const path = join(dir, name);
  const file: ExportFile = { path, displayPath: name, mapping: chooseColumns(path, undefined, undefined) };
  const columns = await effectiveColumns(file);
  const out: Array<Interaction | RejectedRow> = [];
  for await (const item of readExport(file, columns)) {
    out.push(item.kind === 'rejected' ? item.rejected : toInteraction(item.row, { channels: CHANNELS, columns }));
  }
  return out;
}

const ndjson = (...rows: object[]): string => rows.map((row) => JSON.stringify(row)).join('\n') + '\n';
const base = { network: 'x', postId: '1', userId: '42', handle: 'ana_ruiz', postedAt: '2026-11-20T09:00:00Z' };

function accepted(result: Interaction | RejectedRow): Interaction {
  if (!isInteraction(result)) throw new Error(`rejected at line ${result.origin.line}: ${result.reason}`);
  return result;
}

describe('body text', () => {
  it.each([
    ['HTML', '<b>bold</b> <a href="https://evil.example">click</a> &amp; &lt;'],
    ['a script tag', '<script>alert(document.cookie)</script><img src=x onerror=alert(1)>'],
    ['emoji', 'Love it 😍👍🏽👨‍👩‍👧 🇪🇸'],
    ['right-to-left text', 'שלום, יש לי שאלה על ההזמנה \u202eabc مرحبا'],
    ['SOQL and CSV metacharacters', `it's "quoted", \\ back; line\nbreak, =HYPERLINK("x")`],
  ])('keeps %s verbatim', async (_name, body) => {
    const [row] = await readFile('a.ndjson', ndjson({ ...base, body }));
    const interaction = accepted(row!);
    expect(interaction.body).toBe(body);
    expect(interaction.warnings).toEqual([]);
  });

  it('keeps a CSV body with quotes and line breaks verbatim', async () => {
    const body = 'He said "hi"\nthen <i>left</i> 👋';
    const csv = `network,postId,userId,postedAt,body\nx,1,42,2026-11-20T09:00:00Z,"${body.replaceAll('"', '""')}"\n`;
    const [row] = await readFile('a.csv', csv);
    expect(accepted(row!).body).toBe(body);
  });

  it('truncates a body over 32,768 characters with a warning, without splitting an emoji', async () => {
    const body = `${'a'.repeat(32_767)}😀${'b'.repeat(100)}`;
    const [row] = await readFile('a.ndjson', ndjson({ ...base, body }));
    const interaction = accepted(row!);
    expect(interaction.body).toBe('a'.repeat(32_767));
    expect(interaction.warnings).toEqual([
      'body truncated: 32869 characters, Body__c holds 32768; the last 102 were cut off',
    ]);
  });

  it('keeps a body of exactly 32,768 characters whole', async () => {
    const [row] = await readFile('a.ndjson', ndjson({ ...base, body: 'x'.repeat(32_768) }));
    expect(accepted(row!).body).toHaveLength(32_768);
    expect(accepted(row!).warnings).toEqual([]);
  });
});

describe('time stamps', () => {
  it('rejects a bad postedAt with its line and field, and reads the rows around it', async () => {
    const rows = await readFile(
      'a.ndjson',
      ndjson(
        { ...base, postId: '1' },
        { ...base, postId: '2', postedAt: '2026-02-30T10:00:00Z' },
        { ...base, postId: '3', postedAt: '20/11/2026' },
        { ...base, postId: '4', editedAt: 'soon' },
        { ...base, postId: '5', postedAt: undefined },
        { ...base, postId: '6' },
      ),
    );
    expect(rows.map((row) => (isInteraction(row) ? row.externalId : row.reason))).toEqual([
      'x:1',
      expect.stringMatching(/^line 2, field postedAt: "2026-02-30T10:00:00Z" is not a real date/),
      expect.stringMatching(/^line 3, field postedAt: "20\/11\/2026" is not a time stamp/),
      expect.stringMatching(/^line 4, field editedAt: "soon" is not a time stamp/),
      expect.stringMatching(/^line 5, field postedAt: missing/),
      'x:6',
    ]);
    expect(rows.map((row) => row.origin.line)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('names the export column when a mapping renames it', () => {
    const row = { origin: { source: 's', file: 'f.csv', line: 7 }, values: { ...base, postedAt: 'now' } };
    const result = toInteraction(row, { channels: CHANNELS, columns: { postedAt: 'Created Time' } });
    expect(isInteraction(result) ? '' : result.reason).toMatch(
      /^line 7, field postedAt \(column "Created Time"\): "now"/,
    );
  });
});

describe('values', () => {
  const one = async (values: Record<string, unknown>): Promise<Interaction | RejectedRow> =>
    (await readFile('a.ndjson', ndjson({ ...base, ...values })))[0]!;

  it('reads picklists in their API names, with defaults from the kind', async () => {
    const dm = accepted(await one({ kind: 'DM', intent: 'purchase intent', sentiment: 'NEGATIVE' }));
    expect([dm.kind, dm.visibility, dm.direction, dm.intent, dm.sentiment]).toEqual([
      'Direct Message',
      'Private',
      'Inbound',
      'Purchase_Intent',
      'Negative',
    ]);
    const reply = accepted(await one({ inReplyTo: '0', direction: 'outbound' }));
    expect([reply.kind, reply.visibility, reply.direction, reply.inReplyTo]).toEqual([
      'Reply',
      'Public',
      'Outbound',
      'x:0',
    ]);
  });

  it.each([
    [{ kind: 'story' }, /kind is "story"; write one of: Post, Reply/],
    [{ direction: 'sideways' }, /direction is "sideways"; write one of: Inbound, Outbound/],
    [{ kind: 'dm', visibility: 'public' }, /a direct message is Private/],
    [{ network: 'tiktok' }, /network "tiktok" is not a channel of the org \(channels: x, instagram, facebook\)/],
    [{ network: 'facebook' }, /channel facebook is disabled/],
    [{ postId: undefined }, /no post id/],
    [{ userId: undefined }, /no user id/],
    [{ deleted: 'maybe' }, /deleted is "maybe"; write true or false/],
    [{ inReplyTo: '1' }, /cannot reply to itself/],
    [{ permalink: 'javascript:alert(1)' }, /not an http\(s\) URL/],
    [{ followers: 'many' }, /followers "many" is not a whole number/],
  ])('rejects %j', async (values, reason) => {
    const result = await one(values);
    expect(isInteraction(result) ? 'accepted' : result.reason).toMatch(reason);
  });

  it('builds the permalink from the channel template and takes the identity from the row', async () => {
    const interaction = accepted(await one({ displayName: 'Ana Ruiz', email: 'ana@example.com' }));
    expect(interaction.permalink).toBe('https://x.com/ana_ruiz/status/1');
    expect(interaction.identity).toMatchObject({
      externalId: 'x:42',
      handle: 'ana_ruiz',
      displayName: 'Ana Ruiz',
      row: { values: { email: 'ana@example.com' } },
    });
    expect(interaction.identity?.row.values).not.toHaveProperty('postedAt');
  });

  it('builds no permalink for outbound or private messages (the template names the author)', async () => {
    expect(accepted(await one({ direction: 'outbound' })).permalink).toBeUndefined();
    expect(accepted(await one({ kind: 'dm' })).permalink).toBeUndefined();
  });

  it('accepts a bare deletion notice (network and post id only)', async () => {
    const notice = accepted(
      await one({ userId: undefined, postedAt: undefined, handle: undefined, deleted: true, body: 'gone' }),
    );
    expect([notice.externalId, notice.deleted, notice.body, notice.identity]).toEqual([
      'x:1',
      true,
      undefined,
      undefined,
    ]);
  });
});
