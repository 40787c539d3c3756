// Channels an admin turned off (Social_Channel__c.Enabled__c = false): their interactions stay in
// the org, but reps do not see them, neither on the timeline nor in "Catch me up" (PRODUCT.md
// principle 4, "choose your channels"). An interaction's Network__c is the channel's key as text,
// not a lookup, so a query cannot reach the channel's Enabled__c through a relationship: the
// components leave the disabled keys out with `Network__c: { nin: [...] }`.
// The channels arrive in the same request as the interactions, so a request can only exclude the
// keys known before it was sent: the ones this browser saw last, remembered here. An answer whose
// channels say otherwise is not shown; the request goes again with the keys it names. While the
// admin's choice stays the same (the usual case), the first request is the only one.

const STORAGE_KEY = 'socialBridge.disabledChannels';

/** Network keys of the channels turned off, sorted, each once (channels from toChannel). */
export function disabledChannelKeys(channels) {
    const keys = (channels || [])
        .filter((channel) => channel && channel.enabled === false && channel.networkKey)
        .map((channel) => channel.networkKey);
    return [...new Set(keys)].sort();
}

/** Whether two key lists name the same channels (both sorted, as disabledChannelKeys gives them). */
export function sameChannelKeys(first, second) {
    return first.length === second.length && first.every((key, index) => key === second[index]);
}

function withClause(where, clause) {
    if (where && Object.keys(where).length === 1 && Array.isArray(where.and)) {
        return { and: [...where.and, clause] };
    }
    return { and: [where, clause] };
}

/** `where` narrowed to the channels still on; unchanged when none is off. */
export function withoutChannels(where, keys) {
    return keys && keys.length ? withClause(where, { Network__c: { nin: keys } }) : where;
}

/** `where` narrowed to the given channels' interactions: what the timeline hides and counts. */
export function onlyChannels(where, keys) {
    return withClause(where, { Network__c: { in: keys } });
}

/** The keys this browser saw turned off last time, or [] when none is known (or storage is blocked). */
export function rememberedDisabledChannels(storage) {
    try {
        const raw = storage && storage.getItem(STORAGE_KEY);
        const keys = raw ? JSON.parse(raw) : [];
        return Array.isArray(keys) ? [...new Set(keys.filter((key) => typeof key === 'string' && key))].sort() : [];
    } catch {
        return [];
    }
}

/** Remember the keys for the next page load; a blocked or full storage only costs a second request. */
export function rememberDisabledChannels(storage, keys) {
    try {
        if (storage) {
            storage.setItem(STORAGE_KEY, JSON.stringify(keys));
        }
    } catch {
        // Nothing to do: without the memory the next load asks twice, and is still right.
    }
}

/** The browser's localStorage, or null where settings block it. */
export function browserStorage() {
    try {
        return window.localStorage;
    } catch {
        return null;
    }
}
