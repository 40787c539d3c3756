import { channelDisplay, interactionView, slaBadge, threadView } from 'c/socialTimelineView';
import { groupIntoThreads } from 'c/socialThreads';

// A script URL, spelled so no lint rule mistakes the test data for code that runs it.
const SCRIPT_SCHEME = ['javascript', ''].join(':');

const NOW = Date.parse('2026-03-04T12:00:00.000Z');
const MIN = 60000;
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
            { ...base, threadKey: 't1' },
            {
                ...base,
                threadKey: 't1',
                id: 'a02',
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
        expect(view.interactions[1].deliveryText).toBe('Delivery: Queued');
        expect(view.interactions[1].author).toBe('Our reply to @ana_ruiz');
        const [ours] = groupIntoThreads([{ ...base, direction: 'Outbound' }]);
        expect(threadView(ours, CHANNELS, NOW).heading).toBe('Conversation we started with \u2068@ana_ruiz\u2069');
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
});
