import {
    FETCH_SIZE,
    UPPER_BOUND,
    advance,
    advanceNewer,
    applyNewerPage,
    applyPage,
    initialNewer,
    initialPaging,
    jumpPaging,
    loadedItems,
    newerBound,
    newerPagingVariables,
    newerThanJump,
    pagingVariables
} from 'c/socialTimelinePaging';

const T0 = Date.parse('2026-03-04T12:00:00Z');
// n interactions, newest first, one minute apart; `sameTime` makes a block share one timestamp.
function history(n, sameTime = () => false) {
    return Array.from({ length: n }, (_, i) => ({
        id: `a${String(i).padStart(5, '0')}`,
        postedAt: sameTime(i) ? T0 - 1000 * 60000 : T0 - i * 60000
    }));
}

/**
 * A stand-in for the API's paging contract: cursor pages of `first`, and (like record-connection
 * paging without upperBound) a result that ends after `cap` records even when more match.
 */
function serve(all, request, cap) {
    const matching = request.windowEnd ? all.filter((r) => r.postedAt <= Date.parse(request.windowEnd)) : all;
    return pageOf(matching, request, cap);
}

/** One cursor page of what matches, in the order given. */
function pageOf(matching, request, cap) {
    const start = request.after ? Number(request.after) : 0;
    const end = Math.min(start + FETCH_SIZE, cap, matching.length);
    return {
        items: matching.slice(start, end),
        totalCount: matching.length,
        hasNextPage: end < Math.min(cap, matching.length),
        endCursor: String(end)
    };
}

const firstRequestOf = () => ({ after: null, windowEnd: null });

function loadEverything(all, cap) {
    let state = initialPaging();
    let requests = 0;
    for (;;) {
        const request = state.current;
        state = applyPage(state, request, serve(all, request, cap));
        requests++;
        if (!state.hasMore || requests > 1000) {
            return { state, requests };
        }
        state = advance(state);
    }
}

