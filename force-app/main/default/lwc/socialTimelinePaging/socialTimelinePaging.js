// Paging state for the timeline: forward cursors (first/after) with a constant upperBound so a
// person with thousands of interactions is reachable to the oldest one. If the API still ends a
// result early (record-connection paging stops at 4,000 records without upperBound), the next
// request opens a new window, Posted_At__c <= the oldest loaded, and duplicates at the window
// edge are dropped. Nothing is ever silently capped: what cannot be reached is counted.

// upperBound paging takes batches of 200 to 2,000; the component reveals them pageSize at a time.
export const FETCH_SIZE = 200;
// Constant for the whole collection: the wire adapter expects upperBound not to change while paging.
export const UPPER_BOUND = 50000;

const requestKey = (request) => `${request.windowEnd || ''}|${request.after || ''}`;

export function firstRequest() {
    return { after: null, windowEnd: null };
}

export function initialPaging() {
    return {
        pages: [],
        current: firstRequest(),
        next: null,
        totalCount: null,
        hasMore: false,
        unreachable: 0
    };
}

/** Every loaded interaction once, newest first. */
export function loadedItems(state) {
    const seen = new Set();
    const items = [];
    state.pages.forEach((page) => {
        page.items.forEach((item) => {
            if (!seen.has(item.id)) {
                seen.add(item.id);
                items.push(item);
            }
        });
    });
    return items.sort((a, b) => (b.postedAt || 0) - (a.postedAt || 0) || String(b.id).localeCompare(String(a.id)));
}

/**
 * Fold one page of results into the state.
 * @param {object} state current paging state
 * @param {{after: string|null, windowEnd: string|null}} request the variables this page answers
 * @param {{items: object[], totalCount: number, hasNextPage: boolean, endCursor: string|null}} page
 */
export function applyPage(state, request, page) {
    const key = requestKey(request);
    const known = new Set(loadedItems(state).map((item) => item.id));
    const isRefreshOfEarlierPage = key !== requestKey(state.current);
    const pages = state.pages.some((existing) => existing.key === key)
        ? state.pages.map((existing) => (existing.key === key ? { key, items: page.items } : existing))
        : [...state.pages, { key, items: page.items }];
    const isFirstWindowStart = !request.after && !request.windowEnd;
    const totalCount = isFirstWindowStart && typeof page.totalCount === 'number' ? page.totalCount : state.totalCount;
    const updated = { ...state, pages, totalCount };
    if (isRefreshOfEarlierPage) {
        // A cached page re-delivered (refresh): keep the cursor where the rep is.
        return updated;
    }
    const loaded = loadedItems(updated);
    const added = page.items.filter((item) => !known.has(item.id)).length;
    if (page.hasNextPage && page.endCursor) {
        return {
            ...updated,
            next: { after: page.endCursor, windowEnd: request.windowEnd },
            hasMore: true,
            unreachable: 0
        };
    }
    const total = typeof totalCount === 'number' ? totalCount : loaded.length;
    if (loaded.length < total && added > 0) {
        const oldest = loaded[loaded.length - 1];
        return {
            ...updated,
            next: { after: null, windowEnd: new Date(oldest.postedAt).toISOString() },
            hasMore: true,
            unreachable: 0
        };
    }
    return { ...updated, next: null, hasMore: false, unreachable: Math.max(0, total - loaded.length) };
}

/** Move to the next request (the caller's wire variables follow state.current). */
export function advance(state) {
    return state.next ? { ...state, current: state.next, next: null } : state;
}

/** The paging part of the GraphQL variables for one request ({ after, windowEnd }). */
export function pagingVariables(request) {
    return { first: FETCH_SIZE, after: request.after || null, upperBound: UPPER_BOUND };
}
