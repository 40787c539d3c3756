// What a rule's record field means for matching: e-mail fields compare without case whatever the
// rule's normalise says, and validate warns where a normalisation cannot fit the field.
// Field types from the Salesforce Object Reference (Contact, Lead: Email is type email; Phone,
// MobilePhone, HomePhone, OtherPhone, AssistantPhone, Fax are type phone), and the case-insensitive
// treatment of e-mail from the same reference ("Email ... Case-insensitive" in duplicate matching and
// SOQL's case-insensitive text comparison).
import { describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import Validate from '../../plugin/src/commands/social/mappings/validate.js';
import { effectiveNormalisation, fieldKind, semanticWarnings } from '../../plugin/src/mappings/fieldSemantics.js';
import type { Normalisation } from '../../plugin/src/mappings/normalise.js';
import { runInProcess } from '../support/inProcessCommand.js';
import { mappingYaml, writeFixture } from './fixtures.js';

describe('field semantics', () => {
  it.each([
    ['Contact.Email', 'email'],
    ['lead.email', 'email'],
    ['Contact.MobilePhone', 'phone'],
    ['Lead.Phone', 'phone'],
    ['Contact.LastName', undefined],
    ['Contact.Work_Email__c', undefined],
  ])('%s is %s', (record, kind) => {
    expect(fieldKind(record)).toBe(kind);
  });

  it.each<[string, Normalisation[], Normalisation[]]>([
    ['Contact.Email', [], ['lowercase']],
    ['Contact.Email', ['email-plus'], ['email-plus', 'lowercase']],
    ['Contact.Email', ['lowercase'], ['lowercase']],
    ['Contact.LastName', [], []],
    ['Contact.MobilePhone', ['phone-e164'], ['phone-e164']],
  ])('a rule on %s with %j compares with %j', (record, normalise, expected) => {
    expect(effectiveNormalisation({ record, normalise })).toEqual(expected);
  });

  it.each<[string, Normalisation[], RegExp[]]>([
    ['Contact.Email', ['lowercase'], []],
    ['Contact.Email', [], [/without regard to case.*add lowercase/]],
    ['Contact.Email', ['lowercase', 'phone-e164'], [/phone-e164 cannot give the same value/]],
    ['Lead.Email', ['lowercase', 'strip-at', 'profile-url'], [/strip-at, profile-url cannot/]],
    ['Contact.MobilePhone', ['phone-e164'], []],
    ['Contact.MobilePhone', [], [/add phone-e164/]],
    ['Contact.Phone', ['phone-e164', 'email-plus'], [/email-plus cannot/]],
    ['Contact.LastName', ['strip-at'], []],
  ])('validate on %s with %j warns %j', (record, normalise, expected) => {
    const warnings = semanticWarnings({ name: 'r', record, normalise });
    expect(warnings).toHaveLength(expected.length);
    expected.forEach((pattern, index) => expect(warnings[index]).toMatch(pattern));
  });

  it('validate reports the warnings at the rule, and the file stays valid', async () => {
    const dir = await writeFixture({
      'mapping.yaml': mappingYaml({
        rules:
          'rules:\n  - name: by-email\n    identity: email\n    record: Contact.Email\n    normalise: [strip-at]\n    action: link',
        sources:
          'sources:\n  - name: export\n    file: export.csv\n    network: x\n    columns: { userId: Id, email: Email }',
      }),
      'export.csv': 'Id,Email\n1,a@example.com\n',
    });
    const { result, json } = await runInProcess(Validate, ['--file', join(dir, 'mapping.yaml'), '--json']);
    expect(json).toMatchObject({ status: 0 });
    expect(result?.valid).toBe(true);
    expect(result?.warnings).toEqual([
      expect.objectContaining({ line: 13, message: expect.stringMatching(/rule by-email: Contact.Email.*strip-at/) }),
      expect.objectContaining({ line: 13, message: expect.stringContaining('add lowercase') }),
    ]);
    // Without --json the warnings are printed, each at its file:line:column.
    const shown = await runInProcess(Validate, ['--file', join(dir, 'mapping.yaml')]);
    expect(shown.printed).toMatch(
      /mapping\.yaml:13:\d+: rule by-email: Contact\.Email is an e-mail field, and strip-at/,
    );
    expect(shown.printed).toContain('is valid');
  });
});
