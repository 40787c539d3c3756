import { SLA_STATE, dueAtOf, isOpen, isSlaCovered, slaFor } from 'c/socialSla';

const NOW = Date.parse('2026-03-04T12:00:00Z');
const MIN = 60 * 1000;
const x = { networkKey: 'x', slaMinutes: 60 };

const question = (overrides = {}) => ({
    id: 'a01',
    direction: 'Inbound',
    visibility: 'Public',
    intent: 'Question',
    status: 'New',
    postedAt: NOW - 30 * MIN,
    responseDueAt: null,
    firstResponseAt: null,
    ...overrides
});

describe('c/socialSla', () => {
    it.each([
        ['inbound public question', question(), true],
        ['inbound public complaint', question({ intent: 'Complaint' }), true],
        ['inbound public praise marked Needs_Response', question({ intent: 'Praise', status: 'Needs_Response' }), true],
        ['inbound public praise', question({ intent: 'Praise' }), false],
        [
            'a purchase question the import gave a due time, answered',
            question({ intent: 'Purchase_Intent', status: 'Responded', responseDueAt: NOW - 60 * MIN }),
            true
        ],
        ['private question (a DM has no public audience)', question({ visibility: 'Private' }), false],
        ['our own outbound reply', question({ direction: 'Outbound' }), false]
    ])('covers %s: %s', (_name, interaction, expected) => {
        expect(isSlaCovered(interaction)).toBe(expected);
    });

    it.each([
        ['New', true],
        ['Needs_Response', true],
        ['Responded', false],
        ['Closed', false],
        [null, true]
    ])('status %s is open: %s', (status, expected) => {
        expect(isOpen({ status })).toBe(expected);
    });

    it('prefers the stored Response_Due_At__c over the channel SLA', () => {
        const stored = NOW + 5 * MIN;
        expect(dueAtOf(question({ responseDueAt: stored }), x)).toBe(stored);
        expect(dueAtOf(question(), x)).toBe(NOW + 30 * MIN);
        expect(dueAtOf(question(), { slaMinutes: null })).toBeNull();
    });

    it.each([
        ['due in 30 min', question(), SLA_STATE.DUE, 30],
        ['overdue by 45 min', question({ postedAt: NOW - 105 * MIN }), SLA_STATE.OVERDUE, -45],
        [
            'met',
            question({ postedAt: NOW - 120 * MIN, firstResponseAt: NOW - 100 * MIN, status: 'Responded' }),
            SLA_STATE.MET,
            null
        ],
        [
            'missed',
            question({ postedAt: NOW - 120 * MIN, firstResponseAt: NOW - 10 * MIN, status: 'Responded' }),
            SLA_STATE.MISSED,
            null
        ],
        // The boundaries: an answer at the due minute is in time; at the due minute, nothing is left.
        [
            'met when answered exactly at the due time',
            question({ postedAt: NOW - 120 * MIN, firstResponseAt: NOW - 60 * MIN, status: 'Responded' }),
            SLA_STATE.MET,
            null
        ],
        ['overdue the moment it is due', question({ postedAt: NOW - 60 * MIN }), SLA_STATE.OVERDUE, -0],
        ['still due a millisecond before', question({ postedAt: NOW - 60 * MIN + 1 }), SLA_STATE.DUE, 0],
        ['closed without response', question({ postedAt: NOW - 120 * MIN, status: 'Closed' }), SLA_STATE.NONE, null],
        ['not covered', question({ visibility: 'Private' }), SLA_STATE.NONE, null]
    ])('%s', (_name, interaction, state, minutesLeft) => {
        const sla = slaFor(interaction, x, NOW);
        expect(sla.state).toBe(state);
        expect(sla.minutesLeft).toBe(minutesLeft);
    });

    it('has no SLA when the channel sets none', () => {
        expect(slaFor(question(), { slaMinutes: 0 }, NOW).state).toBe(SLA_STATE.NONE);
        expect(slaFor(question(), undefined, NOW).state).toBe(SLA_STATE.NONE);
    });

    // Issue 19: an overdue message answered late kept no badge at all when only its status
    // (Needs_Response) had put it under the SLA; its stored due time keeps it there.
    it.each([
        ['waiting, past due', { status: 'Needs_Response' }, SLA_STATE.OVERDUE],
        ['answered late', { status: 'Responded', firstResponseAt: NOW - 10 * MIN }, SLA_STATE.MISSED],
        ['answered in time', { status: 'Responded', firstResponseAt: NOW - 100 * MIN }, SLA_STATE.MET]
    ])('a purchase question with a due time, %s: %s', (_name, overrides, state) => {
        const purchase = question({
            intent: 'Purchase_Intent',
            postedAt: NOW - 120 * MIN,
            responseDueAt: NOW - 60 * MIN,
            ...overrides
        });
        expect(slaFor(purchase, x, NOW).state).toBe(state);
    });
});
