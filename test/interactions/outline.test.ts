// Which row of a post is imported when the export lists it more than once: the last complete one
// (a later edit supersedes the original), with a deletion from any of its rows.
import { describe, expect, it } from '@jest/globals';
import type { Interaction } from '../../plugin/src/interactions/interaction.js';
import { OutlineStore, remember, type Outline } from '../../plugin/src/interactions/outline.js';

const row = (line: number, extra: Partial<Interaction> = {}): Interaction => ({
  externalId: 'x:1',
  network: 'x',
  postId: '1',
  direction: 'Inbound',
  visibility: 'Public',
  kind: 'Post',
  postedAt: '2026-11-20T09:00:00.000Z',
  postedAtMs: Date.parse('2026-11-20T09:00:00.000Z'),
  deleted: false,
  origin: { source: 'import', file: 'a.ndjson', line },
  values: {},
  warnings: [],
  ...extra,
});
const bareDeletion = (line: number): Interaction =>
  row(line, { deleted: true, postedAt: undefined, postedAtMs: undefined });

describe('remember', () => {
  it.each([
    ['one row', [row(1)], { line: 1, deleted: false }],
    ['the same row twice: the later line is imported', [row(1), row(2)], { line: 2, deleted: false }],
    [
      'an edit later in the file supersedes the original',
      [row(1), row(5, { editedAt: '2026-11-20T09:05:00.000Z' })],
      { line: 5, deleted: false },
    ],
    [
      'a bare deletion notice after the post: the post is imported as deleted',
      [row(1), bareDeletion(2)],
      { line: 1, deleted: true },
    ],
    [
      'a deletion notice before the post: the post is imported as deleted',
      [bareDeletion(1), row(2)],
      { line: 2, deleted: true },
    ],
    [
      'a full row marked deleted, then an older copy: still deleted',
      [row(1, { deleted: true }), row(2)],
      { line: 2, deleted: true },
    ],
    ['only a deletion notice', [bareDeletion(3)], { line: 3, deleted: true }],
  ])('%s', (_name, rows, expected) => {
    // The import keeps its outlines in an OutlineStore; a plain Map must decide the same.
    for (const outlines of [new Map<string, Outline>(), new OutlineStore()]) {
      for (const interaction of rows) remember(outlines, interaction);
      expect(outlines.size).toBe(1);
      expect(outlines.get('x:1')).toMatchObject(expected);
    }
  });
});

describe('OutlineStore', () => {
  const outlineOf = (index: number): Outline => ({
    line: index + 2,
    complete: index % 7 !== 0,
    deleted: index % 11 === 0,
    network: ['x', 'instagram', 'community'][index % 3]!,
    direction: index % 2 === 0 ? 'Inbound' : 'Outbound',
    visibility: index % 5 === 2 ? 'Private' : 'Public',
    ...(index % 13 !== 0 ? { identityExternalId: `x:user-${index % 40}` } : {}),
    ...(index % 7 !== 0 ? { postedAtMs: Date.parse('2026-11-20T00:00:00Z') + index * 1_000 } : {}),
    ...(index % 2 === 1 ? { inReplyTo: `x:${'post-'}${index - 1}` } : {}),
    ...(index % 17 === 0 ? { conversationKey: `conversation-${index}` } : {}),
  });

  it('gives back every field of every post as it was set, past its first arrays and in insertion order', () => {
    const store = new OutlineStore();
    const posts = 3_000;
    for (let index = 0; index < posts; index += 1) store.set(`x:${'post-'}${index}`, outlineOf(index));
    expect(store.size).toBe(posts);
    expect([...store.keys()].slice(0, 3)).toEqual(['x:post-0', 'x:post-1', 'x:post-2']);
    for (const [externalId, outline] of store) {
      expect(outline).toStrictEqual(outlineOf(Number(externalId.slice('x:post-'.length))));
    }
    expect(store.has('x:post-2999')).toBe(true);
    expect(store.has('X:post-2999')).toBe(false);
    expect(store.get('x:missing')).toBeUndefined();
  });

  it('replaces a post set again, and a changed copy is not the stored one', () => {
    const store = new OutlineStore();
    store.set('x:1', outlineOf(1));
    store.get('x:1')!.deleted = true;
    expect(store.get('x:1')!.deleted).toBe(false);
    store.set('x:1', { ...outlineOf(1), deleted: true, inReplyTo: undefined } as Outline);
    expect(store.size).toBe(1);
    expect(store.get('x:1')).toMatchObject({ deleted: true });
    expect(store.get('x:1')).not.toHaveProperty('inReplyTo');
    store.clear();
    expect(store.size).toBe(0);
    expect([...store.values()]).toEqual([]);
  });

  it('numbers a parent named before it is read, and counts it as a post only once it is set', () => {
    const store = new OutlineStore();
    store.set('x:reply', { ...outlineOf(1), inReplyTo: 'x:parent' });
    expect(store.size).toBe(1);
    expect(store.numbered).toBe(2);
    expect(store.has('x:parent')).toBe(false);
    expect([...store.keys()]).toEqual(['x:reply']);
    expect(store.get('x:reply')!.inReplyTo).toBe('x:parent');
    store.set('x:parent', outlineOf(0));
    expect(store.size).toBe(2);
    expect(store.numberOf('x:parent')).toBe(1);
    expect(store.externalId(store.numberOf('x:parent')!)).toBe('x:parent');
    expect([...store.keys()]).toEqual(['x:reply', 'x:parent']);
  });
});
