// Threading rules, table-driven: reply chains (parent earlier, later, in the org, unknown), network
// conversation ids, the private-after-public continuation across channels, and stability of threads
// already in the org.
import { describe, expect, it } from '@jest/globals';
import {
  assignThreads,
  personKey,
  threadPosts,
  UNTHREADED,
  type KnownInteraction,
  type ThreadItem,
} from '../../plugin/src/interactions/thread.js';

const T0 = Date.parse('2026-11-20T09:00:00Z');
const minutes = (n: number): number => T0 + n * 60_000;

function item(externalId: string, at: number, extra: Partial<ThreadItem> = {}): ThreadItem {
  return {
    externalId,
    network: externalId.split(':')[0]!,
    personKey: 'Contact:003000000000001',
    direction: 'Inbound',
    visibility: 'Public',
    postedAtMs: minutes(at),
    ...extra,
  };
}

interface Case {
  name: string;
  items: ThreadItem[];
  known?: KnownInteraction[];
  expected: Record<string, [threadKey: string, rule: string]>;
}

const cases: Case[] = [
  {
    name: 'a post starts its own thread',
    items: [item('x:1', 0)],
    expected: { 'x:1': ['x:1', 'root'] },
  },
  {
    name: 'a reply chain joins the root, parent earlier in the file',
    items: [
      item('x:1', 0),
      item('x:2', 5, { inReplyTo: 'x:1', direction: 'Outbound' }),
      item('x:3', 9, { inReplyTo: 'x:2' }),
    ],
    expected: { 'x:1': ['x:1', 'root'], 'x:2': ['x:1', 'reply'], 'x:3': ['x:1', 'reply'] },
  },
  {
    name: 'a reply whose parent comes later in the same file',
    items: [item('x:3', 9, { inReplyTo: 'x:2' }), item('x:2', 5, { inReplyTo: 'x:1' }), item('x:1', 0)],
    expected: { 'x:1': ['x:1', 'root'], 'x:2': ['x:1', 'reply'], 'x:3': ['x:1', 'reply'] },
  },
  {
    name: 'a reply to a post already in the org takes its thread key',
    items: [item('x:9', 30, { inReplyTo: 'x:8' })],
    known: [{ externalId: 'x:8', threadKey: 'x:7', network: 'x' }],
    expected: { 'x:9': ['x:7', 'reply'] },
  },
  {
    name: 'a reply to a parent nobody has seen uses the parent as the root',
    items: [item('x:9', 30, { inReplyTo: 'x:404' })],
    expected: { 'x:9': ['x:404', 'reply'] },
  },
  {
    name: "a network's conversation id groups messages without a known parent",
    items: [
      item('x:20', 0, { conversationKey: 'x:10' }),
      item('x:21', 1, { inReplyTo: 'x:404', conversationKey: 'x:10' }),
    ],
    expected: { 'x:20': ['x:10', 'conversation'], 'x:21': ['x:10', 'conversation'] },
  },
  {
    name: 'an interaction already in the org keeps its thread, even if its parent says otherwise',
    items: [item('x:1', 0), item('x:2', 5, { inReplyTo: 'x:1', existingThreadKey: 'x:old' })],
    expected: { 'x:1': ['x:1', 'root'], 'x:2': ['x:old', 'existing'] },
  },
  {
    name: 'a DM soon after a public post by the same person continues it, across channels',
    items: [
      item('x:100', 0),
      item('instagram:dm-1', 20, { visibility: 'Private' }),
      item('instagram:dm-2', 25, { visibility: 'Private' }),
    ],
    expected: {
      'x:100': ['x:100', 'root'],
      'instagram:dm-1': ['x:100', 'continuation'],
      'instagram:dm-2': ['x:100', 'continuation'],
    },
  },
  {
    name: 'the public post may come later in the file than the DM, as long as it is earlier in time',
    items: [item('instagram:dm-1', 20, { visibility: 'Private' }), item('x:100', 0)],
    expected: { 'x:100': ['x:100', 'root'], 'instagram:dm-1': ['x:100', 'continuation'] },
  },
  {
    name: 'a DM long after the public post starts a new thread',
    items: [item('x:100', 0), item('x:dm-1', 24 * 60 + 1, { visibility: 'Private' })],
    expected: { 'x:100': ['x:100', 'root'], 'x:dm-1': ['x:dm-1', 'root'] },
  },
  {
    name: "another person's public post is not continued",
    items: [item('x:100', 0), item('x:dm-1', 10, { visibility: 'Private', personKey: 'identity:x:2' })],
    expected: { 'x:dm-1': ['x:dm-1', 'root'] },
  },
  {
    name: 'a DM before the public post does not continue it',
    items: [item('x:dm-1', 0, { visibility: 'Private' }), item('x:100', 10)],
    expected: { 'x:dm-1': ['x:dm-1', 'root'], 'x:100': ['x:100', 'root'] },
  },
  {
    name: "the company's own public post is not what a DM continues",
    items: [item('x:100', 0, { direction: 'Outbound' }), item('x:dm-1', 10, { visibility: 'Private' })],
    expected: { 'x:dm-1': ['x:dm-1', 'root'] },
  },
  {
    name: 'the latest public post wins, and a public post already in the org counts',
    items: [item('instagram:dm-1', 60, { visibility: 'Private' })],
    known: [
      {
        externalId: 'x:50',
        threadKey: 'x:50',
        network: 'x',
        personKey: 'Contact:003000000000001',
        direction: 'Inbound',
        visibility: 'Public',
        postedAtMs: minutes(0),
      },
      {
        externalId: 'x:51',
        threadKey: 'x:49',
        network: 'x',
        personKey: 'Contact:003000000000001',
        direction: 'Inbound',
        visibility: 'Public',
        postedAtMs: minutes(30),
      },
    ],
    expected: { 'instagram:dm-1': ['x:49', 'continuation'] },
  },
  {
    name: 'a private message on another network does not carry a DM over',
    items: [item('x:dm-1', 0, { visibility: 'Private' }), item('instagram:dm-2', 5, { visibility: 'Private' })],
    expected: { 'x:dm-1': ['x:dm-1', 'root'], 'instagram:dm-2': ['instagram:dm-2', 'root'] },
  },
  {
    name: 'a reply cycle in a broken export ends without looping',
    items: [item('x:1', 0, { inReplyTo: 'x:2' }), item('x:2', 1, { inReplyTo: 'x:1' })],
    expected: { 'x:1': ['x:1', 'reply'], 'x:2': ['x:1', 'reply'] },
  },
];