describe('c/socialTimelinePaging', () => {
    it('asks for upperBound batches the API accepts', () => {
        expect(pagingVariables(initialPaging().current)).toEqual({
            first: FETCH_SIZE,
            after: null,
            upperBound: UPPER_BOUND
        });
        expect(FETCH_SIZE).toBeGreaterThanOrEqual(200);
        expect(FETCH_SIZE).toBeLessThanOrEqual(2000);
    });

    it('reaches every one of 5,000 interactions through cursors', () => {
        const all = history(5000);
        const { state, requests } = loadEverything(all, Infinity);
        expect(loadedItems(state)).toHaveLength(5000);
        expect(loadedItems(state)[4999].id).toBe('a04999');
        expect(state.totalCount).toBe(5000);
        expect(state.unreachable).toBe(0);
        expect(requests).toBe(25);
    });

    it('opens Posted_At__c windows when the API stops at 4,000 records', () => {
        const all = history(5000);
        const { state } = loadEverything(all, 4000);
        expect(loadedItems(state)).toHaveLength(5000);
        expect(loadedItems(state).map((i) => i.id)).toEqual(all.map((i) => i.id));
        expect(state.unreachable).toBe(0);
    });

    it('counts, rather than hides, what even windows cannot reach', () => {
        // 300 records share one timestamp past a cap of 100: a window cannot split them.
        const all = history(400, (i) => i >= 100);
        const { state } = loadEverything(all, 100);
        expect(state.hasMore).toBe(false);
        expect(loadedItems(state).length + state.unreachable).toBe(400);
    });

    it('replaces a re-delivered page instead of appending it twice', () => {
        const all = history(450);
        let state = applyPage(initialPaging(), { after: null, windowEnd: null }, serve(all, { after: null }, Infinity));
        state = advance(state);
        state = applyPage(state, state.current, serve(all, state.current, Infinity));
        const refreshed = serve(all, { after: null }, Infinity);
        refreshed.items = [{ id: 'new', postedAt: T0 + 60000 }, ...refreshed.items.slice(0, 199)];
        state = applyPage(state, { after: null, windowEnd: null }, refreshed);
        expect(loadedItems(state)[0].id).toBe('new');
        // page 1 now holds 'new' + a00000..a00198; page 2 is kept as delivered (a00200..a00399).
        expect(loadedItems(state)).toHaveLength(400);
        expect(state.current.after).toBe('200');
    });

    it('knows a short history has no more pages', () => {
        const state = applyPage(
            initialPaging(),
            { after: null, windowEnd: null },
            { items: history(3), totalCount: 3, hasNextPage: false, endCursor: null }
        );
        expect(state.hasMore).toBe(false);
        expect(advance(state)).toBe(state);
    });

    it('extends the loaded list in place: a page costs its own items, not everything loaded', () => {
        const all = history(4200);
        let state = initialPaging();
        for (let start = 0; start < 4000; start += FETCH_SIZE) {
            state = applyPage(state, state.current, serve(all, state.current, Infinity));
            state = advance(state);
        }
        const before = loadedItems(state);
        state = applyPage(state, state.current, serve(all, state.current, Infinity));
        expect(loadedItems(state)).toBe(before);
        expect(loadedItems(state)).toHaveLength(4200);
    });

    it('jumps to a point in time, counting what lies on either side of it', () => {
        const all = history(5000);
        let state = applyPage(initialPaging(), firstRequestOf(), serve(all, firstRequestOf(), Infinity));
        const jumpTo = new Date(all[4000].postedAt).toISOString();
        state = jumpPaging(state, jumpTo);
        expect(state.current).toEqual({ after: null, windowEnd: jumpTo });
        expect(loadedItems(state)).toEqual([]);
        state = applyPage(state, state.current, serve(all, state.current, Infinity));
        expect(loadedItems(state)[0].id).toBe('a04000');
        expect(state.totalCount).toBe(5000);
        expect(state.windowCount).toBe(1000);
        expect(newerThanJump(state)).toBe(4000);
        for (let requests = 0; state.hasMore && requests < 100; requests += 1) {
            state = advance(state);
            state = applyPage(state, state.current, serve(all, state.current, Infinity));
        }
        expect(loadedItems(state)).toHaveLength(1000);
        expect(loadedItems(state)[999].id).toBe('a04999');
        expect(state.unreachable).toBe(0);
    });

    describe('paging newer from a jump point', () => {
        /**
         * The API's answer to a newer request: posted after the jump (at or after a later window's
         * start), oldest first, cursor pages of `first`, ending after `cap` records.
         */
        function serveNewer(all, from, request, cap) {
            const bound = newerBound(from, request.windowStart).Posted_At__c;
            const after = (r) => r.postedAt > Date.parse(bound.gt.value);
            const atOrAfter = (r) => r.postedAt >= Date.parse(bound.gte.value);
            return pageOf(all.filter(bound.gt ? after : atOrAfter).reverse(), request, cap);
        }

        function pageNewer(all, from, cap) {
            let state = initialNewer(from);
            let requests = 0;
            for (;;) {
                state = applyNewerPage(state, state.current, serveNewer(all, from, state.current, cap));
                requests++;
                if (!state.hasMore || requests > 1000) {
                    return { state, requests };
                }
                state = advanceNewer(state);
            }
        }

        it('asks for what is posted after the jump, oldest first, in the same upperBound batches', () => {
            const from = '2026-03-01T00:00:00.000Z';
            const state = initialNewer(from);
            expect(state.current).toEqual({ after: null, windowStart: from });
            expect(newerBound(from, state.current.windowStart)).toEqual({
                Posted_At__c: { gt: { value: from } }
            });
            expect(newerPagingVariables(state.current)).toEqual({
                first: FETCH_SIZE,
                after: null,
                upperBound: UPPER_BOUND,
                order: 'ASC'
            });
            // A later window (the API ended a result early) starts at the newest loaded, inclusive.
            expect(newerBound(from, '2026-03-02T00:00:00.000Z')).toEqual({
                Posted_At__c: { gte: { value: '2026-03-02T00:00:00.000Z' } }
            });
        });

        it('reaches the newest of 4,000 newer than the jump, nearest the jump first, never what the jump holds', () => {
            const all = history(5000);
            const from = new Date(all[4000].postedAt).toISOString();
            const { state, requests } = pageNewer(all, from, Infinity);
            expect(requests).toBe(20);
            expect(state.count).toBe(4000);
            expect(state.items).toHaveLength(4000);
            expect(state.items[0].id).toBe('a03999');
            expect(state.items[3999].id).toBe('a00000');
            expect(state.items.some((item) => item.id === 'a04000')).toBe(false);
            expect(state.unreachable).toBe(0);
        });

        it('opens Posted_At__c windows when the API ends a result early, dropping duplicates at the edge', () => {
            // Pairs share a timestamp, so every window edge repeats one interaction.
            const all = history(5000).map((r, i) => ({ ...r, postedAt: T0 - Math.floor(i / 2) * 60000 }));
            const from = new Date(all[4999].postedAt).toISOString();
            const { state, requests } = pageNewer(all, from, 1000);
            expect(state.count).toBe(4998);
            expect(state.items).toHaveLength(4998);
            expect(new Set(state.items.map((item) => item.id)).size).toBe(4998);
            expect(requests).toBeLessThan(40);
            expect(state.hasMore).toBe(false);
        });

        it('takes a page delivered again once, and extends the loaded list in place', () => {
            const all = history(1000);
            const from = new Date(all[500].postedAt).toISOString();
            let state = initialNewer(from);
            const page = serveNewer(all, from, state.current, Infinity);
            state = applyNewerPage(state, state.current, page);
            const items = state.items;
            expect(applyNewerPage(state, state.current, page)).toBe(state);
            state = advanceNewer(state);
            state = applyNewerPage(state, state.current, serveNewer(all, from, state.current, Infinity));
            expect(state.items).toBe(items);
            expect(state.items).toHaveLength(400);
            expect(state.hasMore).toBe(true);
        });

        it('knows when nothing is newer than the jump', () => {
            const all = history(50);
            const from = new Date(all[0].postedAt).toISOString();
            const { state, requests } = pageNewer(all, from, Infinity);
            expect(requests).toBe(1);
            expect(state).toMatchObject({ count: 0, hasMore: false, unreachable: 0 });
            expect(state.items).toEqual([]);
        });
    });
});
