import { countText, durationText, exactTimeText, isoTime, relativeTimeText } from 'c/socialTimeText';

const NOW = Date.parse('2026-03-04T12:00:00Z');
const MIN = 60000;

describe('c/socialTimeText', () => {
    it.each([
        [0, '0 min'],
        [45, '45 min'],
        [60, '1 h'],
        [125, '2 h 5 min'],
        [-90, '1 h 30 min'],
        [3 * 24 * 60 + 5, '3 d']
    ])('durationText(%s) is %s', (minutes, expected) => {
        expect(durationText(minutes)).toBe(expected);
    });

    it.each([
        [NOW - 20 * 1000, 'just now'],
        [NOW - 5 * MIN, '5 min ago'],
        [NOW - 3 * 60 * MIN, '3 h ago'],
        [NOW - 2 * 24 * 60 * MIN, '2 d ago'],
        [NOW + 10 * MIN, 'in 10 min']
    ])('relativeTimeText(%s) is %s', (time, expected) => {
        expect(relativeTimeText(time, NOW)).toBe(expected);
    });

    it('shows the date past a week and nothing for no time', () => {
        expect(relativeTimeText(Date.parse('2026-01-10T12:00:00Z'), NOW)).toMatch(/Jan 10, 2026/);
        expect(relativeTimeText(null, NOW)).toBe('');
    });

    it('formats the exact time in the user time zone and the ISO instant', () => {
        // The i18n mock's zone is America/Los_Angeles: 12:00 UTC is 4:00 AM there.
        expect(exactTimeText(NOW)).toMatch(/Mar 4, 2026.*4:00/);
        expect(isoTime(NOW)).toBe('2026-03-04T12:00:00.000Z');
        expect(exactTimeText(null)).toBe('');
    });

    it('writes counts with the locale grouping', () => {
        expect(countText(5000)).toBe('5,000');
        expect(countText(7)).toBe('7');
        expect(countText(undefined)).toBe('0');
    });
});
