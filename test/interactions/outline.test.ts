// Which row of a post is imported when the export lists it more than once: the last complete one
// (a later edit supersedes the original), with a deletion from any of its rows.
import { describe, expect, it } from '@jest/globals';
import type { Interaction } from '../../plugin/src/interactions/interaction.js';
import { remember, type Outline } from '../../plugin/src/interactions/outline.js';

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
    const outlines = new Map<string, Outline>();
    for (const interaction of rows) remember(outlines, interaction);
    expect(outlines.size).toBe(1);
    expect(outlines.get('x:1')).toMatchObject(expected);
  });
});
