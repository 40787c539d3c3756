// The deploy asks V8 for a full collection when a partition's working set is dropped. It must really
// collect, and it must not leave `gc` on the global object of the process it runs in (sf's).
import { describe, expect, it } from '@jest/globals';
import { collectGarbage } from '../../plugin/src/memory/collectGarbage.js';

describe('collectGarbage', () => {
  it('frees an object nothing refers to any more', async () => {
    const ref = new WeakRef({ rows: Array.from({ length: 10_000 }, (_, index) => `row ${index}`) });
    // A WeakRef's target is kept until the job that made it ends.
    await new Promise((resolve) => setImmediate(resolve));
    collectGarbage();
    expect(ref.deref()).toBeUndefined();
  });

  it('keeps what is still referred to', async () => {
    const kept = { rows: ['still needed'] };
    const ref = new WeakRef(kept);
    await new Promise((resolve) => setImmediate(resolve));
    collectGarbage();
    expect(ref.deref()).toBe(kept);
  });

  it('does not put gc on the global object, however often it runs', () => {
    // The test runner does not start Node with --expose-gc, so there is none to begin with.
    expect('gc' in globalThis).toBe(false);
    collectGarbage();
    collectGarbage();
    expect('gc' in globalThis).toBe(false);
  });
});
