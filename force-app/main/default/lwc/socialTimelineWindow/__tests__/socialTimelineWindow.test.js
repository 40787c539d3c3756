import { groupIntoThreads } from 'c/socialThreads';
import {
    WINDOW_INTERACTIONS,
    createThreadIndex,
    extendThreadIndex,
    prependToThreadIndex,
    windowEndingAt,
    windowStartingAt
} from 'c/socialTimelineWindow';

const T0 = Date.parse('2026-03-04T12:00:00Z');
// n interactions newest first, one minute apart, in threads of `perThread` consecutive messages.
function history(n, perThread = 4) {
    return Array.from({ length: n }, (_, i) => ({
        id: `a${String(i).padStart(5, '0')}`,
        threadKey: `t${Math.floor(i / perThread)}`,
        direction: i % 2 ? 'Outbound' : 'Inbound',
        status: 'Responded',
        network: 'x',
        postedAt: T0 - i * 60000
    }));
}

describe('c/socialTimelineWindow', () => {
    it('grows to exactly what grouping everything at once gives, page by page', () => {
        // Threads of 3 cut by pages of 20: every page boundary splits one.
        const all = history(1000, 3);
        const index = createThreadIndex(all);
        for (let upTo = 20; upTo <= 1000; upTo += 20) {
            extendThreadIndex(index, upTo);
            expect(index.threads).toEqual(groupIntoThreads(all.slice(0, upTo)));
        }
    });

    it('says which threads a page touched: those it started and the one it continued', () => {
        const all = history(40, 3);
        const index = createThreadIndex(all);
        extendThreadIndex(index, 20);
        const first = index.threads[0];
        const touched = extendThreadIndex(index, 40);
        // Message 20 continues thread t6 (messages 18-20); 21-39 start t7 to t13.
        expect([...touched]).toEqual(['t6', 't7', 't8', 't9', 't10', 't11', 't12', 't13']);
        expect(index.threads[0]).toBe(first);
        expect(extendThreadIndex(index, 40).size).toBe(0);
    });

    it('does the work of the page only, not of everything already grouped', () => {
        const all = history(4020, 4);
        const index = createThreadIndex(all);
        extendThreadIndex(index, 4000);
        const touched = extendThreadIndex(index, 4020);
        expect(touched.size).toBe(5);
        expect(index.threads).toHaveLength(1005);
    });

    it('windows whole threads up to the interaction limit, from either end', () => {
        const threads = groupIntoThreads(history(1000, 4));
        expect(windowEndingAt(threads, threads.length)).toEqual({ start: 250 - WINDOW_INTERACTIONS / 4, end: 250 });
        expect(windowStartingAt(threads, 0)).toEqual({ start: 0, end: WINDOW_INTERACTIONS / 4 });
        expect(windowEndingAt(threads, 10, 8)).toEqual({ start: 8, end: 10 });
        // A thread longer than the limit is still shown, alone.
        const long = groupIntoThreads(history(30, 30));
        expect(windowEndingAt(long, 1, 8)).toEqual({ start: 0, end: 1 });
        expect(windowStartingAt(long, 0, 8)).toEqual({ start: 0, end: 1 });
        expect(windowEndingAt([], 0)).toEqual({ start: 0, end: 0 });
    });

    it('takes pages newer than a jump point in at the top, as grouping everything at once would', () => {
        // Threads of 3; the jump lands at message 600, inside thread t200 (messages 600-602).
        const all = history(1000, 3);
        const index = createThreadIndex(all.slice(600));
        extendThreadIndex(index, 100);
        // Newer pages arrive oldest first, 20 at a time, back to the newest.
        for (let end = 600; end > 0; end -= 20) {
            const page = all.slice(end - 20, end).reverse();
            prependToThreadIndex(index, page);
            expect(index.threads).toEqual(groupIntoThreads([...all.slice(end - 20, 600), ...all.slice(600, 700)]));
        }
    });

    it('says which threads a newer page touched, and keeps the others as they were', () => {
        const all = history(60, 3);
        const index = createThreadIndex(all.slice(40));
        extendThreadIndex(index, 20);
        const untouched = index.threads[1];
        // Message 39 continues t13 (39-41; 40 and 41 loaded), 36-38 start t12: the newest goes first.
        const touched = prependToThreadIndex(index, [all[39], all[38], all[37], all[36]]);
        expect([...touched]).toEqual(['t13', 't12']);
        expect(index.threads.slice(0, 2).map((thread) => thread.key)).toEqual(['t12', 't13']);
        expect(index.threads[2]).toBe(untouched);
        expect(index.threads[1].interactions).toHaveLength(3);
        expect(prependToThreadIndex(index, []).size).toBe(0);
    });
});
