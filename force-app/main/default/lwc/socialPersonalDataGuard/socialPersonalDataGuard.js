// Finds personal data in text a rep is about to post publicly: payment card numbers (Luhn),
// IBANs (mod-97 checksum), bank account numbers named as such, US SSNs, UK National Insurance
// numbers, email addresses and phone numbers. Pure: the composer decides what to do with findings.

export const PERSONAL_DATA_KIND = Object.freeze({
    CARD: 'card',
    IBAN: 'iban',
    BANK_ACCOUNT: 'bank_account',
    US_SSN: 'us_ssn',
    UK_NINO: 'uk_nino',
    EMAIL: 'email',
    PHONE: 'phone'
});

const digitsOf = (text) => text.replace(/\D/g, '');

/** Luhn check: the checksum every payment card number carries. */
export function passesLuhn(digits) {
    let sum = 0;
    let double = false;
    for (let index = digits.length - 1; index >= 0; index--) {
        let digit = Number(digits[index]);
        if (double) {
            digit *= 2;
            if (digit > 9) {
                digit -= 9;
            }
        }
        sum += digit;
        double = !double;
    }
    return digits.length > 0 && sum % 10 === 0;
}

/** ISO 13616 check: move the first four characters to the end, letters to numbers, mod 97 = 1. */
export function passesIbanChecksum(iban) {
    const compact = iban.replace(/\s/g, '').toUpperCase();
    if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(compact)) {
        return false;
    }
    const rearranged = compact.slice(4) + compact.slice(0, 4);
    let remainder = 0;
    for (const char of rearranged) {
        const value = /\d/.test(char) ? char : String(char.charCodeAt(0) - 55);
        for (const digit of value) {
            remainder = (remainder * 10 + Number(digit)) % 97;
        }
    }
    return remainder === 1;
}

// Each detector: a global regex and a check of the candidate. Order is priority: where two
// findings overlap, the earlier detector wins (a card number is not also reported as a phone).
const DETECTORS = [
    {
        kind: PERSONAL_DATA_KIND.CARD,
        // 13 to 19 digits, optionally grouped by single spaces or dashes; no issuer number starts with 0.
        pattern: /(?<![\d+-])[1-9](?:[ -]?\d){12,18}(?!\d)/g,
        accept: (match) => passesLuhn(digitsOf(match))
    },
    {
        kind: PERSONAL_DATA_KIND.IBAN,
        pattern: /\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?\b/gi,
        accept: (match) => passesIbanChecksum(match)
    },
    {
        kind: PERSONAL_DATA_KIND.US_SSN,
        // Area 000, 666 and 9xx, group 00 and serial 0000 are never issued.
        pattern: /(?<![\d-])(?!000|666|9\d\d)\d{3}([- ])(?!00)\d{2}\1(?!0000)\d{4}(?![\d-])/g,
        accept: () => true
    },
    {
        kind: PERSONAL_DATA_KIND.UK_NINO,
        // Two prefix letters (D, F, I, Q, U, V never; O not second; BG GB NK KN TN NT ZZ not allocated).
        pattern: /\b(?!BG|GB|NK|KN|TN|NT|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b/gi,
        accept: () => true
    },
    {
        kind: PERSONAL_DATA_KIND.EMAIL,
        pattern: /[A-Z0-9._%+-]+@[A-Z0-9-]+(?:\.[A-Z0-9-]+)*\.[A-Z]{2,}/gi,
        accept: () => true
    },
    {
        kind: PERSONAL_DATA_KIND.BANK_ACCOUNT,
        // A long number is only an account number when the text says so: order and tracking
        // numbers look the same and are fine to repeat in public.
        pattern:
            /\b(?:bank|account|acct|a\/c|routing|sort code|konto|cuenta|compte)\b[^\d\n]{0,25}(\d(?:[ -]?\d){5,33})/gi,
        group: 1,
        accept: (match) => digitsOf(match).length >= 6
    },
    {
        kind: PERSONAL_DATA_KIND.PHONE,
        // International (+ or 00 then country code) or national (leading 0, or (area) / 3-3-4).
        pattern: /(?<![\w+])(?:\+|00)?\(?\d[\d().\- ]{5,}\d(?![\d])/g,
        accept: (match) => {
            const digits = digitsOf(match).length;
            if (match.startsWith('+')) {
                return digits >= 8 && digits <= 15;
            }
            if (/^00[1-9]/.test(match)) {
                // 00 is the international dialling prefix, not part of the number.
                return digits - 2 >= 8 && digits - 2 <= 15;
            }
            if (/^\(\d{2,4}\) ?\d/.test(match) || /^0\d/.test(match)) {
                return digits >= 10 && digits <= 12 && /[ ().-]/.test(match);
            }
            return /^\d{3}[-. ]\d{3}[-. ]\d{4}$/.test(match.trim());
        }
    }
];

/**
 * @param {string} text what the rep typed
 * @returns {{kind: string, text: string, start: number, end: number}[]} findings in text order
 */
export function findPersonalData(text) {
    if (typeof text !== 'string' || !text) {
        return [];
    }
    const findings = [];
    const overlaps = (start, end) => findings.some((found) => start < found.end && end > found.start);
    DETECTORS.forEach((detector) => {
        for (const match of text.matchAll(detector.pattern)) {
            const value = (detector.group ? match[detector.group] : match[0]).trim();
            const start = match.index + match[0].indexOf(value);
            const end = start + value.length;
            if (detector.accept(value) && !overlaps(start, end)) {
                findings.push({ kind: detector.kind, text: value, start, end });
            }
        }
    });
    return findings.sort((a, b) => a.start - b.start);
}

/** The finding as the rep may see it on screen: enough to find it in the text, not the whole value. */
export function maskedText(finding) {
    const value = finding.text;
    if (finding.kind === PERSONAL_DATA_KIND.EMAIL) {
        const [local, domain] = value.split('@');
        return `${local.slice(0, 1)}…@${domain}`;
    }
    const visible = value.replace(/[\s-]/g, '').slice(-4);
    return `…${visible}`;
}
