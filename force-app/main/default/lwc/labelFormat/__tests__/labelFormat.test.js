import { formatLabel } from 'c/labelFormat';

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
});
