// The per-record decision of `sf social mappings undo`, table-driven: revert only what still holds
// what the deploy wrote, leave what changed since, and treat what is already undone as unchanged.
import { describe, expect, it } from '@jest/globals';
import { decideUndo, sameFieldValue, type DeployedWrite } from '../../plugin/src/mappings/undo/decide.js';

const ANA = '003000000000001AAA';
const BOB = '003000000000002AAA';

const relink: DeployedWrite = {
  kind: 'identity',
  key: 'x:1',
  id: 'a0B000000000001AAA',
  created: false,
  after: { Contact__c: BOB, Matched_By_Rule__c: 'same-email' },
  before: { Contact__c: ANA, Matched_By_Rule__c: 'old-rule' },
};
const created: DeployedWrite = {
  kind: 'identity',
  key: 'x:2',
  id: 'a0B000000000002AAA',
  created: true,
  after: { Name: '@two (x)', Contact__c: ANA, Link_Status__c: 'Linked', Link_Source__c: 'Mapping' },
};
const unlinkedNow = { Name: '@two (x)', Contact__c: null, Link_Status__c: 'Unlinked', Link_Source__c: null };

describe('decideUndo', () => {
  it.each<[string, DeployedWrite, Record<string, unknown> | undefined, boolean, string]>([
    [
      'a relink still as deployed is restored',
      relink,
      { Contact__c: BOB.slice(0, 15), Matched_By_Rule__c: 'same-email' },
      false,
      'restored',
    ],
    [
      'a relink already set back is unchanged',
      relink,
      { Contact__c: ANA, Matched_By_Rule__c: 'old-rule' },
      false,
      'unchanged',
    ],
    [
      'a relink a rep changed is left alone',
      relink,
      { Contact__c: ANA, Matched_By_Rule__c: 'same-email' },
      false,
      'changedSince',
    ],
    ['a record deleted since is left alone', relink, undefined, false, 'changedSince'],
    ['a created identity is unlinked', created, { ...created.after }, false, 'unlinked'],
    ['a created identity is deleted with --delete-created', created, { ...created.after }, true, 'deleted'],
    ['a created identity undo already unlinked is unchanged', created, unlinkedNow, false, 'unchanged'],
    ['… and deleted by a later undo with --delete-created', created, unlinkedNow, true, 'deleted'],
    ['a created identity already deleted is unchanged', created, undefined, true, 'unchanged'],
    [
      'a created identity a rep renamed is left alone',
      created,
      { ...created.after, Name: 'Renamed' },
      true,
      'changedSince',
    ],
  ])('%s', (_name, write, current, deleteCreated, outcome) => {
    expect(decideUndo(write, current, { deleteCreated }).outcome).toBe(outcome);
  });

  it('restores the values from before the deploy, and names the field a rep changed', () => {
    expect(decideUndo(relink, { ...relink.after }, { deleteCreated: false })).toMatchObject({
      fields: { Contact__c: ANA, Matched_By_Rule__c: 'old-rule' },
    });
    expect(
      decideUndo(relink, { Contact__c: ANA, Matched_By_Rule__c: 'same-email' }, { deleteCreated: false }).reason,
    ).toBe(`Contact__c is "${ANA}" now, the deploy set "${BOB}": changed since the deploy, left as it is`);
  });

  it('says when a rep filled a field the deploy cleared', () => {
    const cleared: DeployedWrite = {
      kind: 'channel',
      key: 'x',
      id: 'a01000000000001AAA',
      created: false,
      after: { Post_URL_Template__c: null },
      before: { Post_URL_Template__c: 'https://x.com/{handle}/status/{postId}' },
    };
    expect(
      decideUndo(cleared, { Post_URL_Template__c: 'https://x.com/i/{postId}' }, { deleteCreated: false }).reason,
    ).toBe(
      'Post_URL_Template__c is "https://x.com/i/{postId}" now, the deploy cleared it: changed since the deploy, left as it is',
    );
  });

  it.each([
    ['2026-12-01T10:00:00.000Z', '2026-12-01T10:00:00.000+0000', true],
    ['2026-12-01T10:00:00.000Z', '2026-12-01T11:00:00.000+0100', true],
    ['2026-12-01T10:00:00.000Z', '2026-12-01T10:00:01.000+0000', false],
    [280, '280', true],
    [false, 'false', true],
    [null, '', true],
  ])('%j and %j are the same value: %s', (a, b, same) => {
    expect(sameFieldValue(a, b)).toBe(same);
  });
});
