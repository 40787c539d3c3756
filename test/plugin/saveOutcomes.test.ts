// The compact stores of write outcomes (plugin/src/org/saveOutcomes.ts): pure, no org. Every outcome read
// back must equal the one set, whatever its id looks like, and a position never set reads as unsettled.
import { describe, expect, it } from '@jest/globals';
import type { SaveOutcome } from '../../plugin/src/org/client.js';
import { CompactOutcomes, OutcomesByKey } from '../../plugin/src/org/saveOutcomes.js';

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

describe('OutcomesByKey', () => {
  it('finds each outcome by its external id, whatever order the result files gave them in', () => {
    const byKey = new OutcomesByKey(4);
    byKey.set('twitter:2', outcomes[1]!);
    byKey.set('facebook:ü1', outcomes[5]!);
    byKey.set('twitter:1', outcomes[0]!);
    expect(byKey.get('twitter:1')).toEqual(outcomes[0]);
    expect(byKey.get('twitter:2')).toEqual(outcomes[1]);
    expect(byKey.get('facebook:ü1')).toEqual(outcomes[5]);
    expect(byKey.get('twitter:3')).toBeUndefined();
    // A key answered twice (in the failed results after the successful ones) keeps the last answer.
    byKey.set('twitter:2', outcomes[6]!);
    expect(byKey.get('twitter:2')).toEqual(outcomes[6]);
  });

  it('refuses more distinct keys than the job took records, rather than lose one', () => {
    const byKey = new OutcomesByKey(1);
    byKey.set('twitter:1', outcomes[0]!);
    expect(() => byKey.set('twitter:2', outcomes[0]!)).toThrow(
      'the Bulk API job answered for more records than the 1 it took',
    );
  });

  it('holds 5,000 keys and finds every one (a table made for them at once)', () => {
    const byKey = new OutcomesByKey(5_000);
    for (let index = 0; index < 5_000; index += 1) {
      byKey.set(`twitter:${index}`, { success: true, id: `a01HU${String(index).padStart(13, '0')}` });
    }
    for (let index = 0; index < 5_000; index += 1) {
      expect(byKey.get(`twitter:${index}`)?.id).toBe(`a01HU${String(index).padStart(13, '0')}`);
    }
  });
});