describe('assignThreads', () => {
  it.each(cases)('$name', ({ items, known, expected }) => {
    const threads = assignThreads(items, known ?? []);
    for (const [externalId, [threadKey, rule]] of Object.entries(expected)) {
      expect({ externalId, ...threads.get(externalId) }).toEqual({ externalId, threadKey, rule });
    }
    expect(threads.size).toBe(items.length);
  });

  it('honours a shorter continuation window', () => {
    const threads = assignThreads([item('x:100', 0), item('x:dm-1', 31, { visibility: 'Private' })], [], 30);
    expect(threads.get('x:dm-1')).toEqual({ threadKey: 'x:dm-1', rule: 'root' });
  });
});

describe('threadPosts (the compact form the import uses)', () => {
  // Posts by number, as the import's outline store holds them: x:1 a root, x:2 already in the org under
  // x:1's key, x:3 without a time (not threaded), x:4 a reply to it.
  const posts = [
    { id: 'x:1', at: 0 },
    { id: 'x:2', at: 5, existing: 'x:1' },
    { id: 'x:3', at: undefined },
    { id: 'x:4', at: 9, inReplyTo: 'x:3' },
  ];
  const numbers = new Map(posts.map((post, index) => [post.id, index]));
  const threads = threadPosts(
    {
      count: posts.length,
      externalId: (post) => posts[post]!.id,
      numberOf: (externalId) => numbers.get(externalId),
      timed: (post) => posts[post]!.at !== undefined,
      postedAtMs: (post) => minutes(posts[post]!.at ?? 0),
      network: () => 'x',
      personKey: () => 'Contact:003000000000001',
      outbound: () => false,
      private: () => false,
      inReplyTo: (post) => posts[post]!.inReplyTo,
      conversationKey: () => undefined,
      existingThreadKey: (post) => posts[post]!.existing,
    },
    [],
  );

  it('numbers a key once: an existing thread key that is a post of the file is that post', () => {
    expect(threads.threadOf[1]).toBe(threads.threadOf[0]);
    expect(threads.get('x:2')).toEqual({ threadKey: 'x:1', rule: 'existing' });
  });

  it('leaves a post without a time unthreaded, and a reply to it takes its id as the key', () => {
    expect(threads.rules[2]).toBe(UNTHREADED);
    expect(threads.get('x:3')).toBeUndefined();
    expect(threads.get('x:4')).toEqual({ threadKey: 'x:3', rule: 'reply' });
    expect(threads.get('x:9')).toBeUndefined();
  });
});

describe('personKey', () => {
  it.each([
    [{ externalId: 'x:1', contactId: '003000000000001AAA' }, 'Contact:003000000000001'],
    [{ externalId: 'x:1', leadId: '00Q000000000001' }, 'Lead:00Q000000000001'],
    [{ externalId: 'x:1' }, 'identity:x:1'],
  ])('%j -> %s', (identity, expected) => {
    expect(personKey(identity)).toBe(expected);
  });
});
