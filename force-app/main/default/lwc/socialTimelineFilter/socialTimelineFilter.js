// The timeline's filter: which record's interactions (scope), the rep's choices (channel,
// direction, public/private, status, dates, search), their translation into the UI API GraphQL
// `where` input passed as a variable, and how the last choice is remembered per user and page.

export const STATUS_OPEN = 'open';
export const OPEN_STATUSES = ['New', 'Needs_Response'];

export const EMPTY_FILTER = Object.freeze({
    channel: '',
    direction: '',
    visibility: '',
    status: '',
    from: '',
    to: '',
    search: ''
});

/** Starting filters an admin can pick as the component's default in App Builder. */
export const PRESETS = Object.freeze({
    all: {},
    needs_response: { status: STATUS_OPEN },
    inbound: { direction: 'Inbound' },
    public: { visibility: 'Public' },
    private: { visibility: 'Private' }
});

export function presetFilter(name) {
    return { ...EMPTY_FILTER, ...(PRESETS[name] || {}) };
}

/** A complete filter object from anything (stored JSON, events), dropping unknown keys. */
export function normaliseFilter(candidate) {
    const filter = { ...EMPTY_FILTER };
    if (candidate && typeof candidate === 'object') {
        Object.keys(EMPTY_FILTER).forEach((key) => {
            if (typeof candidate[key] === 'string') {
                filter[key] = candidate[key];
            }
        });
    }
    return filter;
}

export function isFiltered(filter) {
    return Object.keys(EMPTY_FILTER).some((key) => Boolean(filter && filter[key]));
}

/** Comma/space separated network keys from the App Builder property, lower case, no blanks. */
export function parseChannelList(value) {
    return String(value || '')
        .split(/[\s,;]+/)
        .map((key) => key.trim().toLowerCase())
        .filter(Boolean);
}

const NO_IDENTITY = Object.freeze({ Identity__c: { eq: null } });
const LINKED = Object.freeze({ Link_Status__c: { eq: 'Linked' } });
const anyOf = (clauses) => (clauses.length === 1 ? clauses[0] : { or: clauses });

/**
 * A person's messages: those with no identity (an email, a note) by their own lookups, and every
 * other one through its identity's *current* link, when that link is confirmed: a `Suggested`
 * identity (or a rejected or unlinked one) contributes nothing until a rep confirms it (PRODUCT.md
 * principle 6, docs/interactions.md step 2). So a rep's unlink or relink, one write on the
 * identity, moves all its messages at once with no second write that could fail half way, and the
 * denormalised Contact__c/Lead__c a message still carries from its import never puts it on the
 * wrong record (docs/interactions.md, "Unlink and relink").
 */
function personScope(ownRecord, throughIdentity) {
    return {
        or: [{ and: [NO_IDENTITY, anyOf(ownRecord)] }, { Identity__r: { and: [LINKED, anyOf(throughIdentity)] } }]
    };
}

/**
 * Which interactions belong on this record page, narrowed to confirmed identities. A Contact also
 * shows the history of every Lead converted into it (Lead.ConvertedContactId), and an Account that
 * of Leads converted into it, at once: Salesforce does not move custom lookups on conversion, and
 * a deploy or import moves them only later. A case shows its own interactions (someone put each on
 * the case) and its contact's. Parent filters as the GraphQL API documents them ("Parent and Child
 * Relationship Filters", https://developer.salesforce.com/docs/platform/graphql/guide/filter-parent.html).
 * @returns {object|null} a Social_Interaction__c_Filter, or null when the page is not supported
 */
export function recordScope(objectApiName, recordId, caseContactId) {
    if (!recordId) {
        return null;
    }
    const id = { eq: recordId };
    switch (objectApiName) {
        case 'Contact': {
            const person = [{ Contact__c: id }, { Lead__r: { ConvertedContactId: id } }];
            return personScope(person, person);
        }
        case 'Lead':
            return personScope([{ Lead__c: id }], [{ Lead__c: id }]);
        case 'Account':
            return personScope(
                [{ Account__c: id }, { Lead__r: { ConvertedAccountId: id } }],
                [{ Contact__r: { AccountId: id } }, { Lead__r: { ConvertedAccountId: id } }]
            );
        case 'Case':
            return caseContactId ? { or: [{ Case__c: id }, recordScope('Contact', caseContactId)] } : { Case__c: id };
        default:
            return null;
    }
}

/** Local midnight of a yyyy-mm-dd date as an ISO instant, or null for an invalid date. */
export function startOfDay(dateText, dayOffset = 0) {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(dateText || '');
    if (!match) {
        return null;
    }
    const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + dayOffset);
    return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/**
 * The `where` variable for one timeline request.
 * @param {object} options
 * @param {object} options.scope recordScope(...)
 * @param {object} options.filter the rep's filter (search is applied on the client: Body__c is a
 *   long text area, which the API cannot filter)
 * @param {string[]} options.allowedChannels channels the admin chose for this page ([] = all)
 * @param {boolean} options.showPrivate false keeps private messages off this page entirely
 * @param {string[]} [options.disabledChannels] channels an admin turned off (c/socialDisabledChannels):
 *   their interactions are never shown
 * @param {string} [options.postedAtOrBefore] ISO instant closing a paging window (see socialTimelinePaging)
 */
