// What a rule's record field means, where the mapping can know it without an org: the standard e-mail
// and phone fields of Contact and Lead. An e-mail field holds addresses Salesforce treats as
// case-insensitive (its uniqueness and duplicate rules ignore case, and SOQL compares text without
// case), so a rule on one compares without case whatever its `normalise` says: a rule written without
// `lowercase` would otherwise miss `Ada@Example.com` against `ada@example.com`, silently. A phone field
// holds free-form text, so only phone-e164 makes two spellings of one number meet. Pure, no I/O.
import type { Rule } from './mappingFile/schema.js';
import type { Normalisation } from './normalise.js';

export type FieldKind = 'email' | 'phone';

/**
 * Standard fields by type, from the Contact and Lead objects of the Salesforce Object Reference
 * (Email: type email; Phone, MobilePhone, HomePhone, OtherPhone, AssistantPhone, Fax: type phone).
 * Custom fields are not listed: their type is only known to the org.
 */
const STANDARD_FIELDS: Record<string, FieldKind> = {
  'contact.email': 'email',
  'lead.email': 'email',
  'contact.phone': 'phone',
  'contact.mobilephone': 'phone',
  'contact.homephone': 'phone',
  'contact.otherphone': 'phone',
  'contact.assistantphone': 'phone',
  'contact.fax': 'phone',
  'lead.phone': 'phone',
  'lead.mobilephone': 'phone',
  'lead.fax': 'phone',
};

/** The kind of a rule's record field (`Contact.Email` -> email), or undefined when not a known one. */
export function fieldKind(record: string): FieldKind | undefined {
  return STANDARD_FIELDS[record.toLowerCase()];
}

/** Each rule's effective normalisations, worked out once: a deploy asks for every identity and record. */
const effective = new WeakMap<Pick<Rule, 'record' | 'normalise'>, readonly Normalisation[]>();

/** The normalisations a rule is compared with: its own, plus lowercase on an e-mail field. */
export function effectiveNormalisation(rule: Pick<Rule, 'record' | 'normalise'>): readonly Normalisation[] {
  let steps = effective.get(rule);
  if (steps === undefined) {
    steps =
      fieldKind(rule.record) === 'email' && !rule.normalise.includes('lowercase')
        ? [...rule.normalise, 'lowercase']
        : rule.normalise;
    effective.set(rule, steps);
  }
  return steps;
}

/** Normalisations that turn every value of a field of this kind into something no identity value can equal. */
const CANNOT_MATCH: Record<FieldKind, ReadonlySet<Normalisation>> = {
  email: new Set(['phone-e164', 'profile-url', 'strip-at']),
  phone: new Set(['email-plus', 'email-dots', 'profile-url', 'strip-at']),
};

/** Where a rule's normalisation and its field's meaning do not fit, in words for `validate` to warn with. */
export function semanticWarnings(rule: Pick<Rule, 'name' | 'record' | 'normalise'>): string[] {
  const kind = fieldKind(rule.record);
  if (kind === undefined) return [];
  const warnings: string[] = [];
  const misfits = rule.normalise.filter((step) => CANNOT_MATCH[kind].has(step));
  if (misfits.length > 0) {
    warnings.push(
      `rule ${rule.name}: ${rule.record} is ${kind === 'email' ? 'an e-mail' : 'a phone'} field, and ${misfits.join(', ')} cannot give the same value for it as for an identity; remove ${misfits.length === 1 ? 'it' : 'them'} or point the rule at another field`,
    );
  }
  if (kind === 'email' && !rule.normalise.includes('lowercase')) {
    warnings.push(
      `rule ${rule.name}: ${rule.record} is an e-mail field, so it is compared without regard to case although normalise has no lowercase (Salesforce treats e-mail addresses case-insensitively); add lowercase to say so`,
    );
  }
  if (kind === 'phone' && !rule.normalise.includes('phone-e164')) {
    warnings.push(
      `rule ${rule.name}: ${rule.record} is a phone field, which the org stores as typed ("(415) 555-0199"); without phone-e164 only numbers written exactly alike match: add phone-e164`,
    );
  }
  return warnings;
}
