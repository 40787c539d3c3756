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

const newestFirst = (a, b) => (b.postedAt || 0) - (a.postedAt || 0) || String(b.id).localeCompare(String(a.id));

export function firstRequest() {
    return { after: null, windowEnd: null };
}

/**
 * @param {string|null} [jumpTo] ISO instant: start at the newest interaction posted at or before it
 *   (a jump to a date or to the oldest) instead of at the newest of all
 */
export function initialPaging(jumpTo = null) {
    return {
        pages: [],
        // Every loaded interaction once, newest first, extended in place as pages arrive: the work of
        // a page is the page's, never everything loaded so far (issue 19 item 1).
        items: [],
        ids: new Set(),
        jumpTo,
        current: { after: null, windowEnd: jumpTo },
        next: null,
        totalCount: null,
        // What the first request of a jump counted: interactions posted at or before jumpTo.
        windowCount: null,
        hasMore: false,
        unreachable: 0
    };
}

/** Every loaded interaction once, newest first (the state's own array: do not change it). */
export function loadedItems(state) {
    return state.items;
}

/** All pages folded again, for the rare case a page already loaded is delivered anew (refresh). */
function rebuildItems(pages) {
    const ids = new Set();
    const items = [];
    pages.forEach((page) => {
        page.items.forEach((item) => {
            if (!ids.has(item.id)) {
                ids.add(item.id);
                items.push(item);
            }
        });
    });
    return { items: items.sort(newestFirst), ids };
}

/**
 * A new page's unseen items after those loaded (pages come newest first): the same array, extended,
 * so what depends on it can extend too; a new array only when equal times across the page edge
 * need a re-sort.
 */
function appendItems(items, ids, pageItems) {
    const added = pageItems.filter((item) => !ids.has(item.id)).sort(newestFirst);
    added.forEach((item) => ids.add(item.id));
    const last = items[items.length - 1];
    if (last && added.length && newestFirst(last, added[0]) > 0) {
        return { items: [...items, ...added].sort(newestFirst), added: added.length };
    }
    items.push(...added);
    return { items, added: added.length };
}

/**
 * Fold one page of results into the state.
 * @param {object} state current paging state
 * @param {{after: string|null, windowEnd: string|null}} request the variables this page answers
 * @param {{items: object[], totalCount: number, hasNextPage: boolean, endCursor: string|null}} page
 */
