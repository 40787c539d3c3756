import {
    PERSONAL_DATA_KIND as KIND,
    findPersonalData,
    maskedText,
    passesIbanChecksum,
    passesLuhn
} from 'c/socialPersonalDataGuard';

const kindsIn = (text) => findPersonalData(text).map((finding) => [finding.kind, finding.text]);

describe('c/socialPersonalDataGuard', () => {
    describe('finds personal data', () => {
        it.each([
            ['a Visa number', 'my card is 4111 1111 1111 1111 thanks', KIND.CARD, '4111 1111 1111 1111'],
            ['a card with dashes', 'card 5500-0000-0000-0004 please', KIND.CARD, '5500-0000-0000-0004'],
            ['an Amex number (15 digits)', 'amex 378282246310005', KIND.CARD, '378282246310005'],
            ['a 19-digit card', 'number 6011 0000 0000 0000 001 ok', KIND.CARD, '6011 0000 0000 0000 001'],
            ['a UK IBAN', 'IBAN GB82 WEST 1234 5698 7654 32.', KIND.IBAN, 'GB82 WEST 1234 5698 7654 32'],
            ['a compact German IBAN', 'pay DE89370400440532013000 now', KIND.IBAN, 'DE89370400440532013000'],
            ['a French IBAN', 'FR14 2004 1010 0505 0001 3M02 606', KIND.IBAN, 'FR14 2004 1010 0505 0001 3M02 606'],
            ['a named bank account', 'my account number is 12345678901', KIND.BANK_ACCOUNT, '12345678901'],
            ['a sort code and account', 'Sort code: 20-00-00', KIND.BANK_ACCOUNT, '20-00-00'],
            ['a US SSN', 'SSN 123-45-6789', KIND.US_SSN, '123-45-6789'],
            ['a US SSN with spaces', 'it is 123 45 6789', KIND.US_SSN, '123 45 6789'],
            ['a UK NI number', 'NI: AB 12 34 56 C', KIND.UK_NINO, 'AB 12 34 56 C'],
            ['a compact UK NI number', 'ab123456c is mine', KIND.UK_NINO, 'ab123456c'],
            ['an email address', 'write to ana.ruiz+help@example.co.uk!', KIND.EMAIL, 'ana.ruiz+help@example.co.uk'],
            ['a US phone (international)', 'call +1 415 555 0132', KIND.PHONE, '+1 415 555 0132'],
            ['a US phone (national)', 'call (415) 555-0132 today', KIND.PHONE, '(415) 555-0132'],
            ['a US phone with dashes', 'call 415-555-0132', KIND.PHONE, '415-555-0132'],
            ['a UK phone', 'ring +44 20 7946 0958', KIND.PHONE, '+44 20 7946 0958'],
            ['a UK phone, national', 'ring 020 7946 0958', KIND.PHONE, '020 7946 0958'],
            ['a UK phone with 00', 'ring 0044 20 7946 0958', KIND.PHONE, '0044 20 7946 0958'],
            ['a French mobile', 'tel +33 6 12 34 56 78', KIND.PHONE, '+33 6 12 34 56 78'],
            ['a German number', 'Tel. +49 30 1234567', KIND.PHONE, '+49 30 1234567'],
            ['a Japanese number', '+81-3-1234-5678', KIND.PHONE, '+81-3-1234-5678'],
            ['a Chinese mobile', 'wechat +86 138 0013 8000', KIND.PHONE, '+86 138 0013 8000'],
            ['an Indian mobile', '+91 98765 43210', KIND.PHONE, '+91 98765 43210'],
            ['a compact E.164 number', 'sms +4915112345678', KIND.PHONE, '+4915112345678']
        ])('%s', (_name, text, kind, value) => {
            expect(kindsIn(text)).toEqual([[kind, value]]);
        });
    });

    describe('leaves ordinary text alone', () => {
        it.each([
            ['a card-like number failing Luhn', 'ref 4111 1111 1111 1112'],
            ['a card-like number failing Luhn, dashes', '4111-1111-1111-1112'],
            ['a compact card-like number failing Luhn', 'tracking 4111111111111112'],
            ['an IBAN with a wrong checksum', 'GB82 WEST 1234 5698 7654 33'],
            ['an order number', 'order #12345678 shipped'],
            ['a long tracking number without account words', 'tracking 1Z999AA10123456784'],
            ['a date', 'since 2026-03-04 it fails'],
            ['a time and a price', 'at 10:30 it cost $1,299.00'],
            ['a version number', 'update to 1.2.3.4'],
            ['an SSN with a never-issued area', '000-12-3456 and 666-12-3456'],
            ['an @handle', 'thanks @ana_ruiz'],
            ['a short plus number', '+5 points for you'],
            ['a URL', 'see https://example.com/help/123456'],
            ['an NI-shaped word with a not-allocated prefix', 'GB123456A']
        ])('%s', (_name, text) => {
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
