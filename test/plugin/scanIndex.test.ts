// The compact index a scan rule keeps for the whole deploy (plugin/src/mappings/scanIndex.ts): pure, no
// org. It must answer exactly what a Map of Sets answers: every id under a value, nothing under a value
// it was not given, however many values it holds and whatever their characters.
import { describe, expect, it } from '@jest/globals';
import { StringTable } from '../../plugin/src/memory/stringTable.js';
import { PhoneTails, ScanIndex, ValueFilter } from '../../plugin/src/mappings/scanIndex.js';
import { normalise } from '../../plugin/src/mappings/normalise.js';
import { matchByRules, ScanValues } from '../../plugin/src/mappings/resolve.js';
import type { Identity } from '../../plugin/src/mappings/identity.js';
import type { MappingFile, Rule } from '../../plugin/src/mappings/mappingFile/schema.js';

describe('ScanIndex', () => {
  it.each([
    { name: 'one record', entries: [['+14155550100', '003A']], value: '+14155550100', ids: ['003A'] },
    {
      name: 'two records with one value (ambiguous to the rule)',
      entries: [
        ['ana@example.com', '003A'],
        ['bo@example.com', '003B'],
        ['ana@example.com', '003C'],
      ],
      value: 'ana@example.com',
      ids: ['003A', '003C'],
    },
    {
      name: 'a value it was not given',
      entries: [['ana@example.com', '003A']],
      value: 'ana@example.co',
      ids: undefined,
    },
    { name: 'non-ASCII text', entries: [['zoë@名前.example', '003Z']], value: 'zoë@名前.example', ids: ['003Z'] },
    { name: 'the empty string', entries: [['', '003E']], value: '', ids: ['003E'] },
  ])('finds $name', ({ entries, value, ids }) => {
    const index = new ScanIndex();
    for (const [entryValue, id] of entries) index.add(entryValue!, id!);
    expect(index.get(value)?.sort()).toEqual(ids);
  });

  it('answers like a Map of Sets after growing past its first buffers and slots', () => {
    const index = new ScanIndex();
    const expected = new Map<string, Set<string>>();
    for (let record = 0; record < 30_000; record += 1) {
      // Every seventh value repeats an earlier one, so chains and distinct values both grow.
      const value = `+1415${String(record % 7 === 0 ? record - 7 : record).padStart(7, '0')}`;
      const id = `003${String(record).padStart(15, '0')}`;
      index.add(value, id);
      expected.set(value, (expected.get(value) ?? new Set()).add(id));
    }
    expect(index.size).toBe(30_000);
    for (const [value, ids] of expected) expect(index.get(value)?.sort()).toEqual([...ids].sort());
    expect(index.get('+14159999999')).toBeUndefined();
  });
});

// The filter a deploy fills with its input's values before it scans (resolve.ts ScanValues): a value it
// was given is always let through (a missed match would be wrong), others rarely (an entry kept for
// nothing costs a little memory).
// A table made for the strings expected (a Bulk job's records) still takes more, numbering each once.
describe('StringTable', () => {
  it('numbers distinct strings in order, beyond what it was made for, and finds each again', () => {
    const table = new StringTable(100);
    for (let index = 0; index < 10_000; index += 1) expect(table.add(`x:${index}·é`)).toBe(index);
    expect(table.add('x:42·é')).toBe(42);
    expect(table.size).toBe(10_000);
    for (let index = 0; index < 10_000; index += 1) expect(table.numberOf(`x:${index}·é`)).toBe(index);
    expect(table.numberOf('x:10000·é')).toBe(-1);
  });
});

describe('ValueFilter', () => {
  it('lets every value it was given through, and few others', () => {
    const filter = new ValueFilter();
    for (let value = 0; value < 200_000; value += 1) filter.add(`+1415${String(value).padStart(7, '0')}`);
    for (let value = 0; value < 200_000; value += 1) {
      if (!filter.mightHave(`+1415${String(value).padStart(7, '0')}`)) throw new Error(`lost value ${value}`);
    }
    let through = 0;
    for (let value = 0; value < 200_000; value += 1) {
      if (filter.mightHave(`+1212${String(value).padStart(7, '0')}`)) through += 1;
    }
    // With 200,000 values in 2^24 bits and 4 probes, about 1 in 50,000 (0.002%).
    expect(through).toBeLessThan(200);
  });
});

