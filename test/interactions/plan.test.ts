// Planning one interaction's write against what the org holds: created with thread and status,
// unchanged on a second import, an edit updates the body and keeps the thread and the rep's status,
// a deletion clears the body, and a deleted post is not restored by an older export.
import { describe, expect, it } from '@jest/globals';
import type { Interaction } from '../../plugin/src/interactions/interaction.js';
import { planInteraction, sameValue, type ExistingInteraction } from '../../plugin/src/interactions/plan.js';

const interaction = (extra: Partial<Interaction> = {}): Interaction => ({
  externalId: 'x:1',
  network: 'x',
  postId: '1',
  identity: {
    externalId: 'x:42',
    network: 'x',
    userId: '42',
    row: { origin: { source: 'import', file: 'a.ndjson', line: 1 }, values: {} },
  },
  direction: 'Inbound',
  visibility: 'Public',
  kind: 'Post',
  body: 'Where is my order?',
  postedAt: '2026-11-20T09:00:00.000Z',
  postedAtMs: Date.parse('2026-11-20T09:00:00.000Z'),
  intent: 'Question',
  deleted: false,
  origin: { source: 'import', file: 'a.ndjson', line: 1 },
  values: {},
  warnings: [],
  ...extra,
});

const link = { identityId: 'a01000000000001AAA', contactId: '003000000000001AAA', accountId: '001000000000001AAA' };

/** What the org returns for the record created from interaction(): REST date-time format, 18-char ids. */
const stored: ExistingInteraction = {
  Id: 'a02000000000001AAA',
  External_Id__c: 'x:1',
  Identity__c: 'a01000000000001AAA',
  Contact__c: '003000000000001AAA',
  Lead__c: null,
  Account__c: '001000000000001AAA',
  Network__c: 'x',
  Direction__c: 'Inbound',
  Visibility__c: 'Public',
  Kind__c: 'Post',
  Body__c: 'Where is my order?',
  Posted_At__c: '2026-11-20T09:00:00.000+0000',
  Thread_Key__c: 'x:1',
  Intent__c: 'Question',
  Status__c: 'Closed',
  Deleted_On_Network__c: false,
};

describe('planInteraction', () => {
  it('creates a new interaction with its thread, status and due time', () => {
    const write = planInteraction({
      interaction: interaction(),
      link,
      thread: { threadKey: 'x:1', rule: 'root' },
      status: { status: 'Needs_Response', responseDueAt: '2026-11-20T10:00:00.000Z' },
    });
    expect(write).toEqual({
      outcome: 'created',
      fields: {
        Network__c: 'x',
        Direction__c: 'Inbound',
        Visibility__c: 'Public',
        Kind__c: 'Post',
        Identity__c: link.identityId,
        Contact__c: link.contactId,
        Account__c: link.accountId,
        Posted_At__c: '2026-11-20T09:00:00.000Z',
        Body__c: 'Where is my order?',
        Intent__c: 'Question',
        Thread_Key__c: 'x:1',
        Status__c: 'Needs_Response',
        Response_Due_At__c: '2026-11-20T10:00:00.000Z',
      },
    });
  });

  it('changes nothing when the org already holds the same post (second import)', () => {
    expect(
      planInteraction({
        interaction: interaction(),
        existing: stored,
        link,
        thread: { threadKey: 'x:other', rule: 'reply' },
      }),
    ).toEqual({
      outcome: 'unchanged',
    });
  });

  it('an edit updates the body and edit time, keeps the thread and the status a rep set', () => {
    const write = planInteraction({
      interaction: interaction({ body: 'Where is my order? (edited: found it)', editedAt: '2026-11-20T09:05:00.000Z' }),
      existing: stored,
      link,
      thread: { threadKey: 'x:elsewhere', rule: 'reply' },
      status: { status: 'Needs_Response' },
    });
    expect(write).toEqual({
      outcome: 'updated',
      fields: { Body__c: 'Where is my order? (edited: found it)', Edited_At__c: '2026-11-20T09:05:00.000Z' },
      reason: 'changed: Body__c, Edited_At__c',
    });
  });

  it('a deletion marks the post and clears its body', () => {
    const write = planInteraction({
      interaction: interaction({ deleted: true, body: undefined }),
      existing: stored,
      link,
    });
    expect(write).toEqual({
      outcome: 'deleted',
      fields: { Deleted_On_Network__c: true, Body__c: null },
      reason: 'deleted on the network: body cleared',
    });
  });

  it('a deletion already recorded changes nothing', () => {
    const deleted = { ...stored, Body__c: null, Deleted_On_Network__c: true };
    expect(
      planInteraction({ interaction: interaction({ deleted: true, body: undefined }), existing: deleted, link }),
    ).toEqual({
      outcome: 'unchanged',
    });
  });

  it('an older export does not bring a deleted post back', () => {
    const deleted = { ...stored, Body__c: null, Deleted_On_Network__c: true };
    expect(planInteraction({ interaction: interaction(), existing: deleted, link }).outcome).toBe('unchanged');
  });

  it('a bare deletion notice for a post never imported stores nothing', () => {
    const notice = interaction({ deleted: true, body: undefined, postedAt: undefined, identity: undefined });
    expect(planInteraction({ interaction: notice, link: {} })).toEqual({
      outcome: 'unchanged',
      reason: 'deleted on the network before it was imported: nothing to store',
    });
  });

  it('follows the identity when its link is removed: the interaction leaves the Contact', () => {
    const write = planInteraction({
      interaction: interaction(),
      existing: stored,
      link: { identityId: link.identityId },
    });
    expect(write.fields).toEqual({ Contact__c: null, Account__c: null });
  });

  it('marks imported outbound messages as sent', () => {
    const write = planInteraction({
      interaction: interaction({ direction: 'Outbound', intent: undefined }),
      link,
      status: { status: 'Responded', reason: 'sent by the company' },
    });
    expect(write.fields).toMatchObject({
      Delivery_Status__c: 'Sent',
      Status__c: 'Responded',
      Status_Reason__c: 'Import: sent by the company',
    });
  });
});

describe('sameValue', () => {
  it.each([
    ['2026-11-20T09:00:00.000Z', '2026-11-20T09:00:00.000+0000', true],
    ['2026-11-20T10:00:00.000+01:00', '2026-11-20T09:00:00.000Z', true],
    ['003000000000001', '003000000000001AAA', true],
    [true, false, false],
    [true, 'true', true],
    [null, '', true],
    ['a', null, false],
    ['Body', 'body', false],
  ])('%j vs %j -> %s', (a, b, expected) => {
    expect(sameValue(a, b)).toBe(expected);
  });
});
