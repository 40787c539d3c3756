// The compact store of write outcomes (plugin/src/org/saveOutcomes.ts): pure, no org. Every outcome read
// back must equal the one set, whatever its id looks like, and a position never set reads as unsettled.
import { describe, expect, it } from '@jest/globals';
import type { SaveOutcome } from '../../plugin/src/org/client.js';
import { CompactOutcomes } from '../../plugin/src/org/saveOutcomes.js';

const outcomes: SaveOutcome[] = [
  { success: true, id: 'a01HU00000AbCdEfGH', created: true },
  { success: true, id: 'a01HU00000AbCdEfGI', created: false },
  { success: true, id: 'a01HU00000AbCdE' },
  { success: true, id: 'a01HU00000AbCdEfGJ', created: true, relatedId: '00QHU00000AbCdEfGH' },
  { success: true },
  { success: false, error: 'STRING_TOO_LONG: Matched By Rule: data value too large (Matched_By_Rule__c)' },
  { success: false, error: 'NOT_ATTEMPTED: not sent' },
  { success: true, id: 'é01HU00000AbCdEfGH', created: true },
];

describe('CompactOutcomes', () => {
  it('gives back every outcome as it was set, ids of 18 characters, other lengths and other characters alike', () => {
    const store = new CompactOutcomes(outcomes.length);
    outcomes.forEach((outcome, index) => store.set(index, outcome));
    expect(store.toArray()).toEqual(outcomes);
    expect([...store]).toEqual(outcomes);
    outcomes.forEach((outcome, index) => expect(store.at(index)).toEqual(outcome));
  });

  it('reads a position never set as unsettled, and refuses to list unsettled positions as outcomes', () => {
    const store = new CompactOutcomes(3);
    store.set(1, outcomes[0]!);
    expect(store.at(0)).toBeUndefined();
    expect(store.at(1)).toEqual(outcomes[0]);
    expect(store.at(3)).toBeUndefined();
    expect([...store]).toEqual([undefined, outcomes[0], undefined]);
    expect(() => store.toArray()).toThrow('outcome 0 of 3 is not settled');
    expect(() => store.set(3, outcomes[0]!)).toThrow(RangeError);
  });

  it('replaces what a position held: a failure written over by a later success keeps no error', () => {
    const store = new CompactOutcomes(2);
    store.set(0, { success: false, error: 'UNABLE_TO_LOCK_ROW: unable to obtain exclusive access' });
    store.set(0, { success: true, id: 'a01HU00000AbCdEfGH', created: false });
    store.set(1, { success: true, id: 'odd-length-id' });
    store.set(1, { success: true, id: 'a01HU00000AbCdEfGK' });
    expect(store.toArray()).toEqual([
      { success: true, id: 'a01HU00000AbCdEfGH', created: false },
      { success: true, id: 'a01HU00000AbCdEfGK' },
    ]);
  });
});
