import { formatLabel, formatLabelParts, isolated, joinedParts, partsText } from 'c/labelFormat';

const RLO = '\u202E';

describe('c/labelFormat', () => {
    it.each([
        ['{0} of {1}', [3, 10], '3 of 10'],
        ['{1} before {0}', ['a', 'b'], 'b before a'],
        ['{0} and {0}', ['x'], 'x and x'],
        ['missing {2}', ['a'], 'missing '],
        ['no placeholders', ['a'], 'no placeholders'],
        ['null {0}', [null], 'null ']
    ])('formatLabel(%s, %j) is %s', (template, values, expected) => {
        expect(formatLabel(template, ...values)).toBe(expected);
    });

    it('returns an empty string for a missing label', () => {
        expect(formatLabel(undefined, 1)).toBe('');
    });

    it.each([
        ['{0} of {1}', [3, 10]],
        ['{1} before {0}', ['a', 'b']],
        ['{0} and {0}', ['x']],
        ['missing {2}', ['a']],
        ['no placeholders', ['a']],
        ['null {0}', [null]],
        ['{0} is known on {1}.', [`@evil${RLO}txt.exe`, 'X']]
    ])('formatLabelParts(%s, %j) shows the same sentence as formatLabel', (template, values) => {
        expect(partsText(formatLabelParts(template, ...values))).toBe(formatLabel(template, ...values));
    });

    it('isolates each filled-in value (dir auto) and leaves the label words as they are', () => {
        expect(formatLabelParts('{0} is known on {1}.', `@evil${RLO}txt.exe`, 'X')).toEqual([
            { key: 'p0', text: `@evil${RLO}txt.exe`, dir: 'auto' },
            { key: 'p1', text: ' is known on ', dir: null },
            { key: 'p2', text: 'X', dir: 'auto' },
            { key: 'p3', text: '.', dir: null }
        ]);
        expect(formatLabelParts('Catch me up')).toEqual([{ key: 'p0', text: 'Catch me up', dir: null }]);
        expect(formatLabelParts('Our reply to {0}', '')).toEqual([{ key: 'p0', text: 'Our reply to ', dir: null }]);
        expect(formatLabelParts(undefined, 'x')).toEqual([]);
    });

    it('joins values with a separator, each value isolated', () => {
        const parts = joinedParts(['Ana Ruiz', `Ben${RLO} Ode`], ', ');
        expect(parts.filter((part) => part.dir === 'auto').map((part) => part.text)).toEqual([
            'Ana Ruiz',
            `Ben${RLO} Ode`
        ]);
        expect(partsText(parts)).toBe(`Ana Ruiz, Ben${RLO} Ode`);
        expect(new Set(parts.map((part) => part.key)).size).toBe(parts.length);
        expect(joinedParts([], ', ')).toEqual([]);
    });

    it('wraps untrusted text for an attribute in FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE', () => {
        expect(isolated('@evil\u202etxt.exe')).toBe('\u2068@evil\u202etxt.exe\u2069');
        expect(formatLabel('Confirm that {0} is this person', isolated('@ana'))).toBe(
            'Confirm that \u2068@ana\u2069 is this person'
        );
        expect([isolated(''), isolated(null), isolated(undefined)]).toEqual(['', '', '']);
        expect(isolated(42)).toBe('\u206842\u2069');
    });
});
