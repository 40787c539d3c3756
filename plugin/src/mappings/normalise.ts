// The normalisations a matching rule can ask for, applied to the identity's attribute and to the
// record's field alike, so both sides are compared in the same canonical form.
// Pure functions, no I/O: table-driven tests in test/plugin/normalise.test.ts.
import { createRequire } from 'node:module';
import { parsePhoneNumberFromString, type MetadataJson } from 'libphonenumber-js/core';

// The numbering plans as JSON, loaded once (the "min" set: enough to parse and to check lengths).
const PHONE_METADATA = createRequire(import.meta.url)('libphonenumber-js/metadata.min.json') as MetadataJson;

export const NORMALISATIONS = [
  'lowercase',
  'strip-at',
  'profile-url',
  'email-plus',
  'email-dots',
  'phone-e164',
] as const;
export type Normalisation = (typeof NORMALISATIONS)[number];

export interface NormaliseOptions {
  /** Calling code for phone numbers written without one, e.g. "+1" or "+44"; none means such numbers do not match. */
  defaultCountryCode?: string;
}

/**
 * Applies the rule's normalisations in one fixed order (profile URL, @, case, email, phone), whatever
 * order the admin listed them in, so that `[lowercase, profile-url]` and `[profile-url, lowercase]`
 * cannot mean different things. Surrounding whitespace is always trimmed.
 * Returns undefined when the value cannot take part in a match (empty, or not a phone number).
 */
export function normalise(
  value: string | undefined,
  steps: readonly Normalisation[],
  options: NormaliseOptions = {},
): string | undefined {
  if (value === undefined) return undefined;
  let text = value.normalize('NFC').trim();
  const wants = stepSet(steps);
  if (wants.has('profile-url')) text = profileUrlToHandle(text);
  if (wants.has('strip-at')) text = text.replace(/^@+/, '');
  if (wants.has('lowercase')) text = text.toLowerCase();
  if (wants.has('email-plus') || wants.has('email-dots')) {
    text = normaliseEmail(text, wants.has('email-plus'), wants.has('email-dots'));
  }
  if (wants.has('phone-e164')) {
    const phone = phoneToE164(text, options.defaultCountryCode);
    if (phone === undefined) return undefined;
    text = phone;
  }
  return text === '' ? undefined : text;
}

/** The steps of each list as a set, made once per list (a deploy normalises every identity and record). */
const stepSets = new WeakMap<readonly Normalisation[], ReadonlySet<Normalisation>>();

function stepSet(steps: readonly Normalisation[]): ReadonlySet<Normalisation> {
  let set = stepSets.get(steps);
  if (set === undefined) {
    set = new Set(steps);
    stepSets.set(steps, set);
  }
  return set;
}

/** Path segments that name a kind of page rather than the account (linkedin.com/in/x, youtube.com/c/x, reddit.com/user/x). */
const PROFILE_PATH_PREFIXES = new Set(['in', 'user', 'u', 'c', 'channel', 'company', 'people', 'profile', 'pub']);

/**
 * "https://x.com/ana_ruiz?ref=1" -> "ana_ruiz"; "https://www.linkedin.com/in/ana-ruiz/" -> "ana-ruiz";
 * "https://www.youtube.com/@AnaRuiz" -> "AnaRuiz" (the @ is part of YouTube's URL, not of the handle).
 * A value that is not an http(s) URL is returned unchanged, so a column mixing handles and URLs works.
 */
export function profileUrlToHandle(value: string): string {
  const withScheme = /^www\./i.test(value) ? `https://${value}` : value;
  if (!/^https?:\/\//i.test(withScheme)) return value;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return value;
  }
  const segments = url.pathname
    .split('/')
    .filter((segment) => segment !== '')
    .map((segment) => safeDecode(segment));
  while (segments.length > 1 && PROFILE_PATH_PREFIXES.has(segments[0]!.toLowerCase())) segments.shift();
  const first = segments[0];
  if (first === undefined) return value;
  return first.replace(/^@/, '');
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * Plus-addressing ("ana+news@example.com" -> "ana@example.com") and dots in the local part
 * ("a.n.a@example.com" -> "ana@example.com"). Only the local part changes: domains differ by dots.
 * A value without exactly one "@" is not an email and is returned unchanged.
 */
export function normaliseEmail(value: string, stripPlus: boolean, stripDots: boolean): string {
  const at = value.lastIndexOf('@');
  if (at <= 0 || value.indexOf('@') !== at) return value;
  let local = value.slice(0, at);
  const domain = value.slice(at + 1);
  if (stripPlus) {
    const plus = local.indexOf('+');
    if (plus > 0) local = local.slice(0, plus);
  }
  if (stripDots) local = local.replaceAll('.', '');
  return `${local}@${domain}`;
}

/**
 * A phone number in E.164, read with libphonenumber-js (Google's numbering plans, kept up to date) so
 * that each country's own rule for its trunk prefix applies: "020 7946 0958" with "+44" drops the UK
 * trunk 0 -> "+442079460958", while "06 1234 5678" with "+39" keeps it, because in Italy the 0 is part
 * of the number -> "+390612345678". "+1 (415) 555-0101" and "0044 20 7946 0958" carry their own code;
 * a national number without a defaultCountryCode, letters, an extension, or a length no number of that
 * country can have give undefined: a number that cannot be read is never guessed at.
 */
export function phoneToE164(value: string, defaultCountryCode?: string): string | undefined {
  const compact = value.replace(/[\s().\-\u00a0]/g, '');
  if (!/^\+?\d+$/.test(compact)) return undefined;
  // "00" is the international prefix of most countries: the calling code follows.
  const international = compact.startsWith('00') ? `+${compact.slice(2)}` : compact;
  if (!international.startsWith('+') && defaultCountryCode === undefined) return undefined;
  const parsed = parsePhoneNumberFromString(
    international,
    defaultCountryCode ? { defaultCallingCode: defaultCountryCode.replace(/^\+/, '') } : {},
    PHONE_METADATA,
  );
  if (parsed === undefined || !parsed.isPossible()) return undefined;
  return parsed.number;
}
