// The timeline's threads, grown page by page, and the window of them the page renders: a "Load
// more" hands over only the interactions it reveals, only the threads they touch are regrouped,
// and the DOM holds a bounded window of threads however much is loaded (issue 19 item 1). After a
// jump, pages newer than the jump point go in at the front the same way.
import { groupIntoThreads, threadKeyOf } from 'c/socialThreads';

/** Interactions rendered at most (whole threads, so a little more): ten pages of the default 20. */
export const WINDOW_INTERACTIONS = 200;
/**
 * What a window following "Load more" drops to once it passes WINDOW_INTERACTIONS. Dropping in one
 * large step rather than a page's worth on every click means most clicks only add: profiled in
 * Chromium, a click that also removes threads renders twice and restyles and lays out the whole
 * window, which made the 4,000th page cost 1.4-1.8x the first (docs/lwc-components.md).
 */
export const WINDOW_FLOOR = 100;

/**
 * @param {object[]} source the interactions the threads come from, newest first (the array may
 *   grow at its end; a new array starts a new index)
 */
export function createThreadIndex(source) {
    return { source, consumed: 0, threads: [], byKey: new Map(), version: 0 };
}

const threadOrder = (a, b) => b.latestAt - a.latestAt || String(a.key).localeCompare(String(b.key));

/**
 * Take source[consumed..upTo) into the threads. Those arrive oldest last, so a thread they start
 * sorts after every thread already there; a thread they extend keeps its place (its latest message
 * is unchanged). Returns the keys of the threads touched, whose view models must be made again.
 * @param {object} index from createThreadIndex (changed in place)
 * @param {number} upTo how many of the source are revealed
 * @returns {Set<string>}
 */
export function extendThreadIndex(index, upTo) {
    const end = Math.min(upTo, index.source.length);
    const touched = new Map();
    for (let position = index.consumed; position < end; position += 1) {
        const interaction = index.source[position];
        const key = threadKeyOf(interaction);
        if (!touched.has(key)) {
            const known = index.byKey.get(key);
            touched.set(key, known ? [...known.interactions] : []);
        }
        touched.get(key).push(interaction);
    }
    index.consumed = Math.max(index.consumed, end);
    if (!touched.size) {
        return new Set();
    }
    const created = [];
    touched.forEach((members, key) => {
        const [thread] = groupIntoThreads(members);
        const known = index.byKey.get(key);
        if (known) {
            index.threads[index.threads.indexOf(known)] = thread;
        } else {
            created.push(thread);
        }
        index.byKey.set(key, thread);
    });
    created.sort(threadOrder);
    const last = index.threads[index.threads.length - 1];
    index.threads.push(...created);
    if (last && created.length && threadOrder(last, created[0]) > 0) {
        // Equal times across a page edge: keep the order a full grouping would give.
        index.threads.sort(threadOrder);
    }
    index.version += 1;
    return new Set(touched.keys());
}

/**
 * Take interactions newer than every one in the index (paging newer from a jump point, oldest
 * first) into the threads: the threads they start or continue have the newest activity now, so
 * they go to the front, newest first; the others keep their order. The mirror of extendThreadIndex,
 * with the same work: the page's threads only.
 * @param {object} index from createThreadIndex (changed in place)
 * @param {object[]} newer the interactions, any order
 * @returns {Set<string>} the keys of the threads touched
 */
export function prependToThreadIndex(index, newer) {
    const touched = new Map();
    newer.forEach((interaction) => {
        const key = threadKeyOf(interaction);
        if (!touched.has(key)) {
            const known = index.byKey.get(key);
            touched.set(key, known ? [...known.interactions] : []);
        }
        touched.get(key).push(interaction);
    });
    if (!touched.size) {
        return new Set();
    }
    const moved = [];
    touched.forEach((members, key) => {
        const [thread] = groupIntoThreads(members);
        index.byKey.set(key, thread);
        moved.push(thread);
    });
    moved.sort(threadOrder);
    const kept = index.threads.filter((thread) => !touched.has(thread.key));
    index.threads = [...moved, ...kept];
    const next = kept[0];
    if (next && threadOrder(moved[moved.length - 1], next) > 0) {
        // Equal times across the jump edge: keep the order a full grouping would give.
        index.threads.sort(threadOrder);
    }
    index.version += 1;
    return new Set(touched.keys());
}

/**
 * Which threads to render: whole threads ending at `end` (exclusive), going back until about
 * `limit` interactions are in, at least one thread.
 * @returns {{start: number, end: number}}
 */
export function windowEndingAt(threads, end, limit = WINDOW_INTERACTIONS) {
    const last = Math.max(0, Math.min(end, threads.length));
    let start = last;
    let count = 0;
    while (start > 0 && (count === 0 || count + threads[start - 1].interactions.length <= limit)) {
        start -= 1;
        count += threads[start].interactions.length;
    }
    return { start, end: last };
}

/**
 * The window that follows the newest revealed thread while "Load more" adds threads at the end: it
 * keeps its start and grows until it holds more than `limit` interactions, then starts again from
 * about `floor` (whole threads ending at the last one).
 * @param {number|null} start where the window started (null: it starts following now)
 * @returns {{start: number, end: number}}
 */
export function windowFollowingEnd(threads, start, limit = WINDOW_INTERACTIONS, floor = WINDOW_FLOOR) {
    const end = threads.length;
    if (start === null || start >= end) {
        return windowEndingAt(threads, end, limit);
    }
    return interactionsIn(threads, start, end) <= limit ? { start, end } : windowEndingAt(threads, end, floor);
}

/** The window starting at `start`, going forward the same way. */
export function windowStartingAt(threads, start, limit = WINDOW_INTERACTIONS) {
    const first = Math.max(0, Math.min(start, threads.length));
    let end = first;
    let count = 0;
    while (end < threads.length && (count === 0 || count + threads[end].interactions.length <= limit)) {
        count += threads[end].interactions.length;
        end += 1;
    }
    return { start: first, end };
}

/** Interactions in threads[from..to). */
export function interactionsIn(threads, from, to) {
    let count = 0;
    for (let position = Math.max(0, from); position < Math.min(to, threads.length); position += 1) {
        count += threads[position].interactions.length;
    }
    return count;
}
