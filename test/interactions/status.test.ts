// Initial status and response due time (the channel's SLA), and first responses found in the same
// thread, table-driven.
import { describe, expect, it } from '@jest/globals';
import { firstResponses, initialStatus, type StatusInput } from '../../plugin/src/interactions/status.js';

const POSTED = Date.parse('2026-11-20T09:00:00Z');
const input = (extra: Partial<StatusInput>): StatusInput => ({
  direction: 'Inbound',
  visibility: 'Public',
  deleted: false,
  postedAtMs: POSTED,
  ...extra,
});

describe('initialStatus', () => {
  it.each([
    [
      'public question, SLA 60',
      input({ intent: 'Question' }),
      60,
      { status: 'Needs_Response', responseDueAt: '2026-11-20T10:00:00.000Z' },
    ],
    [
      'public complaint, SLA 240',
      input({ intent: 'Complaint' }),
      240,
      { status: 'Needs_Response', responseDueAt: '2026-11-20T13:00:00.000Z' },
    ],
    ['public complaint, channel without SLA', input({ intent: 'Complaint' }), undefined, { status: 'Needs_Response' }],
    // A channel set to 0 minutes has no SLA: a due time of "when it was posted" would be overdue at once.
    ['public complaint, channel SLA 0', input({ intent: 'Complaint' }), 0, { status: 'Needs_Response' }],
    ['public praise', input({ intent: 'Praise' }), 60, { status: 'New' }],
    ['public post without intent', input({}), 60, { status: 'New' }],
    [
      'private question (a DM is not waiting in public)',
      input({ intent: 'Question', visibility: 'Private' }),
      60,
      { status: 'New' },
    ],
    [
      'outbound reply',
      input({ direction: 'Outbound', intent: 'Question' }),
      60,
      { status: 'Responded', reason: 'sent by the company' },
    ],
    [
      'deleted complaint',
      input({ intent: 'Complaint', deleted: true }),
      60,
      { status: 'Closed', reason: 'deleted on the network' },
    ],
  ])('%s', (_name, statusInput, sla, expected) => {
    expect(initialStatus(statusInput, sla)).toEqual(expected);
  });

  it('a question answered in the same file starts as Responded, keeping its due time', () => {
    const answer = POSTED + 25 * 60_000;
    expect(initialStatus(input({ intent: 'Question' }), 60, answer)).toEqual({
      status: 'Responded',
      responseDueAt: '2026-11-20T10:00:00.000Z',
      firstResponseAt: '2026-11-20T09:25:00.000Z',
      reason: 'answered in the same thread by the company (seen on import)',
    });
  });
});

it('a private message answered in the same file is Responded too, without a due time', () => {
  expect(initialStatus(input({ visibility: 'Private', intent: 'Question' }), 60, POSTED + 60_000)).toEqual({
    status: 'Responded',
    firstResponseAt: '2026-11-20T09:01:00.000Z',
    reason: 'answered in the same thread by the company (seen on import)',
  });
});

describe('firstResponses', () => {
  it('finds the first outbound message at or after each inbound one, per thread', () => {
    const at = (minutes: number): number => POSTED + minutes * 60_000;
    const answers = firstResponses([
      { externalId: 'x:1', threadKey: 'x:1', direction: 'Inbound', postedAtMs: at(0) },
      { externalId: 'x:2', threadKey: 'x:1', direction: 'Outbound', postedAtMs: at(30) },
      { externalId: 'x:3', threadKey: 'x:1', direction: 'Outbound', postedAtMs: at(10) },
      { externalId: 'x:4', threadKey: 'x:1', direction: 'Inbound', postedAtMs: at(40) },
      { externalId: 'x:5', threadKey: 'x:5', direction: 'Inbound', postedAtMs: at(0) },
    ]);
    expect(Object.fromEntries(answers)).toEqual({ 'x:1': at(10) });
  });

  it('counts an answer posted in the same second as the question (exports have second resolution)', () => {
    const answers = firstResponses([
      { externalId: 'x:1', threadKey: 'x:1', direction: 'Inbound', postedAtMs: POSTED },
      { externalId: 'x:2', threadKey: 'x:1', direction: 'Outbound', postedAtMs: POSTED },
    ]);
    expect(Object.fromEntries(answers)).toEqual({ 'x:1': POSTED });
  });
});
