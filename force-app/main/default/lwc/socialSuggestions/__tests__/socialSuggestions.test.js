import { RULES, lastTouchPerChannel, suggestNextSteps } from 'c/socialSuggestions';

const NOW = Date.parse('2026-03-04T12:00:00Z');
const MIN = 60000;
const DAY = 24 * 60 * MIN;
const CHANNELS = {
    x: { networkKey: 'x', name: 'X', slaMinutes: 60 },
    facebook: { networkKey: 'facebook', name: 'Facebook', slaMinutes: 240 },
    email: { networkKey: 'email', name: 'Email', slaMinutes: null }
};

let seq = 0;
function interaction(overrides) {
    seq += 1;
    return {
        id: `a0${seq}`,
        externalId: `x:${seq}`,
        threadKey: `t${seq}`,
        network: 'x',
        direction: 'Inbound',
        visibility: 'Public',
        intent: null,
        status: 'New',
        postedAt: NOW - 10 * MIN,
        responseDueAt: null,
        firstResponseAt: null,
        containsPersonalData: false,
        deletedOnNetwork: false,
        contactId: '003A',
        authorIsAdvocate: false,
        ...overrides
    };
}
const rulesOf = (list) => list.map((s) => s.rule);

describe('c/socialSuggestions', () => {
    it('flags a public question past its SLA with how long it waited', () => {
        const waiting = interaction({ intent: 'Question', postedAt: NOW - 125 * MIN });
        const [first] = suggestNextSteps([waiting], CHANNELS, NOW);
        expect(first).toMatchObject({
            rule: RULES.PUBLIC_SLA_BREACH,
            interactionId: waiting.id,
            params: { network: 'x', intent: 'Question', waitedMinutes: 125, slaMinutes: 60 }
        });
    });

    it.each([
        ['still within the SLA', { intent: 'Question', postedAt: NOW - 30 * MIN }],
        [
            'already answered',
            { intent: 'Question', postedAt: NOW - 300 * MIN, status: 'Responded', firstResponseAt: NOW - 200 * MIN }
        ],
        ['private', { intent: 'Complaint', visibility: 'Private', postedAt: NOW - 300 * MIN }],
        ['praise, which waits for nobody', { intent: 'Praise', postedAt: NOW - 300 * MIN }]
    ])('does not flag a question %s', (_name, overrides) => {
        expect(rulesOf(suggestNextSteps([interaction(overrides)], CHANNELS, NOW))).not.toContain(
            RULES.PUBLIC_SLA_BREACH
        );
    });

    it('notices a private conversation taken public again', () => {
        const dm = interaction({
            threadKey: 'order-9',
            network: 'x',
            visibility: 'Private',
            postedAt: NOW - 3 * 60 * MIN,
            status: 'Responded'
        });
        const vent = interaction({
            threadKey: 'order-9',
            network: 'x',
            visibility: 'Public',
            intent: 'Complaint',
            postedAt: NOW - 20 * MIN
        });
        const list = suggestNextSteps([vent, dm], CHANNELS, NOW);
        const found = list.find((s) => s.rule === RULES.PRIVATE_WENT_PUBLIC);
        expect(found).toMatchObject({
            interactionId: vent.id,
            params: { privateNetwork: 'x', minutesAfterPrivate: 160 }
        });
    });

    it('also links a public vent to a recent DM in another thread of the same person', () => {
        const dm = interaction({ network: 'facebook', visibility: 'Private', postedAt: NOW - 2 * DAY });
        const vent = interaction({ network: 'x', postedAt: NOW - 5 * MIN });
        const stale = interaction({ contactId: '003B', network: 'x', postedAt: NOW - 5 * MIN });
        const list = suggestNextSteps([dm, vent, stale], CHANNELS, NOW).filter(
            (s) => s.rule === RULES.PRIVATE_WENT_PUBLIC
        );
        expect(list.map((s) => s.interactionId)).toEqual([vent.id]);
    });

    it.each([
        ['failed', { deliveryStatus: 'Failed', deliveryError: 'Parent deleted' }, true],
        ['failed without a reason', { deliveryStatus: 'Failed', deliveryError: null }, true],
        ['failed, then closed by the rep', { deliveryStatus: 'Failed', status: 'Closed' }, false],
        ['queued', { deliveryStatus: 'Queued' }, false],
        ['sent', { deliveryStatus: 'Sent' }, false]
    ])('names a reply of ours that is %s: %s', (name, fields, named) => {
        const reply = interaction({
            direction: 'Outbound',
            status: 'Responded',
            postedAt: NOW - 3 * 60 * MIN,
            ...fields
        });
        const found = suggestNextSteps([reply], CHANNELS, NOW).filter((s) => s.rule === RULES.FAILED_REPLY);
        const expected = {
            interactionId: reply.id,
            params: { network: 'x', visibility: 'Public', minutesAgo: 180, error: fields.deliveryError || '' }
        };
        const facts = found.map((s) => ({ interactionId: s.interactionId, params: s.params }));
        expect(facts).toEqual(named ? [expected] : []);
    });

    it('ranks a failed reply after personal data and before a waiting SLA', () => {
        const leak = interaction({ containsPersonalData: true });
        const overdue = interaction({ intent: 'Question', postedAt: NOW - 300 * MIN });
        const failed = interaction({ direction: 'Outbound', status: 'Responded', deliveryStatus: 'Failed' });
        expect(rulesOf(suggestNextSteps([overdue, failed, leak], CHANNELS, NOW))).toEqual([
            RULES.PERSONAL_DATA_PUBLIC,
            RULES.FAILED_REPLY,
            RULES.PUBLIC_SLA_BREACH
        ]);
    });

    it('puts personal data in a public post first, ours before theirs', () => {
        const theirs = interaction({ containsPersonalData: true, intent: 'Question', postedAt: NOW - 300 * MIN });
        const ours = interaction({ containsPersonalData: true, direction: 'Outbound', status: 'Responded' });
        const deleted = interaction({ containsPersonalData: true, deletedOnNetwork: true });
        const list = suggestNextSteps([theirs, ours, deleted], CHANNELS, NOW);
        expect(list.slice(0, 2).map((s) => [s.rule, s.interactionId])).toEqual([
            [RULES.PERSONAL_DATA_PUBLIC, ours.id],
            [RULES.PERSONAL_DATA_PUBLIC, theirs.id]
        ]);
        expect(list.map((s) => s.interactionId)).not.toContain(deleted.id);
    });

    it('suggests recognising an advocate after repeated praise, once', () => {
        const praise = [1, 5, 12].map((days) =>
            interaction({ intent: 'Praise', postedAt: NOW - days * DAY, network: days === 5 ? 'facebook' : 'x' })
        );
        const list = suggestNextSteps(praise, CHANNELS, NOW).filter((s) => s.rule === RULES.RECOGNISE_ADVOCATE);
        expect(list).toHaveLength(1);
        expect(list[0].params).toMatchObject({ count: 3, days: 30, networks: ['x', 'facebook'] });
        const known = praise.map((p) => ({ ...p, authorIsAdvocate: true }));
        expect(rulesOf(suggestNextSteps(known, CHANNELS, NOW))).not.toContain(RULES.RECOGNISE_ADVOCATE);
        expect(rulesOf(suggestNextSteps(praise.slice(0, 2), CHANNELS, NOW))).not.toContain(RULES.RECOGNISE_ADVOCATE);
    });

    it('suggests a sales follow-up for open purchase intent, one per thread', () => {
        const a = interaction({ intent: 'Purchase_Intent', threadKey: 'p', postedAt: NOW - 3 * 60 * MIN });
        const b = interaction({ intent: 'Purchase_Intent', threadKey: 'p', postedAt: NOW - 60 * MIN });
        const old = interaction({ intent: 'Purchase_Intent', postedAt: NOW - 30 * DAY });
        const list = suggestNextSteps([a, b, old], CHANNELS, NOW).filter((s) => s.rule === RULES.PURCHASE_INTENT);
        expect(list.map((s) => [s.interactionId, s.params.hoursAgo])).toEqual([[b.id, 1]]);
    });

    it('says answer once when the same person writes on two channels within an hour', () => {
        const tweet = interaction({ network: 'x', postedAt: NOW - 50 * MIN });
        const post = interaction({ network: 'facebook', postedAt: NOW - 30 * MIN });
        const otherPerson = interaction({ network: 'email', contactId: '003Z', postedAt: NOW - 40 * MIN });
        const list = suggestNextSteps([tweet, post, otherPerson], CHANNELS, NOW).filter(
            (s) => s.rule === RULES.ANSWER_ONCE
        );
        expect(list).toHaveLength(1);
        expect(list[0]).toMatchObject({
            interactionId: post.id,
            params: { otherNetwork: 'x', minutesApart: 20, otherInteractionId: tweet.id }
        });
        const farApart = [
            interaction({ network: 'x', postedAt: NOW - 200 * MIN }),
            interaction({ network: 'facebook', postedAt: NOW - 10 * MIN })
        ];
        expect(rulesOf(suggestNextSteps(farApart, CHANNELS, NOW))).not.toContain(RULES.ANSWER_ONCE);
    });

    it('ranks privacy, then overdue service (most overdue first), then sales, then recognition', () => {
        const list = suggestNextSteps(
            [
                ...[2, 3, 4].map((d) => interaction({ intent: 'Praise', postedAt: NOW - d * DAY, status: 'Closed' })),
                interaction({ intent: 'Purchase_Intent', postedAt: NOW - 2 * DAY }),
                interaction({
                    intent: 'Question',
                    postedAt: NOW - 2 * 60 * MIN,
                    network: 'facebook',
                    containsPersonalData: true
                }),
                interaction({ intent: 'Question', postedAt: NOW - 190 * MIN }),
                interaction({ intent: 'Complaint', postedAt: NOW - 3 * DAY })
            ],
            CHANNELS,
            NOW
        );
        expect(rulesOf(list)).toEqual([
            RULES.PERSONAL_DATA_PUBLIC,
            RULES.PUBLIC_SLA_BREACH,
            RULES.PUBLIC_SLA_BREACH,
            RULES.PURCHASE_INTENT,
            RULES.RECOGNISE_ADVOCATE
        ]);
        expect(list[1].params.intent).toBe('Complaint');
    });

    it('is deterministic and tolerates nothing to go on', () => {
        const input = [
            interaction({ intent: 'Question', postedAt: NOW - 300 * MIN }),
            interaction({ intent: 'Question', postedAt: NOW - 300 * MIN })
        ];
        expect(suggestNextSteps(input, CHANNELS, NOW)).toEqual(suggestNextSteps([...input].reverse(), CHANNELS, NOW));
        expect(suggestNextSteps([], CHANNELS, NOW)).toEqual([]);
        expect(suggestNextSteps(undefined, undefined, NOW)).toEqual([]);
    });

    it('finds the last touch per channel, most recent first', () => {
        const list = lastTouchPerChannel([
            interaction({ network: 'x', postedAt: NOW - 5 * DAY }),
            interaction({ network: 'facebook', postedAt: NOW - 2 * DAY }),
            interaction({ network: 'x', postedAt: NOW - DAY, direction: 'Outbound' })
        ]);
        expect(list.map((i) => [i.network, i.direction])).toEqual([
            ['x', 'Outbound'],
            ['facebook', 'Inbound']
        ]);
    });

    // "Why now" on the messages reps actually get (issue 19): for each rule, real message shapes
    // that must and must not make it fire. Bodies arrive without intent, as most imports leave it.
    describe('why now, by message shape', () => {
        const THANKS = [
            'Thanks!',
            'Perfect, thanks for the quick answer!',
            'Merci beaucoup !',
            'ありがとうございます！',
            'شكرا 🙏',
            '👍',
            'Ok, got it 👌'
        ];
        const WAITING = [
            'Where is my refund?',
            '¿Dónde está mi pedido?',
            "Thanks, but it still doesn't work",
            'Thanks for nothing.',
            'Still waiting for the replacement you promised in DM',
            'Danke! Wann kommt das Paket?',
            '😡😡'
        ];
        const fires = (rule, list) => rulesOf(list).includes(rule);

        function afterDirectMessage(body, overrides = {}) {
            const dm = interaction({
                threadKey: 'order-7',
                visibility: 'Private',
                status: 'Responded',
                postedAt: NOW - 3 * 60 * MIN
            });
            const later = interaction({ threadKey: 'order-7', body, postedAt: NOW - 20 * MIN, ...overrides });
            return suggestNextSteps([dm, later], CHANNELS, NOW);
        }

        it.each(THANKS)('%p after a DM is not "took it public again"', (body) => {
            expect(fires(RULES.PRIVATE_WENT_PUBLIC, afterDirectMessage(body))).toBe(false);
        });
        it.each(WAITING)('%p after a DM is "took it public again"', (body) => {
            expect(fires(RULES.PRIVATE_WENT_PUBLIC, afterDirectMessage(body))).toBe(true);
        });
        it.each([
            ['marked as a complaint', { intent: 'Complaint' }],
            ['marked Needs_Response', { status: 'Needs_Response' }],
            ['with a negative sentiment', { sentiment: 'Negative' }]
        ])('"Thanks!" %s after a DM still counts: a person or the import said so', (_name, overrides) => {
            expect(fires(RULES.PRIVATE_WENT_PUBLIC, afterDirectMessage('Thanks!', overrides))).toBe(true);
        });

        function onTwoChannels(firstBody, secondBody) {
            const earlier = interaction({ network: 'facebook', body: firstBody, postedAt: NOW - 40 * MIN });
            const latest = interaction({ network: 'x', body: secondBody, postedAt: NOW - 20 * MIN });
            return suggestNextSteps([earlier, latest], CHANNELS, NOW);
        }

        it.each(THANKS)('a question, then %p on another channel, is not "answer once"', (body) => {
            expect(fires(RULES.ANSWER_ONCE, onTwoChannels('Where is my order?', body))).toBe(false);
        });
        it.each(WAITING)('a question, then %p on another channel, is "answer once"', (body) => {
            expect(fires(RULES.ANSWER_ONCE, onTwoChannels('Where is my order?', body))).toBe(true);
        });

        function overdue(body, overrides = {}) {
            return suggestNextSteps([interaction({ body, postedAt: NOW - 300 * MIN, ...overrides })], CHANNELS, NOW);
        }

        it.each([
            ['"Thanks!" without intent', 'Thanks!', {}, false],
            ['"👍" without intent', '👍', {}, false],
            ['a question', 'Where is my order?', { intent: 'Question' }, true],
            ['a complaint in Spanish', 'Llevo una semana esperando', { intent: 'Complaint' }, true],
            ['"Thanks!" a rep marked Needs_Response', 'Thanks!', { status: 'Needs_Response' }, true],
            ['praise', 'Perfect, thanks for the quick answer!', { intent: 'Praise' }, false],
            ['a question already answered', 'Where is my order?', { intent: 'Question', status: 'Responded' }, false]
        ])('public SLA breach: %s -> %p', (_name, body, overrides, expected) => {
            expect(fires(RULES.PUBLIC_SLA_BREACH, overdue(body, overrides))).toBe(expected);
        });

        it.each([
            ['a thank-you carrying a phone number', 'Thanks! Call me on +44 20 7946 0958', true, true],
            ['a thank-you', 'Thanks!', false, false],
            ['emoji only', '👍', false, false]
        ])('personal data in public: %s -> %p', (_name, body, containsPersonalData, expected) => {
            const list = suggestNextSteps([interaction({ body, containsPersonalData })], CHANNELS, NOW);
            expect(fires(RULES.PERSONAL_DATA_PUBLIC, list)).toBe(expected);
        });

        it.each([
            ['our "Thanks!" the network refused', 'Thanks!', 'Failed', true],
            ['our "Thanks!" delivered', 'Thanks!', 'Sent', false]
        ])('failed reply: %s -> %p', (_name, body, deliveryStatus, expected) => {
            const reply = interaction({ direction: 'Outbound', body, deliveryStatus, status: 'Responded' });
            expect(fires(RULES.FAILED_REPLY, suggestNextSteps([reply], CHANNELS, NOW))).toBe(expected);
        });

        it.each([
            ['a buying question', 'Do you ship the Pro to Canada? I want three', 'Purchase_Intent', true],
            ['"Thanks!" without intent', 'Thanks!', null, false],
            ['an acknowledgement marked as praise', 'Perfect, thanks for the quick answer!', 'Praise', false]
        ])('purchase intent: %s -> %p', (_name, body, intent, expected) => {
            const list = suggestNextSteps([interaction({ body, intent })], CHANNELS, NOW);
            expect(fires(RULES.PURCHASE_INTENT, list)).toBe(expected);
        });

        it.each([
            ['three messages marked as praise', 'Praise', true],
            ['three thank-you notes without intent', null, false]
        ])('recognise an advocate: %s -> %p', (_name, intent, expected) => {
            const list = suggestNextSteps(
                [1, 2, 3].map((day) => interaction({ body: 'Thanks!', intent, postedAt: NOW - day * DAY })),
                CHANNELS,
                NOW
            );
            expect(fires(RULES.RECOGNISE_ADVOCATE, list)).toBe(expected);
        });
    });
});
