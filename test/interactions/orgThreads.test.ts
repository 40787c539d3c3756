// threadOutlines (the org's side of threading) with an org that holds nothing: its reads go out in one
// round, and an export of 150,000 private messages, too many to spread into Math.min's arguments, is
// threaded.
import { describe, expect, it } from '@jest/globals';
import { threadOutlines } from '../../plugin/src/interactions/orgThreads.js';
import { OutlineStore } from '../../plugin/src/interactions/outline.js';
import { THREAD_RULES } from '../../plugin/src/interactions/thread.js';
import type { OrgClient } from '../../plugin/src/org/client.js';

describe('threadOutlines', () => {
  it('threads 150,000 private messages, each starting its own thread', async () => {
    const start = Date.parse('2026-11-20T00:00:00Z');
    const outlines = new OutlineStore();
    for (let index = 0; index < 150_000; index += 1) {
      outlines.set(`x:dm-${index}`, {
        line: index + 1,
        complete: true,
        deleted: false,
        network: 'x',
        direction: 'Inbound',
        visibility: 'Private',
        postedAtMs: start + index * 1_000,
      });
    }
    let queryManyCalls = 0;
    const org = {
      queryMany: (queries: readonly string[]) => {
        queryManyCalls += 1;
        return Promise.resolve(queries.map(() => []));
      },
    } as unknown as OrgClient;

    const { threads, inOrg } = await threadOutlines(org, outlines, new Map(), 1_440);
    expect(threads.rules.filter((rule) => rule === THREAD_RULES.indexOf('root')).length).toBe(150_000);
    expect(threads.get('x:dm-149999')).toEqual({ threadKey: 'x:dm-149999', rule: 'root' });
    expect(inOrg.size).toBe(0);
    // The posts' thread keys; no identity, so no earlier posts of their senders to read.
    expect(queryManyCalls).toBe(1);
  });
});