// What ScanValues notes while the sources are read is kept on the identity (spilled with it) and used
// when it is matched: a phone number is parsed once per deploy, not twice.
describe('ScanValues', () => {
  const phoneRule: Rule = {
    name: 'same-phone',
    identity: 'phone',
    record: 'Contact.MobilePhone',
    normalise: ['phone-e164'],
    action: 'link',
  };
  const mapping = { rules: [phoneRule], phone: { defaultCountryCode: '+1' } } as unknown as MappingFile;
  const identity = (phone: string): Identity => ({
    externalId: `x:${phone}`,
    network: 'x',
    userId: phone,
    row: { origin: { source: 'posts', file: 'posts.csv', line: 2 }, values: { phone } },
  });

  it('notes the normalised value on the identity, and matching uses it', () => {
    const values = new ScanValues(mapping);
    const noted = identity('(415) 555-0142');
    values.note(noted);
    expect(Object.values(noted.normalised ?? {})).toEqual(['+14155550142']);
    expect(values.filterOf(phoneRule)?.mightHave('+14155550142')).toBe(true);
    const indexes = new Map([[phoneRule, new Map([['+14155550142', new Set(['003A'])]])]]);
    const options = { defaultCountryCode: '+1' };
    expect(matchByRules(noted, [phoneRule], indexes, options)).toMatchObject({ kind: 'match', target: { id: '003A' } });
    // The noted value is what counts: the row's own is not parsed again.
    noted.row.values.phone = 'not a phone';
    expect(matchByRules(noted, [phoneRule], indexes, options)).toMatchObject({ kind: 'match' });
    expect(matchByRules(identity('not a phone'), [phoneRule], indexes, options)).toEqual({ kind: 'unmatched' });
  });

  it('lets its filters go once the scans have run, and what it noted still counts', () => {
    const values = new ScanValues(mapping);
    const noted = identity('(415) 555-0142');
    values.note(noted);
    values.release();
    // A scan after this would keep every record (no filter), never lose a match.
    expect(values.filterOf(phoneRule)).toBeUndefined();
    expect(values.tailsOf(phoneRule)).toBeUndefined();
    const indexes = new Map([[phoneRule, new Map([['+14155550142', new Set(['003A'])]])]]);
    expect(matchByRules(noted, [phoneRule], indexes, { defaultCountryCode: '+1' })).toMatchObject({ kind: 'match' });
  });
});

// A phone-e164 scan passes over, unparsed, a Contact whose number's last 7 digits no input number has.
// That must never hide a match: whenever two ways of writing a number normalise to the same E.164, the
// one noted lets the other through (numbers of several countries, trunk prefixes kept or dropped).
describe('PhoneTails', () => {
  const written = (national: string, code: string): string[] => [
    national,
    `+${code} ${national.replace(/^0/, '')}`,
    `+${code} ${national}`,
    `00${code} ${national.replace(/^0/, '')}`,
    `(${national.slice(0, 3)}) ${national.slice(3)}`,
    national.replaceAll(' ', '-'),
    national.replaceAll(' ', '.'),
    `\u00a0${national}\u00a0`,
    `${national} ext. 12`,
  ];
  const numbers: Array<[string, string]> = [
    ['415 555 0142', '1'],
    ['020 7946 0958', '44'],
    ['06 1234 5678', '39'],
    ['030 901820', '49'],
    ['011 15 2345 6789', '54'],
    ['0412 345 678', '61'],
  ];

  it('lets through every way of writing a number the input has', () => {
    for (const [national, code] of numbers) {
      const options = { defaultCountryCode: `+${code}` };
      const forms = written(national, code);
      for (const noted of forms) {
        const e164 = normalise(noted, ['phone-e164'], options);
        if (e164 === undefined) continue;
        const tails = new PhoneTails();
        tails.add(e164);
        for (const other of forms) {
          if (normalise(other, ['phone-e164'], options) === e164)
            expect([other, tails.mightMatch(other)]).toEqual([other, true]);
        }
      }
    }
  });

  it('passes over numbers whose last digits the input lacks, and parses what it cannot tell', () => {
    const tails = new PhoneTails();
    tails.add('+14155550142');
    expect(tails.mightMatch('(415) 555-0143')).toBe(false);
    expect(tails.mightMatch('+1 212 555 0142')).toBe(true);
    expect(tails.mightMatch('415 555 0143 ext 9')).toBe(true);
    tails.add('+12345');
    expect(tails.mightMatch('(415) 555-0143')).toBe(true);
  });
});
