import {
    FETCH_SIZE,
    UPPER_BOUND,
    advance,
    applyPage,
    initialPaging,
    jumpPaging,
    loadedItems,
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
});
