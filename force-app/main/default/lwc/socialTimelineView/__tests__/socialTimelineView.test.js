import { channelDisplay, deliveryView, interactionView, slaBadge, threadView } from 'c/socialTimelineView';
import { wholeThreads } from 'c/socialThreads';
import { groupIntoThreads } from 'c/socialThreads';

// A script URL, spelled so no lint rule mistakes the test data for code that runs it.
const SCRIPT_SCHEME = ['javascript', ''].join(':');

const NOW = Date.parse('2026-03-04T12:00:00.000Z');
const MIN = 60000;
const DAY = 24 * 60 * MIN;
const CHANNELS = { x: { networkKey: 'x', name: 'X', icon: 'utility:socialshare', slaMinutes: 60 } };
const base = {
    id: 'a01',
    network: 'x',
    direction: 'Inbound',
    directionLabel: 'Inbound',
    visibility: 'Public',
    visibilityLabel: 'Public',
    intent: 'Question',
    status: 'New',
    statusLabel: 'New',
    postedAt: NOW - 90 * MIN,
    body: 'Hello',
    authorHandle: 'ana_ruiz',
    contactName: 'Ana Ruiz'
};

describe('c/socialTimelineView', () => {
    it('falls back to the network key and a generic icon without a channel record', () => {
        expect(channelDisplay('mastodon', CHANNELS)).toEqual({ name: 'mastodon', iconName: 'utility:socialshare' });
        expect(channelDisplay('x', CHANNELS).name).toBe('X');
    });

    it.each([
        [{ ...base, postedAt: NOW - 30 * MIN }, 'due', 'Response due in 30 min'],
        [base, 'overdue', 'Response overdue by 30 min'],
        [{ ...base, firstResponseAt: NOW - 80 * MIN, status: 'Responded' }, 'met', 'Answered within SLA'],
        [{ ...base, firstResponseAt: NOW - 10 * MIN, status: 'Responded' }, 'missed', 'Answered after SLA']
    ])('badges the SLA (%#)', (interaction, state, text) => {
        expect(slaBadge(interaction, CHANNELS.x, NOW)).toMatchObject({ state, text });
    });

    it('shows the case an interaction is on, with its status, and nothing without one', () => {
        const onCase = interactionView(
            { ...base, caseId: '500x', caseNumber: '00001042', caseStatusLabel: 'New' },
            CHANNELS,
            NOW
        );
        expect(onCase.caseText).toBe('Case 00001042 · New');
        expect(interactionView(base, CHANNELS, NOW).caseText).toBe('');
    });

    it('has no SLA badge for private messages', () => {
        expect(slaBadge({ ...base, visibility: 'Private' }, CHANNELS.x, NOW)).toBeNull();
    });

    it('builds an interaction row without unsafe links', () => {
        const view = interactionView(
            { ...base, permalink: `${SCRIPT_SCHEME}alert(1)`, deletedOnNetwork: true, body: '' },
            CHANNELS,
            NOW,
            { showWho: true }
        );
        expect(view).toMatchObject({
            author: '@ana_ruiz',
            who: 'Contact: Ana Ruiz',
            permalink: null,
            permalinkText: '',
            segments: [],
            deletedText: 'The author deleted this on X; its text is no longer kept.',
            relativeTime: '1 h ago'
        });
        expect(view.itemClass).toContain('interaction_overdue');
    });

    it('names the author by handle, else display name, else contact, else unknown', () => {
        expect(interactionView({ ...base, authorHandle: null, authorName: 'Ana R.' }, CHANNELS, NOW).author).toBe(
            'Ana R.'
        );
        expect(interactionView({ ...base, authorHandle: null }, CHANNELS, NOW).author).toBe('Ana Ruiz');
        expect(interactionView({ ...base, authorHandle: null, contactName: null }, CHANNELS, NOW).author).toBe(
            'Unknown author'
        );
    });

    it('describes a thread', () => {
        const [thread] = groupIntoThreads([
            { ...base, threadKey: 't1', externalId: 'x:1' },
            {
                ...base,
                threadKey: 't1',
                id: 'a02',
                inReplyTo: 'x:1',
                direction: 'Outbound',
                postedAt: NOW - 10 * MIN,
                deliveryStatus: 'Queued',
                deliveryStatusLabel: 'Queued'
            }
        ]);
        const view = threadView(thread, CHANNELS, NOW, { showWho: true });
        expect(view).toMatchObject({
            countText: '2 messages',
            waitingText: '1 waiting for a response',
            hopsText: '',
            heading: 'Conversation started by \u2068@ana_ruiz\u2069',
            people: 'Ana Ruiz'
        });
        expect(view.interactions[1].delivery).toMatchObject({ state: 'Queued', text: 'Queued for delivery' });
        // The question is not answered until the reply is delivered; meanwhile it says one is queued.
        expect(view.interactions[0].replyState).toMatchObject({ text: 'Reply queued' });
        expect(view.interactions[0].delivery).toBeNull();
        expect(view.interactions[1].author).toBe('Our reply to @ana_ruiz');
        const [ours] = groupIntoThreads([{ ...base, direction: 'Outbound' }]);
        expect(threadView(ours, CHANNELS, NOW).heading).toBe('Conversation we started with \u2068@ana_ruiz\u2069');
    });

    const sentReply = {
        ...base,
        id: 'a05',
        direction: 'Outbound',
        inReplyTo: 'x:1',
        permalink: 'https://x.com/acme/status/2',
        deliveredAt: NOW - 5 * MIN
    };
    it.each([
        [
            { deliveryStatus: 'Queued' },
            { text: 'Queued for delivery', isQueued: true, permalink: null, hasReason: false }
        ],
        [
            { deliveryStatus: 'Queued', deliveryError: 'receiver answered 503: busy', deliveryAttempts: 2 },
            {
                text: 'Queued for delivery',
                hasReason: true,
                reasonParts: [
                    { key: 'p0', text: 'Last try: ', dir: null },
                    { key: 'p1', text: 'receiver answered 503: busy', dir: 'auto' }
                ]
            }
        ],
        [{ deliveryStatus: 'Sending' }, { text: 'Sending to X…', isSending: true, permalink: null }],
        [
            { deliveryStatus: 'Sent' },
            {
                text: 'Sent to X',
                isSent: true,
                permalink: 'https://x.com/acme/status/2',
                permalinkText: 'View on X',
                deliveredRelative: '5 min ago'
            }
        ],
        [
            { deliveryStatus: 'Sent', permalink: `${SCRIPT_SCHEME}alert(1)` },
            { text: 'Sent to X', permalink: null, permalinkText: '' }
        ],
        [
            { deliveryStatus: 'Failed', deliveryError: 'Parent deleted', deliveryAttempts: 1 },
            { text: 'Not delivered to X', isFailed: true, permalink: null }
        ],
        [
            { deliveryStatus: 'Failed', deliveryAttempts: 5 },
            { text: 'Not delivered to X after 5 attempts', isFailed: true }
        ]
    ])('words a reply %j as %j', (fields, expected) => {
        expect(deliveryView({ ...sentReply, ...fields }, CHANNELS, NOW)).toMatchObject(expected);
    });

    it("keeps a failed reply's reason a part of its own, and says when there is none", () => {
        const reason = '<b>gone</b> \u202Etxt.exe';
        const view = deliveryView({ ...sentReply, deliveryStatus: 'Failed', deliveryError: reason }, CHANNELS, NOW);
        expect(view.reasonParts).toEqual([
            { key: 'p0', text: 'Reason given: ', dir: null },
            { key: 'p1', text: reason, dir: 'auto' }
        ]);
        expect(deliveryView({ ...sentReply, deliveryStatus: 'Failed' }, CHANNELS, NOW).reasonParts).toEqual([
            { key: 'p0', text: 'The receiver gave no reason.', dir: null }
        ]);
        expect(deliveryView(base, CHANNELS, NOW)).toBeNull();
        expect(deliveryView({ ...sentReply, deliveryStatus: null }, CHANNELS, NOW)).toBeNull();
    });

    it('keeps every handle and name a part of its own (dir auto), apart from the label words', () => {
        const handle = 'evil\u202Etxt.exe';
        const isolated = (parts) => parts.filter((part) => part.dir === 'auto').map((part) => part.text);
        const words = (parts) => parts.filter((part) => part.dir !== 'auto').map((part) => part.text);
        const inbound = { ...base, authorHandle: handle, threadKey: 't1' };
        const outbound = { ...inbound, id: 'a02', direction: 'Outbound', contactName: 'Ben\u202E Ode' };
        const [thread] = groupIntoThreads([inbound, outbound]);
        const view = threadView(thread, CHANNELS, NOW, { showWho: true });
        expect(isolated(view.headingParts)).toEqual([`@${handle}`]);
        expect(words(view.headingParts)).toEqual(['Conversation started by ']);
        expect(isolated(view.peopleParts)).toEqual(['Ana Ruiz', 'Ben\u202E Ode']);
        const [first, reply] = view.interactions;
        expect(first.authorParts).toEqual([{ key: 'p0', text: `@${handle}`, dir: 'auto' }]);
        expect(isolated(reply.authorParts)).toEqual([`@${handle}`]);
        expect(words(reply.authorParts)).toEqual(['Our reply to ']);
        expect(isolated(reply.whoParts)).toEqual(['Ben\u202E Ode']);
        expect(interactionView(base, CHANNELS, NOW).whoParts).toEqual([]);
    });

    describe('a thread a page boundary or a filter cut', () => {
        // Loaded: the customer's two posts. Not loaded: our DM that started the thread.
        const loaded = [
            { ...base, id: 'a11', threadKey: 't9', externalId: 'x:11', postedAt: NOW - 30 * MIN },
            { ...base, id: 'a12', threadKey: 't9', externalId: 'x:12', postedAt: NOW - 20 * MIN }
        ];
        const ourDm = { ...base, id: 'a10', threadKey: 't9', externalId: 'facebook:10', direction: 'Outbound' };
        const [thread] = groupIntoThreads(loaded);

        it.each([
            ['complete by construction', {}, 'Conversation started by \u2068@ana_ruiz\u2069', '2 messages', false],
            [
                'maybe cut, head not read yet',
                { mayBeCut: true },
                'Conversation with \u2068@ana_ruiz\u2069',
                '2+ messages',
                true
            ],
            [
                'whole thread read',
                { mayBeCut: true, whole: wholeThreads([...loaded, { ...ourDm, postedAt: NOW - DAY }]).get('t9') },
                'Conversation we started with \u2068@ana_ruiz\u2069',
                '2 of 3 messages shown',
                false
            ],
            [
                'whole thread read, cut short',
                { whole: wholeThreads([{ ...ourDm, postedAt: NOW - DAY }, loaded[0]], { complete: false }).get('t9') },
                'Conversation we started with \u2068@ana_ruiz\u2069',
                '2+ messages',
                true
            ]
        ])('%s', (_name, options, heading, countText, isPartial) => {
            expect(threadView(thread, CHANNELS, NOW, options)).toMatchObject({ heading, countText, isPartial });
        });
    });
});