export function buildWhere({
    scope,
    filter,
    allowedChannels = [],
    showPrivate = true,
    disabledChannels = [],
    postedAtOrBefore = null
}) {
    const clauses = [scope];
    const chosen = filter || EMPTY_FILTER;
    // A remembered channel the admin has since removed from this page, or turned off, is ignored,
    // never widened.
    const channelAllowed =
        (allowedChannels.length === 0 || allowedChannels.includes(chosen.channel)) &&
        !disabledChannels.includes(chosen.channel);
    if (chosen.channel && channelAllowed) {
        clauses.push({ Network__c: { eq: chosen.channel } });
    } else {
        if (allowedChannels.length) {
            clauses.push({ Network__c: { in: allowedChannels } });
        }
        if (disabledChannels.length) {
            clauses.push({ Network__c: { nin: disabledChannels } });
        }
    }
    if (chosen.direction) {
        clauses.push({ Direction__c: { eq: chosen.direction } });
    }
    if (!showPrivate) {
        // A remembered "Private" choice cannot apply on a page that shows public messages only.
        clauses.push({ Visibility__c: { eq: 'Public' } });
    } else if (chosen.visibility) {
        clauses.push({ Visibility__c: { eq: chosen.visibility } });
    }
    if (chosen.status === STATUS_OPEN) {
        clauses.push({ Status__c: { in: OPEN_STATUSES } });
    } else if (chosen.status) {
        clauses.push({ Status__c: { eq: chosen.status } });
    }
    const from = startOfDay(chosen.from);
    if (from) {
        clauses.push({ Posted_At__c: { gte: { value: from } } });
    }
    const toExclusive = startOfDay(chosen.to, 1);
    if (toExclusive) {
        clauses.push({ Posted_At__c: { lt: { value: toExclusive } } });
    }
    if (postedAtOrBefore) {
        clauses.push({ Posted_At__c: { lte: { value: postedAtOrBefore } } });
    }
    return clauses.length === 1 ? scope : { and: clauses };
}

/**
 * What the page would show but for the channels an admin turned off: the page's own limits (its
 * channels, private messages), not the rep's filter, narrowed to the disabled channels it allows.
 * The timeline counts these to say how many messages are hidden and why.
 * @returns {object|null} a Social_Interaction__c_Filter, or null when no allowed channel is off
 */
export function disabledChannelsWhere({ scope, allowedChannels = [], showPrivate = true, disabledChannels = [] }) {
    const hidden = disabledChannels.filter((key) => !allowedChannels.length || allowedChannels.includes(key));
    if (!scope || !hidden.length) {
        return null;
    }
    const where = buildWhere({ scope, filter: EMPTY_FILTER, allowedChannels: [], showPrivate });
    const clauses = where === scope ? [scope] : where.and;
    return { and: [...clauses, { Network__c: { in: hidden } }] };
}

/** Case-insensitive match of the search text against body, author, contact and channel. */
export function matchesSearch(interaction, search) {
    const needle = String(search || '')
        .trim()
        .toLowerCase();
    if (!needle) {
        return true;
    }
    return [
        interaction.body,
        interaction.authorHandle,
        interaction.authorName,
        interaction.contactName,
        interaction.network
    ]
        .filter(Boolean)
        .some((value) => String(value).toLowerCase().includes(needle));
}

/** One remembered filter per user and record page (object), not per record: a rep's habit. */
export function storageKey(userId, objectApiName) {
    return `socialBridge.timelineFilter.${userId || 'anonymous'}.${objectApiName || 'page'}`;
}

/** The stored filter, or null when none is stored or storage is unavailable or corrupt. */
export function readStoredFilter(storage, key) {
    try {
        const raw = storage && storage.getItem(key);
        return raw ? normaliseFilter(JSON.parse(raw)) : null;
    } catch {
        return null;
    }
}

/** Remember the filter; private browsing or a full quota must not break the timeline. */
export function writeStoredFilter(storage, key, filter) {
    try {
        if (storage) {
            storage.setItem(key, JSON.stringify(normaliseFilter(filter)));
        }
        return true;
    } catch {
        return false;
    }
}

// ---- defaults saved in Salesforce (Social_Rep_Preference__c), which follow the rep ------------

export const PREFERENCE_OBJECT = 'Social_Rep_Preference__c';

/** One record per rep and page: the unique key two devices saving at once both name. */
export function preferenceKey(userId, objectApiName) {
    return `${userId || 'anonymous'}:${objectApiName || 'page'}`;
}

/** The rep's own record for this page: owned by them (sharing keeps it private) and keyed. */
export function preferenceWhere(userId, objectApiName) {
    return {
        and: [{ OwnerId: { eq: userId } }, { Preference_Key__c: { eq: preferenceKey(userId, objectApiName) } }]
    };
}

/** What is saved: the filter without the search text, which is a moment's question, not a habit. */
export function savedFilterText(filter) {
    return JSON.stringify({ ...normaliseFilter(filter), search: '' });
}

/** The saved record from the GraphQL answer: its id and filter, or null when the rep saved none. */
export function preferenceOf(data) {
    const node = data?.uiapi?.query?.[PREFERENCE_OBJECT]?.edges?.[0]?.node;
    if (!node) {
        return null;
    }
    let filter = null;
    try {
        const text = node.Timeline_Filter__c && node.Timeline_Filter__c.value;
        filter = text ? normaliseFilter(JSON.parse(text)) : null;
    } catch {
        // A value edited by hand into something unreadable: start from the page default instead.
        filter = null;
    }
    return { id: node.Id, filter };
}

/** updateRecord input for the rep's saved defaults once their record exists. */
export function preferenceUpdateInput(preferenceId, filter) {
    return { fields: { Id: preferenceId, Timeline_Filter__c: savedFilterText(filter) } };
}

/** createRecord input for the rep's first saved defaults on this page. */
export function newPreferenceInput(userId, objectApiName, filter) {
    return {
        apiName: PREFERENCE_OBJECT,
        fields: {
            Name: `Timeline: ${objectApiName || 'page'}`,
            Page__c: objectApiName || 'page',
            Preference_Key__c: preferenceKey(userId, objectApiName),
            Timeline_Filter__c: savedFilterText(filter)
        }
    };
}
