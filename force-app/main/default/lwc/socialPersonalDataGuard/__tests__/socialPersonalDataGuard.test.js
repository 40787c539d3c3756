import {
    PERSONAL_DATA_KIND as KIND,
    findPersonalData,
    maskedText,
    passesIbanChecksum,
    passesLuhn
} from 'c/socialPersonalDataGuard';

// The table is shared with the import's test (test/interactions/personalData.test.ts), which runs it
// through the plugin's copy of this same module: one detector, one table, two callers.
const CASES = require('./data/personalDataCases.json');

const kindsIn = (text) => findPersonalData(text).map((finding) => [finding.kind, finding.text]);

describe('c/socialPersonalDataGuard', () => {
    describe('finds personal data', () => {
        it.each(CASES.finds.map(({ name, text, kind, value }) => [name, text, kind, value]))(
            '%s',
            (_name, text, kind, value) => {
                expect(kindsIn(text)).toEqual([[kind, value]]);
            }
        );
    });

    describe('leaves ordinary text alone', () => {
        it.each(CASES.leavesAlone.map(({ name, text }) => [name, text]))('%s', (_name, text) => {
            expect(kindsIn(text)).toEqual([]);
        });
    });

    it('lists several findings in text order, each once', () => {
        const text = 'Mail ana@example.com or call +44 20 7946 0958; card 4111 1111 1111 1111.';
        expect(kindsIn(text)).toEqual([
            [KIND.EMAIL, 'ana@example.com'],
            [KIND.PHONE, '+44 20 7946 0958'],
            [KIND.CARD, '4111 1111 1111 1111']
        ]);
        const [first] = findPersonalData(text);
        expect(text.slice(first.start, first.end)).toBe('ana@example.com');
    });

    it('handles empty and non-text input', () => {
        expect(findPersonalData('')).toEqual([]);
        expect(findPersonalData(undefined)).toEqual([]);
    });

    it.each([
        ['79927398713', true],
        ['79927398710', false],
        ['', false]
    ])('Luhn of %p is %p', (digits, valid) => {
        expect(passesLuhn(digits)).toBe(valid);
    });

    it.each([
        ['GB82WEST12345698765432', true],
        ['gb82 west 1234 5698 7654 32', true],
        ['GB82WEST12345698765433', false],
        ['GB82', false]
    ])('IBAN checksum of %p is %p', (iban, valid) => {
        expect(passesIbanChecksum(iban)).toBe(valid);
    });

    it('masks findings for display', () => {
        expect(maskedText({ kind: KIND.CARD, text: '4111 1111 1111 1111' })).toBe('…1111');
        expect(maskedText({ kind: KIND.EMAIL, text: 'ana@example.com' })).toBe('a…@example.com');
    });
});