export function applyPage(state, request, page) {
    const key = requestKey(request);
    const isRefreshOfEarlierPage = key !== requestKey(state.current);
    const isRedelivery = state.pages.some((existing) => existing.key === key);
    const isFirstRequest = !request.after && (request.windowEnd || null) === (state.jumpTo || null);
    const counted = isFirstRequest && typeof page.totalCount === 'number';
    const totalCount = counted && !state.jumpTo ? page.totalCount : state.totalCount;
    const windowCount = counted && state.jumpTo ? page.totalCount : state.windowCount;
    let updated;
    let added = 0;
    if (isRedelivery) {
        const pages = state.pages.map((existing) => (existing.key === key ? { key, items: page.items } : existing));
        updated = { ...state, pages, ...rebuildItems(pages), totalCount, windowCount };
    } else {
        const appended = appendItems(state.items, state.ids, page.items);
        const items = appended.items;
        added = appended.added;
        updated = { ...state, pages: [...state.pages, { key, items: page.items }], items, totalCount, windowCount };
    }
    if (isRefreshOfEarlierPage) {
        // A cached page re-delivered (refresh): keep the cursor where the rep is.
        return updated;
    }
    const loaded = updated.items;
    if (page.hasNextPage && page.endCursor) {
        return {
            ...updated,
            next: { after: page.endCursor, windowEnd: request.windowEnd },
            hasMore: true,
            unreachable: 0
        };
    }
    // What this paging can reach: everything, or after a jump what is posted at or before it.
    const reachable = state.jumpTo ? windowCount : totalCount;
    const total = typeof reachable === 'number' ? reachable : loaded.length;
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

/**
 * Start over at a point in time, keeping the true total: the jump's own count (what is posted at
 * or before it) arrives with its first page, and the rest are newer.
 */
export function jumpPaging(state, jumpTo) {
    return { ...initialPaging(jumpTo), totalCount: state.totalCount };
}

/** How many interactions matching the filter are newer than the jump (0 without a jump). */
export function newerThanJump(state) {
    if (!state.jumpTo || typeof state.totalCount !== 'number' || typeof state.windowCount !== 'number') {
        return 0;
    }
    return Math.max(0, state.totalCount - state.windowCount);
}

/** The paging part of the GraphQL variables for one request ({ after, windowEnd }). */
export function pagingVariables(request) {
    return { first: FETCH_SIZE, after: request.after || null, upperBound: UPPER_BOUND };
}

// ---- paging newer from a jump point ------------------------------------------------------------
// After a jump the rep can also walk forward in time, a page at a time: the same query and the same
// rules (first: 200 with the constant upperBound, forward cursors), ordered oldest first and kept to
// what is posted after the jump (Posted_At__c > jumpTo), so the two directions never overlap. If the
// API ends a result early, the next request opens a window Posted_At__c >= the newest loaded and the
// duplicates at its edge are dropped, as going older does.

const oldestFirst = (a, b) => newestFirst(b, a);
const newerKey = (request) => `${request.windowStart || ''}|${request.after || ''}`;

/** Paging newer than `from` (the jump point): nothing asked yet. */
export function initialNewer(from) {
    return {
        from,
        // Loaded, oldest first (nearest the jump first): extended in place as pages arrive.
        items: [],
        ids: new Set(),
        keys: new Set(),
        current: { after: null, windowStart: from },
        next: null,
        // What the first request counted: interactions posted after the jump.
        count: null,
        hasMore: true,
        unreachable: 0
    };
}

/**
 * Fold one page of newer interactions (oldest first) into the state.
 * @param {object} state from initialNewer
 * @param {{after: string|null, windowStart: string}} request the variables this page answers
 * @param {{items: object[], totalCount: number, hasNextPage: boolean, endCursor: string|null}} page
 */
export function applyNewerPage(state, request, page) {
    const key = newerKey(request);
    if (key !== newerKey(state.current) || state.keys.has(key)) {
        // A page delivered again (refresh) or for a request no longer current: what it holds is
        // loaded already, or will be asked for again.
        return state;
    }
    const isFirstRequest = !request.after && request.windowStart === state.from;
    const count = isFirstRequest && typeof page.totalCount === 'number' ? page.totalCount : state.count;
    const added = page.items.filter((item) => !state.ids.has(item.id)).sort(oldestFirst);
    added.forEach((item) => state.ids.add(item.id));
    const last = state.items[state.items.length - 1];
    const items =
        last && added.length && oldestFirst(last, added[0]) > 0
            ? [...state.items, ...added].sort(oldestFirst)
            : state.items;
    if (items === state.items) {
        items.push(...added);
    }
    const updated = { ...state, items, keys: new Set([...state.keys, key]), count };
    if (page.hasNextPage && page.endCursor) {
        return { ...updated, next: { after: page.endCursor, windowStart: request.windowStart }, hasMore: true };
    }
    const total = typeof count === 'number' ? count : items.length;
    if (items.length < total && added.length > 0) {
        const newest = items[items.length - 1];
        return {
            ...updated,
            next: { after: null, windowStart: new Date(newest.postedAt).toISOString() },
            hasMore: true
        };
    }
    return { ...updated, next: null, hasMore: false, unreachable: Math.max(0, total - items.length) };
}

/** Move to the next newer request (the caller's wire variables follow state.current). */
export function advanceNewer(state) {
    return state.next ? { ...state, current: state.next, next: null } : state;
}

/**
 * The posted-at bound of a newer request: after the jump itself (what is at the jump belongs to
 * the older side), from the newest loaded in a window opened later (its duplicates are dropped).
 */
export function newerBound(from, windowStart) {
    return windowStart === from
        ? { Posted_At__c: { gt: { value: windowStart } } }
        : { Posted_At__c: { gte: { value: windowStart } } };
}

/** The paging part of the GraphQL variables of a newer request: oldest first from the bound. */
export function newerPagingVariables(request) {
    return { ...pagingVariables(request), order: 'ASC' };
}
