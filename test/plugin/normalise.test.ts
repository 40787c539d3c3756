// Each normalisation a rule can ask for, table-driven, on the identity side and the record side alike.
import { describe, expect, it } from '@jest/globals';
import {
  normalise,
  normaliseEmail,
  phoneToE164,
  profileUrlToHandle,
  type Normalisation,
} from '../../plugin/src/mappings/normalise.js';

describe('normalise', () => {
  const cases: Array<
    [string, string | undefined, Normalisation[], string | undefined, { defaultCountryCode?: string }?]
  > = [
    ['trims whatever the steps', '  ana@example.com ', [], 'ana@example.com'],
    ['empty text takes no part in matching', '   ', [], undefined],
    ['an absent value stays absent', undefined, ['lowercase'], undefined],
    ['lowercase', 'Ana.Ruiz@Example.COM', ['lowercase'], 'ana.ruiz@example.com'],
    ['lowercase handles non-ASCII', 'ÁNGELA', ['lowercase'], 'ángela'],
    ['NFC: a decomposed accent equals the composed one', 'Jose\u0301', [], 'José'],
    ['strip-at removes one leading @', '@ana_ruiz', ['strip-at'], 'ana_ruiz'],
    ['strip-at removes repeated @', '@@ana', ['strip-at'], 'ana'],
    ['strip-at leaves an @ inside', 'ana@example.com', ['strip-at'], 'ana@example.com'],
    ['profile-url: X', 'https://x.com/ana_ruiz', ['profile-url'], 'ana_ruiz'],
    ['profile-url: query and trailing slash', 'https://x.com/ana_ruiz/?ref=abc', ['profile-url'], 'ana_ruiz'],
    ['profile-url: LinkedIn /in/', 'https://www.linkedin.com/in/ana-ruiz/', ['profile-url'], 'ana-ruiz'],
    ['profile-url: YouTube @handle', 'https://www.youtube.com/@AnaRuiz', ['profile-url'], 'AnaRuiz'],
    ['profile-url: reddit /user/', 'https://www.reddit.com/user/ana_r', ['profile-url'], 'ana_r'],
    ['profile-url: without scheme', 'www.instagram.com/priya.codes/', ['profile-url'], 'priya.codes'],
    ['profile-url: a plain handle is kept', 'ana_ruiz', ['profile-url'], 'ana_ruiz'],
    [
      'profile-url then lowercase, whatever the listed order',
      'https://x.com/Ana_Ruiz',
      ['lowercase', 'profile-url'],
      'ana_ruiz',
    ],
    ['profile-url with strip-at and lowercase', '@Ana_Ruiz', ['profile-url', 'strip-at', 'lowercase'], 'ana_ruiz'],
    ['email-plus', 'ana+social@example.com', ['email-plus'], 'ana@example.com'],
    ['email-plus keeps a leading +', '+ana@example.com', ['email-plus'], '+ana@example.com'],
    ['email-dots only in the local part', 'a.n.a@mail.example.com', ['email-dots'], 'ana@mail.example.com'],
    [
      'email-plus and dots with lowercase',
      'Ana.Ruiz+News@Example.com',
      ['lowercase', 'email-plus', 'email-dots'],
      'anaruiz@example.com',
    ],
    ['email steps leave a non-email alone', 'not.an.email', ['email-dots'], 'not.an.email'],
    ['phone-e164 with +', '+1 (415) 555-0101', ['phone-e164'], '+14155550101'],
    ['phone-e164 with 00', '0044 20 7946 0958', ['phone-e164'], '+442079460958'],
    [
      'phone-e164 national with default code',
      '(415) 555-0101',
      ['phone-e164'],
      '+14155550101',
      { defaultCountryCode: '+1' },
    ],
    // The numbering plans are libphonenumber's (Google's): the UK trunk prefix 0 is dropped, Italy has
    // none and its numbers keep their leading 0 (ITU-T E.164 national plans; Italy's: AGCOM numbering
    // plan, fixed-line numbers begin with 0).
    [
      'phone-e164 drops the UK trunk 0',
      '020 7946 0958',
      ['phone-e164'],
      '+442079460958',
      { defaultCountryCode: '+44' },
    ],
    ['phone-e164 keeps the Italian 0', '06 1234 5678', ['phone-e164'], '+390612345678', { defaultCountryCode: '+39' }],
    ['phone-e164 Italian number written with +39', '+39 06 1234 5678', ['phone-e164'], '+390612345678'],
    ['phone-e164 Italian mobile', '333 123 4567', ['phone-e164'], '+393331234567', { defaultCountryCode: '+39' }],
    [
      'phone-e164 drops the French trunk 0',
      '06 12 34 56 78',
      ['phone-e164'],
      '+33612345678',
      { defaultCountryCode: '+33' },
    ],
    [
      'phone-e164 own code wins over the default',
      '+44 20 7946 0958',
      ['phone-e164'],
      '+442079460958',
      { defaultCountryCode: '+39' },
    ],
    ['phone-e164 rejects a length no number has', '555 01', ['phone-e164'], undefined, { defaultCountryCode: '+1' }],
    ['phone-e164 national without default code does not match', '(415) 555-0101', ['phone-e164'], undefined],
    ['phone-e164 rejects letters and extensions', '+1 415 555 0101 ext 2', ['phone-e164'], undefined],
    ['phone-e164 rejects too few digits', '+1 555', ['phone-e164'], undefined],
    ['phone-e164 rejects more than 15 digits', '+1234567890123456', ['phone-e164'], undefined],
  ];

  it.each(cases)('%s', (...[, input, steps, expected, options]) => {
    expect(normalise(input, steps, options)).toBe(expected);
  });

  it('exposes the single steps for reuse', () => {
    expect(profileUrlToHandle('https://x.com/')).toBe('https://x.com/');
    expect(normaliseEmail('ana+x@example.com', true, false)).toBe('ana@example.com');
    // Not an e-mail address (no local part, two "@"): left as it is, never half-normalised.
    expect(normaliseEmail('+x@example.com', true, true)).toBe('+x@example.com');
    expect(normaliseEmail('a.n+a@b@example.com', true, true)).toBe('a.n+a@b@example.com');
    expect(phoneToE164('+1.415.555.0101')).toBe('+14155550101');
  });
});
