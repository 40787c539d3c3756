import { groupIntoThreads, threadKeyOf, wholeThreads } from 'c/socialThreads';

const T = Date.parse('2026-03-04T12:00:00Z');
const item = (id, threadKey, network, minutes, extra = {}) => ({
    id,
    threadKey,
    externalId: `${network}:${id}`,
    network,
    postedAt: T + minutes * 60000,
    direction: 'Inbound',
    visibility: 'Public',
    status: 'New',
    ...extra
});

describe('c/socialThreads', () => {
    it('uses the thread key, else the external id, else the record id', () => {
        expect(threadKeyOf({ id: '1', threadKey: 'k', externalId: 'x:1' })).toBe('k');
        expect(threadKeyOf({ id: '1', threadKey: null, externalId: 'x:1' })).toBe('x:1');
        expect(threadKeyOf({ id: '1' })).toBe('1');
    });

    it('groups a conversation that hops from a public post to a DM and email', () => {
        const threads = groupIntoThreads([
            item('3', 'order-77', 'email', 30, { visibility: 'Private', direction: 'Outbound', status: 'Responded' }),
            item('1', 'order-77', 'x', 0),
            item('4', null, 'facebook', 10),
            item('2', 'order-77', 'x', 20, { visibility: 'Private' })
        ]);
        expect(threads.map((t) => t.key)).toEqual(['order-77', 'facebook:4']);
        const [hop] = threads;
        expect(hop.interactions.map((i) => i.id)).toEqual(['1', '2', '3']);
        expect(hop.networks).toEqual(['x', 'email']);
        expect(hop.hopsChannels).toBe(true);
        expect(hop.hasPrivate).toBe(true);
        expect(hop.openCount).toBe(2);
        expect(hop.latestAt).toBe(T + 30 * 60000);
        expect(threads[1].hopsChannels).toBe(false);
    });

    it('lists the people of an account thread once each', () => {
        const [thread] = groupIntoThreads([
            item('1', 'k', 'x', 0, { contactName: 'Ana Ruiz' }),
            item('2', 'k', 'x', 1, { contactName: 'Ben Ode' }),
            item('3', 'k', 'x', 2, { contactName: 'Ana Ruiz' })
        ]);
        expect(thread.people).toEqual(['Ana Ruiz', 'Ben Ode']);
    });

    it('returns no threads for no interactions', () => {
        expect(groupIntoThreads([])).toEqual([]);
        expect(groupIntoThreads(undefined)).toEqual([]);
    });

    it('knows each whole thread by its head and count, whatever order its members come in', () => {
        const whole = wholeThreads([
            item('2', 'order-77', 'x', 20),
            item('0', 'order-77', 'facebook', -60, { direction: 'Outbound' }),
            item('1', 'order-77', 'x', 0),
            item('9', null, 'x', 5)
        ]);
        expect([...whole.keys()]).toEqual(['order-77', 'x:9']);
        expect(whole.get('order-77')).toMatchObject({ count: 3, complete: true });
        expect(whole.get('order-77').head.id).toBe('0');
        expect(wholeThreads([item('1', 'k', 'x', 0)], { complete: false }).get('k').complete).toBe(false);
        expect(wholeThreads(undefined).size).toBe(0);
    });
});
