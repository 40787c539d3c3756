// The social timeline on a Contact, Lead, Account or Case page: every interaction of the person
// (an account's contacts, a case and its contact), newest first, grouped into threads that may
// hop channels, with filters the rep's browser remembers, and paging that reaches the oldest one.
import { LightningElement, api, wire } from 'lwc';
import { AccessState } from 'c/socialAccessState';
import { graphql } from 'lightning/graphql';
import { NavigationMixin } from 'lightning/navigation';
import { encodeDefaultFieldValues } from 'lightning/pageReferenceUtils';
import { registerRefreshHandler, unregisterRefreshHandler } from 'lightning/refresh';
import USER_ID from '@salesforce/user/Id';
import FORM_FACTOR from '@salesforce/client/formFactor';
import TITLE from '@salesforce/label/c.Social_Timeline_Title';
import LOADING from '@salesforce/label/c.Social_Timeline_Loading';
import REFRESH from '@salesforce/label/c.Social_Timeline_Refresh';
import SHOW_FILTERS from '@salesforce/label/c.Social_Timeline_ShowFilters';
import HIDE_FILTERS from '@salesforce/label/c.Social_Timeline_HideFilters';
import SHOWING from '@salesforce/label/c.Social_Timeline_Showing';
import SHOWING_MATCHES from '@salesforce/label/c.Social_Timeline_ShowingMatches';
import LOAD_MORE from '@salesforce/label/c.Social_Timeline_LoadMore';
import LOADING_MORE from '@salesforce/label/c.Social_Timeline_LoadingMore';
import REACHED_OLDEST from '@salesforce/label/c.Social_Timeline_ReachedOldest';
import UNREACHABLE from '@salesforce/label/c.Social_Timeline_Unreachable';
import SEARCH_SCOPE from '@salesforce/label/c.Social_Timeline_SearchScope';
import NO_MATCHES from '@salesforce/label/c.Social_Timeline_NoMatches';
import CLEAR_FILTERS from '@salesforce/label/c.Social_Timeline_ClearFilters';
import EMPTY_TITLE from '@salesforce/label/c.Social_Timeline_EmptyTitle';
import EMPTY_PERSON from '@salesforce/label/c.Social_Timeline_EmptyPerson';
import EMPTY_ACCOUNT from '@salesforce/label/c.Social_Timeline_EmptyAccount';
import EMPTY_CASE from '@salesforce/label/c.Social_Timeline_EmptyCase';
import EMPTY_CASE_NO_CONTACT from '@salesforce/label/c.Social_Timeline_EmptyCaseNoContact';
import LINK_IDENTITY from '@salesforce/label/c.Social_Timeline_LinkIdentity';
import LOAD_ERROR from '@salesforce/label/c.Social_Timeline_LoadError';
import LOAD_ERROR_ACTION from '@salesforce/label/c.Social_Timeline_LoadErrorAction';
import UNSUPPORTED_PAGE from '@salesforce/label/c.Social_Timeline_UnsupportedPage';
import THREADS_LABEL from '@salesforce/label/c.Social_Timeline_ThreadsLabel';
import SHOWING_FROM from '@salesforce/label/c.Social_Timeline_ShowingFrom';
import SHOW_NEWER from '@salesforce/label/c.Social_Timeline_ShowNewer';
import SHOW_OLDER from '@salesforce/label/c.Social_Timeline_ShowOlder';
import JUMP_DATE from '@salesforce/label/c.Social_Timeline_JumpDate';
import JUMP_GO from '@salesforce/label/c.Social_Timeline_JumpGo';
import JUMP_OLDEST from '@salesforce/label/c.Social_Timeline_JumpOldest';
import JUMP_NEWEST from '@salesforce/label/c.Social_Timeline_JumpNewest';
import HIDDEN_CHANNELS from '@salesforce/label/c.Social_Timeline_HiddenChannels';
import HIDDEN_CHANNELS_ONE from '@salesforce/label/c.Social_Timeline_HiddenChannelsOne';
import LOAD_NEWER from '@salesforce/label/c.Social_Timeline_LoadNewer';
import LOADING_NEWER from '@salesforce/label/c.Social_Timeline_LoadingNewer';
import { formatLabel } from 'c/labelFormat';
import { RepPreference } from 'c/socialRepPreference';
import { channelsByKey, nodesOf, toChannel, toInteraction } from 'c/socialInteractionModel';
import { wholeThreads } from 'c/socialThreads';
import {
    createThreadIndex,
    extendThreadIndex,
    prependToThreadIndex,
    windowEndingAt,
    windowFollowingEnd,
    windowStartingAt
} from 'c/socialTimelineWindow';
import { threadView } from 'c/socialTimelineView';
import { countText, exactTimeText } from 'c/socialTimeText';
import {
    EMPTY_FILTER,
    buildWhere,
    disabledChannelsWhere,
    isFiltered,
    matchesSearch,
    normaliseFilter,
    parseChannelList,
    preferenceWhere,
    presetFilter,
    readStoredFilter,
    recordScope,
    startOfDay,
    storageKey,
    writeStoredFilter
} from 'c/socialTimelineFilter';
import {
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
import { CASE_CONTACT_QUERY, caseContactOf } from 'c/socialCaseContact';
import {
    disabledChannelKeys,
    rememberDisabledChannels,
    rememberedDisabledChannels,
    sameChannelKeys
} from 'c/socialDisabledChannels';
import { replyStateByInbound, undeliveredRepliesWhere } from 'c/socialDelivery';
import { TIMELINE_QUERY } from './timelineQuery';
import { OLDEST_QUERY } from './oldestQuery';
import { PREFERENCE_QUERY } from './preferenceQuery';
import { THREAD_MEMBERS_QUERY } from './threadMembersQuery';
import { HIDDEN_COUNT_QUERY } from './hiddenCountQuery';

const DEFAULT_PAGE_SIZE = 20;
const MAX_PAGE_SIZE = 200;
const CLOCK_TICK_MS = 60 * 1000;
const NO_ITEMS = Object.freeze([]);

function browserStorage() {
    try {
        return window.localStorage;
    } catch {
        // Storage can be blocked by browser settings: the timeline still works, it just forgets.
        return null;
    }
}

function emptyDerived() {
    return {
        matchesOf: null,
        search: '',
        matches: [],
        scanned: 0,
        // The same for interactions paged newer than a jump point (oldest first), and how many of
        // their matches the thread index holds.
        newerOf: null,
        newerSearch: '',
        newerMatches: [],
        newerScanned: 0,
        newerConsumed: 0,
        index: null,
        views: new Map(),
        channelsKey: '',
        channelMap: {},
        undeliveredKey: '',
        undeliveredByInbound: new Map()
    };
}

/** A short signature of records delivered again with every page, to keep what did not change. */
function signatureOf(records, fields) {
    return records.map((record) => fields.map((field) => String(record[field])).join(':')).join('|');
}

export default class SocialTimeline extends AccessState(NavigationMixin(LightningElement)) {
    _recordId;

    /** The page's record. The same component can be handed another record (console tabs, the
     * preview's record switcher): what was loaded belongs to the old one, so paging starts over. */
    @api
    get recordId() {
        return this._recordId;
    }

    set recordId(value) {
        if (value === this._recordId) {
            return;
        }
        const isChange = this._recordId !== undefined;
        this._recordId = value;
        if (isChange) {
            this.caseContactId = undefined;
            this.caseContactResolved = false;
            this.displayCount = this.effectivePageSize;
            this.resetPaging();
            this.forgetWholeThreads();
        }
    }

    @api objectApiName;
    /** Set by Lightning App Builder: SMALL in a narrow sidebar. */
    @api flexipageRegionWidth;
    /** Network keys shown on this page, comma separated; empty shows every channel. */
    @api channels = '';
    /** Interactions revealed per "Load more". */
    @api pageSize = DEFAULT_PAGE_SIZE;
    /** False keeps private messages (DMs, email) off this page for everyone who sees it. */
    @api showPrivate = false;
    /** Starting filter when the rep has none remembered: all, needs_response, inbound, public, private. */
    @api defaultFilter = 'all';
    /** One line per message, fewer details: for busy pages. */
    @api compactMode = false;

    filter = { ...EMPTY_FILTER };
    paging = initialPaging();
    // The request the wire is asked for, as primitives: the wire config must not read `paging`,
    // which is replaced on every page delivered (LWC re-sends the config whenever anything it read
    // changes, and a re-sent config would re-deliver the page: a loop).
    requestAfter = null;
    requestWindowEnd = null;
    channelList = [];
    // Channels an admin turned off, whose messages every request leaves out: at first the ones this
    // browser saw last, then the ones each answer names (c/socialDisabledChannels).
    disabledChannels = rememberedDisabledChannels(browserStorage());
    // How many of the record's messages those channels hold: the page says so instead of showing them.
    hiddenCount = 0;
    refreshHiddenCount;
    // True from an answer that named other disabled channels until the one asked again arrives.
    askingWithoutChannels = false;
    // Our replies not delivered yet in this scope, whatever the filter: for "reply queued" badges.
    undeliveredReplies = [];
    displayCount = DEFAULT_PAGE_SIZE;
    // Threads as a whole (head and count) by thread key, whatever page their messages came on, and
    // the keys asked for, as one string: the wire config reads only primitives (see requestAfter).
    wholeThreadFacts = new Map();
    threadKeysRequest = '';
    isLoading = true;
    isLoadingMore = false;
    // What the page renders, made by refreshView(): the window of thread view models and the counts.
    threads = [];
    pendingThreads = null;
    windowInfo = { start: 0, end: 0, total: 0 };
    counts = { loaded: 0, matching: 0, olderMatching: 0, newerRevealed: 0, visible: 0 };
    // null: the window follows the newest revealed thread; a thread index: the rep moved it there.
    windowStart = null;
    // Where the window following the newest revealed thread starts (see windowFollowingEnd).
    followStart = null;
    // Derived state extended page by page (never rebuilt from everything loaded): plain objects
    // changed in place, so a change re-renders only through the fields above.
    derived = emptyDerived();
    jumpDate = '';
    // The rep's saved defaults in Salesforce, and whether the rep changed the filter here before they
    // answered (then their choice wins).
    preference = new RepPreference(USER_ID);
    filterTouched = false;
    // Set while the oldest interactions' date is being read for "Oldest" (the wire's trigger).
    oldestRequested = false;
    // Paging newer than a jump point (null without a jump), how many of its interactions are
    // revealed, and its request as primitives for the wire config (see requestAfter).
    newer = null;
    newerShown = 0;
    newerFrom = null;
    newerAfter = null;
    newerWindowStart = null;
    isLoadingNewer = false;
    errors;
    caseContactId;
    caseContactResolved = false;
    filtersOpen;
    now = Date.now();

    refreshTimeline;
    refreshOnNextData = false;
    refreshHandlerId;
    clock;

    labels = {
        title: TITLE,
        loading: LOADING,
        refresh: REFRESH,
        loadMore: LOAD_MORE,
        loadingMore: LOADING_MORE,
        reachedOldest: REACHED_OLDEST,
        noMatches: NO_MATCHES,
        clearFilters: CLEAR_FILTERS,
        emptyTitle: EMPTY_TITLE,
        linkIdentity: LINK_IDENTITY,
        loadError: LOAD_ERROR,
        loadErrorAction: LOAD_ERROR_ACTION,
        unsupportedPage: UNSUPPORTED_PAGE,
        threads: THREADS_LABEL,
        jumpDate: JUMP_DATE,
        jumpGo: JUMP_GO,
        jumpOldest: JUMP_OLDEST,
        jumpNewest: JUMP_NEWEST
    };

    get loadNewerLabel() {
        return this.isLoadingNewer ? LOADING_NEWER : LOAD_NEWER;
    }

    connectedCallback() {
        this.displayCount = this.effectivePageSize;
        this.filtersOpen = !this.isNarrow;
        const stored = readStoredFilter(browserStorage(), this.filterStorageKey);
        this.filter = stored || presetFilter(this.defaultFilter);
        // The host element and a bound handler: the form the LWC Developer Guide gives for orgs on
        // Lightning Locker (registerRefreshHandler(), "Use RefreshView API"), where `this` is a
        // wrapper; the host is the HTMLElement the API asks for under Lightning Web Security too.
        this.refreshHandlerId = registerRefreshHandler(this.template.host, this.refreshHandler.bind(this));
        // Relative times ("5 min ago") and SLA countdowns move with the clock.
        // eslint-disable-next-line @lwc/lwc/no-async-operation
        this.clock = setInterval(() => {
            this.now = Date.now();
            this.refreshView();
        }, CLOCK_TICK_MS);
    }

    disconnectedCallback() {
        unregisterRefreshHandler(this.refreshHandlerId);
        clearInterval(this.clock);
    }

    // ---- data -------------------------------------------------------------------------------

    get caseContactQuery() {
        return this.objectApiName === 'Case' && this.recordId ? CASE_CONTACT_QUERY : undefined;
    }

    get caseContactVariables() {
        return { caseId: this.recordId };
    }

    @wire(graphql, { query: '$caseContactQuery', variables: '$caseContactVariables' })
    wiredCaseContact({ data, errors }) {
        const contact = caseContactOf(data);
        if (contact) {
            this.caseContactId = contact.id;
            this.caseContactResolved = true;
        } else if (errors && this.objectApiName === 'Case') {
            // Without the contact the case's own interactions still show.
            this.caseContactResolved = true;
        }
    }

    get scope() {
        if (this.objectApiName === 'Case' && !this.caseContactResolved) {
            return null;
        }
        return recordScope(this.objectApiName, this.recordId, this.caseContactId);
    }

    get allowedChannels() {
        return parseChannelList(this.channels);
    }

    get timelineQuery() {
        return this.scope ? TIMELINE_QUERY : undefined;
    }

    get timelineVariables() {
        const scope = this.scope;
        if (!scope) {
            return undefined;
        }
        return {
            where: this.whereFor(scope, this.requestWindowEnd),
            ...pagingVariables({ after: this.requestAfter }),
            undelivered: undeliveredRepliesWhere(scope)
        };
    }

    /** The rep's filter within the page's limits, optionally up to a point in time. */
    whereFor(scope, postedAtOrBefore = null) {
        return buildWhere({
            scope,
            filter: this.filter,
            allowedChannels: this.allowedChannels,
            showPrivate: this.showPrivate,
            disabledChannels: this.disabledChannels,
            postedAtOrBefore
        });
    }

    @wire(graphql, { query: '$timelineQuery', variables: '$timelineVariables' })
    wiredTimeline(result) {
        const { data, errors, refresh } = result || {};
        if (refresh) {
            this.refreshTimeline = refresh;
        }
        if (errors && errors.length) {
            this.errors = errors;
            this.isLoading = false;
            this.isLoadingMore = false;
            return;
        }
        const page = this.takeTimelineAnswer(data);
        if (!page) {
            return;
        }
        this.paging = applyPage(this.paging, this.paging.current, page);
        this.isLoading = false;
        this.isLoadingMore = false;
        this.refreshView();
        if (this.refreshOnNextData && this.refreshTimeline) {
            // The first page came from the cache: now ask the server for the current one.
            this.refreshOnNextData = false;
            this.refreshTimeline();
        }
    }

    get threadMembersQuery() {
        return this.threadKeysRequest && this.scope ? THREAD_MEMBERS_QUERY : undefined;
    }

    get threadMembersVariables() {
        const scope = this.scope;
        if (!this.threadKeysRequest || !scope) {
            return undefined;
        }
        // The page's own limits (channels, private messages) hold; the rep's filter does not: a
        // thread's head and count are the whole conversation's, even where a filter hides part of it.
        const where = buildWhere({
            scope,
            filter: EMPTY_FILTER,
            allowedChannels: this.allowedChannels,
            showPrivate: this.showPrivate,
            disabledChannels: this.disabledChannels
        });
        return { where: { and: [where, { Thread_Key__c: { in: this.threadKeysRequest.split('\n') } }] } };
    }

    @wire(graphql, { query: '$threadMembersQuery', variables: '$threadMembersVariables' })
    wiredThreadMembers({ data, errors }) {
        const connection = data?.uiapi?.query?.Social_Interaction__c;
        if ((errors && errors.length) || !connection || !this.threadKeysRequest) {
            // Without the answer the threads stay labelled as partial: nothing is guessed. An answer
            // nobody asked for (the request was dropped on a refresh) is not taken either.
            return;
        }
        const facts = wholeThreads(nodesOf(connection, toInteraction), {
            complete: connection.pageInfo?.hasNextPage !== true
        });
        facts.forEach((fact, key) => this.wholeThreadFacts.set(key, fact));
        this.refreshView();
    }

    /**
     * One answer of the timeline query (either direction): its channels and undelivered replies
     * taken, its page of interactions returned for the paging to fold in (null: no answer yet, or
     * one asked while other channels were disabled, which starts the paging over).
     */
    takeTimelineAnswer(data) {
        const connection = data?.uiapi?.query?.Social_Interaction__c;
        if (!connection) {
            return null;
        }
        this.errors = undefined;
        const channels = nodesOf(data.uiapi.query.Social_Channel__c, toChannel);
        this.takeChannels(channels);
        if (!this.takeDisabledChannels(channels)) {
            // Asked with other channels left out than the admin's current choice: not shown.
            return null;
        }
        this.askingWithoutChannels = false;
        this.takeUndelivered(nodesOf(data.uiapi.query.undelivered, toInteraction));
        return {
            items: nodesOf(connection, toInteraction),
            totalCount: connection.totalCount,
            hasNextPage: connection.pageInfo?.hasNextPage === true,
            endCursor: connection.pageInfo?.endCursor || null
        };
    }

    /** Channels and undelivered replies come with every page: kept as they were unless they changed. */
    takeChannels(channels) {
        const key = signatureOf(channels, [
            'networkKey',
            'name',
            'enabled',
            'icon',
            'slaMinutes',
            'sortOrder',
            'publicReplyLimit',
            'lengthCounting',
            'supportsPrivate'
        ]);
        if (key !== this.derived.channelsKey || !this.channelList.length) {
            this.derived.channelsKey = key;
            this.derived.channelMap = channelsByKey(channels);
            this.channelList = channels;
        }
    }

    /**
     * The channels turned off, as this answer names them. True when the request left out exactly
     * those; otherwise they are remembered and the timeline is asked again from its first page
     * (the where changes with them), and this answer is not shown.
     */
    takeDisabledChannels(channels) {
        const disabled = disabledChannelKeys(channels);
        if (sameChannelKeys(disabled, this.disabledChannels)) {
            return true;
        }
        this.disabledChannels = disabled;
        rememberDisabledChannels(browserStorage(), disabled);
        this.askingWithoutChannels = true;
        this.forgetWholeThreads();
        this.resetPaging();
        return false;
    }

    get hiddenWhere() {
        const scope = this.scope;
        return scope
            ? disabledChannelsWhere({
                  scope,
                  allowedChannels: this.allowedChannels,
                  showPrivate: this.showPrivate,
                  disabledChannels: this.disabledChannels
              })
            : null;
    }

    get hiddenCountQuery() {
        return this.hiddenWhere ? HIDDEN_COUNT_QUERY : undefined;
    }

    get hiddenCountVariables() {
        const hidden = this.hiddenWhere;
        return hidden ? { hidden } : undefined;
    }

    @wire(graphql, { query: '$hiddenCountQuery', variables: '$hiddenCountVariables' })
    wiredHiddenCount({ data, errors, refresh }) {
        if (refresh) {
            this.refreshHiddenCount = refresh;
        }
        const connection = data?.uiapi?.query?.Social_Interaction__c;
        if (errors && errors.length) {
            // The messages stay hidden either way; only the line saying how many is left out.
            this.hiddenCount = 0;
        } else if (connection) {
            this.hiddenCount = connection.totalCount || 0;
        }
    }

    /** "12 messages from disabled channels (Facebook) are hidden. …", or '' when none is. */
    get hiddenChannelsText() {
        if (!this.hiddenCount || !this.hiddenWhere || this.errors) {
            return '';
        }
        const allowed = this.allowedChannels;
        const byKey = channelsByKey(this.channelList);
        const names = this.disabledChannels
            .filter((key) => !allowed.length || allowed.includes(key))
            .map((key) => (byKey[key] && byKey[key].name) || key)
            .join(', ');
        return this.hiddenCount === 1
            ? formatLabel(HIDDEN_CHANNELS_ONE, names)
            : formatLabel(HIDDEN_CHANNELS, countText(this.hiddenCount), names);
    }

    takeUndelivered(replies) {
        const key = signatureOf(replies, ['id', 'status', 'deliveryStatus', 'inReplyTo']);
        if (key !== this.derived.undeliveredKey) {
            this.derived.undeliveredKey = key;
            const byInbound = new Map();
            replies.forEach((reply) => {
                if (reply.inReplyTo) {
                    byInbound.set(reply.inReplyTo, [...(byInbound.get(reply.inReplyTo) || []), reply]);
                }
            });
            this.derived.undeliveredByInbound = byInbound;
            this.undeliveredReplies = replies;
        }
    }

    /**
     * Bring what the page renders up to date with the work of the change only: new matches are
     * appended, the threads they reveal are grouped into the index, and view models are made for
     * the threads in the window that changed; the rest are the same objects (their DOM stays).
     */
    refreshView() {
        const derived = this.derived;
        const items = loadedItems(this.paging);
        const search = this.filter.search || '';
        if (derived.matchesOf !== items || derived.search !== search) {
            derived.matchesOf = items;
            derived.search = search;
            derived.matches = [];
            derived.scanned = 0;
        }
        for (; derived.scanned < items.length; derived.scanned += 1) {
            if (matchesSearch(items[derived.scanned], search)) {
                derived.matches.push(items[derived.scanned]);
            }
        }
        const newerItems = this.newer ? this.newer.items : NO_ITEMS;
        if (derived.newerOf !== newerItems || derived.newerSearch !== search) {
            derived.newerOf = newerItems;
            derived.newerSearch = search;
            derived.newerMatches = [];
            derived.newerScanned = 0;
            // Newer threads the index holds are no longer these: group again.
            derived.index = derived.newerConsumed ? null : derived.index;
        }
        for (; derived.newerScanned < newerItems.length; derived.newerScanned += 1) {
            if (matchesSearch(newerItems[derived.newerScanned], search)) {
                derived.newerMatches.push(newerItems[derived.newerScanned]);
            }
        }
        if (!derived.index || derived.index.source !== derived.matches) {
            derived.index = createThreadIndex(derived.matches);
            derived.newerConsumed = 0;
            derived.views = new Map();
            this.windowStart = null;
            this.followStart = null;
        }
        extendThreadIndex(derived.index, this.displayCount).forEach((key) => derived.views.delete(key));
        const newerUpTo = Math.min(this.newerShown, derived.newerMatches.length);
        if (newerUpTo > derived.newerConsumed) {
            // Only the newly revealed newer interactions: the threads they touch move to the top.
            const revealed = derived.newerMatches.slice(derived.newerConsumed, newerUpTo);
            prependToThreadIndex(derived.index, revealed).forEach((key) => derived.views.delete(key));
            derived.newerConsumed = newerUpTo;
        }
        const all = derived.index.threads;
        const window =
            this.windowStart === null
                ? windowFollowingEnd(all, this.followStart)
                : windowStartingAt(all, this.windowStart);
        this.followStart = this.windowStart === null ? window.start : this.followStart;
        this.counts = {
            loaded: items.length + newerItems.length,
            matching: derived.matches.length + derived.newerMatches.length,
            olderMatching: derived.matches.length,
            newerRevealed: Math.min(this.newerShown, newerItems.length),
            visible: Math.min(derived.matches.length, this.displayCount) + newerUpTo
        };
        const mayBeCut = this.threadsMayBeCut;
        this.showThreads(all.slice(window.start, window.end).map((thread) => this.threadViewOf(thread, mayBeCut)));
        this.windowInfo = { start: window.start, end: window.end, total: all.length };
        this.requestWholeThreads();
    }

    /**
     * Render a new window. When it both drops threads at one end and adds some at the other (the
     * window slides), the list is rendered twice: first without the dropped ones, then with the new
     * ones. A keyed list diff moves every kept element when both of its ends change at once, and a
     * moved element disconnects and reconnects all its components: measured, that is seconds per
     * "Load more" in Chromium; a removal and an addition on their own move nothing.
     */
    showThreads(views) {
        const shown = new Set(this.threads.map((view) => view.key));
        const kept = views.filter((view) => shown.has(view.key));
        const slides = kept.length && kept.length < this.threads.length && kept.length < views.length;
        this.threads = slides ? kept : views;
        if (slides) {
            this.pendingThreads = views;
            // After the framework's own re-render (queued first), unless a newer window replaced it.
            Promise.resolve().then(() => {
                if (this.pendingThreads === views) {
                    this.pendingThreads = null;
                    this.threads = views;
                }
            });
        } else {
            this.pendingThreads = null;
        }
    }

    /** A thread's view model, made again only when something it shows changed. */
    threadViewOf(thread, mayBeCut) {
        const derived = this.derived;
        const whole = this.wholeThreadFacts.get(thread.key);
        // A thread without a key is one message: whole by construction.
        const cut = mayBeCut && Boolean(thread.interactions[0].threadKey);
        const cached = derived.views.get(thread.key);
        if (
            cached &&
            cached.now === this.now &&
            cached.channelMap === derived.channelMap &&
            cached.undelivered === derived.undeliveredByInbound &&
            cached.whole === whole &&
            cached.cut === cut
        ) {
            return cached.view;
        }
        // Replies on their way: those in the thread, and undelivered ones the filter hides.
        const hidden = [];
        thread.interactions.forEach((interaction) => {
            hidden.push(...(derived.undeliveredByInbound.get(interaction.externalId) || []));
        });
        const view = threadView(thread, derived.channelMap, this.now, {
            showWho: this.objectApiName === 'Account' || this.objectApiName === 'Case',
            replyStates: replyStateByInbound([...thread.interactions, ...hidden]),
            whole,
            mayBeCut: cut
        });
        derived.views.set(thread.key, {
            view,
            now: this.now,
            channelMap: derived.channelMap,
            undelivered: derived.undeliveredByInbound,
            whole,
            cut
        });
        return view;
    }

    /** Whether a shown thread can be missing messages: not all loaded, a filter, or not all shown. */
    get threadsMayBeCut() {
        return (
            this.paging.hasMore ||
            Boolean(this.paging.jumpTo) ||
            isFiltered(this.filter) ||
            this.derived.matches.length > this.displayCount
        );
    }

    /** Ask for the heads and counts of the shown threads not known yet (none when none can be cut). */
    requestWholeThreads() {
        if (!this.threadsMayBeCut) {
            return;
        }
        // The rendered window's threads only: the request stays as small as the window.
        const unknown = new Set(
            this.threads
                .map((thread) => thread.interactions[0].record.threadKey)
                .filter((key) => key && !this.wholeThreadFacts.has(key))
        );
        const request = [...unknown].sort().join('\n');
        if (request && request !== this.threadKeysRequest) {
            this.threadKeysRequest = request;
        }
    }

    forgetWholeThreads() {
        this.wholeThreadFacts = new Map();
        this.threadKeysRequest = '';
        this.derived.views = new Map();
    }

    // ---- view -------------------------------------------------------------------------------

    get effectivePageSize() {
        const size = Number(this.pageSize);
        return Number.isFinite(size) && size > 0 ? Math.min(Math.floor(size), MAX_PAGE_SIZE) : DEFAULT_PAGE_SIZE;
    }

    get isNarrow() {
        return this.flexipageRegionWidth === 'SMALL' || FORM_FACTOR === 'Small';
    }

    get containerClass() {
        return `timeline${this.isNarrow ? ' timeline_narrow' : ''}${this.compactMode ? ' timeline_compact' : ''}`;
    }

    get isSupportedPage() {
        return ['Contact', 'Lead', 'Account', 'Case'].includes(this.objectApiName);
    }

    get channelOptions() {
        const allowed = this.allowedChannels;
        return this.channelList
            .filter((channel) => channel.enabled && (!allowed.length || allowed.includes(channel.networkKey)))
            .map((channel) => ({ label: channel.name || channel.networkKey, value: channel.networkKey }));
    }

    get hasThreads() {
        return this.counts.visible > 0;
    }

    get totalCount() {
        return this.paging.totalCount || 0;
    }

    get summaryText() {
        if (this.isSearching) {
            // Search runs on what is loaded: counted against the matches found there, never against
            // the server's total ("Showing 20 of 265" beside "looks through the 200 loaded").
            return formatLabel(SHOWING_MATCHES, countText(this.counts.visible), countText(this.counts.matching));
        }
        if (this.paging.jumpTo && this.newerAbove > 0) {
            // After a jump the total stays the whole timeline's; the newer ones are counted, not lost,
            // and "from" is the newest shown (the jump point, or the newest paged in after it).
            const top = this.counts.newerRevealed ? this.newer.items[this.counts.newerRevealed - 1] : null;
            return formatLabel(
                SHOWING_FROM,
                countText(this.counts.visible),
                countText(this.totalCount || this.paging.windowCount || 0),
                exactTimeText(top ? top.postedAt : Date.parse(this.paging.jumpTo)),
                countText(this.newerAbove)
            );
        }
        return formatLabel(SHOWING, countText(this.counts.visible), countText(this.totalCount));
    }

    get showSummary() {
        return !this.isLoading && !this.errors && (this.totalCount > 0 || this.counts.loaded > 0);
    }

    get isSearching() {
        return Boolean(this.filter.search && this.filter.search.trim());
    }

    get searchScopeText() {
        return this.isSearching && this.paging.hasMore ? formatLabel(SEARCH_SCOPE, countText(this.counts.loaded)) : '';
    }

    get canLoadMore() {
        return !this.errors && (this.counts.olderMatching > this.displayCount || this.paging.hasMore);
    }

    /** Rendered threads with their place among every revealed one, for assistive technology. */
    get threadItems() {
        const { start, total } = this.windowInfo;
        return this.threads.map((thread, offset) => ({
            key: thread.key,
            thread,
            position: start + offset + 1,
            setSize: total
        }));
    }

    get windowAtEnd() {
        return this.windowInfo.end >= this.windowInfo.total;
    }

    get showLoadMore() {
        return this.canLoadMore && this.windowAtEnd;
    }

    get showNewerHandle() {
        return this.windowInfo.start > 0;
    }

    get showOlderHandle() {
        return !this.windowAtEnd;
    }

    get showNewerLabel() {
        return formatLabel(SHOW_NEWER, countText(this.windowInfo.start));
    }

    get showOlderLabel() {
        return formatLabel(SHOW_OLDER, countText(this.windowInfo.total - this.windowInfo.end));
    }

    get isJumped() {
        return Boolean(this.paging.jumpTo);
    }

    get showJump() {
        return !this.errors && (this.isJumped || this.canLoadMore || this.windowInfo.start > 0);
    }

    get jumpDisabled() {
        return !startOfDay(this.jumpDate);
    }

    get loadMoreLabel() {
        return this.isLoadingMore ? this.labels.loadingMore : this.labels.loadMore;
    }

    get reachedOldest() {
        return !this.isLoading && !this.errors && this.hasThreads && !this.canLoadMore && this.windowAtEnd;
    }

    get unreachableText() {
        return this.paging.unreachable ? formatLabel(UNREACHABLE, countText(this.paging.unreachable)) : '';
    }

    get isEmpty() {
        return !this.isLoading && !this.errors && !this.hasThreads && !this.canLoadMore;
    }

    get isFilteredEmpty() {
        return this.isEmpty && (isFiltered(this.filter) || this.isJumped);
    }

    get isTrulyEmpty() {
        return this.isEmpty && !isFiltered(this.filter) && !this.isJumped;
    }

    get emptyMessage() {
        if (this.objectApiName === 'Account') {
            return EMPTY_ACCOUNT;
        }
        if (this.objectApiName === 'Case') {
            // No contact, nothing to link an identity to: say what is missing (issue 19).
            return this.caseContactResolved && !this.caseContactId ? EMPTY_CASE_NO_CONTACT : EMPTY_CASE;
        }
        return EMPTY_PERSON;
    }

    get canLinkIdentity() {
        return this.objectApiName === 'Contact' || this.objectApiName === 'Lead' || Boolean(this.caseContactId);
    }

    get filterToggleLabel() {
        return this.filtersOpen ? HIDE_FILTERS : SHOW_FILTERS;
    }

    get filterToggleExpanded() {
        return this.filtersOpen ? 'true' : 'false';
    }

    get filterStorageKey() {
        return storageKey(USER_ID, this.objectApiName);
    }

    // ---- actions ----------------------------------------------------------------------------

    handleFilterChange(event) {
        const next = normaliseFilter(event.detail.filter);
        this.filterTouched = true;
        writeStoredFilter(browserStorage(), this.filterStorageKey, next);
        this.applyFilter(next);
        this.preference.save(this.objectApiName, next);
    }

    applyFilter(filter) {
        const next = normaliseFilter(filter);
        const serverSideChanged = Object.keys(EMPTY_FILTER).some(
            (key) => key !== 'search' && next[key] !== this.filter[key]
        );
        this.filter = next;
        this.displayCount = this.effectivePageSize;
        if (serverSideChanged) {
            this.resetPaging();
        } else {
            this.refreshView();
        }
    }

    handleClearFilters() {
        this.handleFilterChange({ detail: { filter: EMPTY_FILTER } });
    }

    handleToggleFilters() {
        this.filtersOpen = !this.filtersOpen;
    }

    handleLoadMore() {
        const nextCount = this.displayCount + this.effectivePageSize;
        const needsServer = this.derived.matches.length < nextCount && this.paging.hasMore;
        this.displayCount = nextCount;
        if (this.windowStart !== null) {
            // The window is at the end already (the button shows only there): follow from where it is.
            this.followStart = this.windowInfo.start;
        }
        this.windowStart = null;
        this.refreshView();
        if (needsServer && !this.isLoadingMore) {
            this.isLoadingMore = true;
            this.paging = advance(this.paging);
            this.requestAfter = this.paging.current.after;
            this.requestWindowEnd = this.paging.current.windowEnd;
        }
    }

    handleRefreshClick() {
        return this.refreshHandler();
    }

    handleRetry() {
        this.errors = undefined;
        return this.refreshHandler();
    }

    /** RefreshView API handler: another component saved an interaction, or the rep refreshed. */
    refreshHandler() {
        const onFirstPage = !this.paging.current.after && !this.paging.current.windowEnd;
        this.displayCount = this.effectivePageSize;
        // Threads may have grown: their heads and counts are asked for again with the new page.
        this.forgetWholeThreads();
        if (this.hiddenWhere && this.refreshHiddenCount) {
            this.refreshHiddenCount();
        }
        if (onFirstPage && !this.refreshTimeline) {
            // Nothing to re-read with (no result delivered yet): the first answer is still coming.
            return Promise.resolve(true);
        }
        if (onFirstPage) {
            this.isLoading = true;
            return Promise.resolve(this.refreshTimeline())
                .catch((error) => {
                    this.errors = [error];
                })
                .then(() => {
                    // Still loading when the refreshed answer named other disabled channels.
                    this.isLoading = this.askingWithoutChannels;
                    return true;
                });
        }
        this.resetPaging();
        this.refreshOnNextData = true;
        return Promise.resolve(true);
    }

    resetPaging() {
        this.resetNewer(null);
        this.paging = initialPaging();
        this.requestAfter = null;
        this.requestWindowEnd = null;
        this.isLoading = true;
        this.isLoadingMore = false;
        this.windowStart = null;
        this.refreshView();
    }

    // ---- saved defaults (Social_Rep_Preference__c) ------------------------------------------

    get preferenceQuery() {
        return this.isSupportedPage ? PREFERENCE_QUERY : undefined;
    }

    get preferenceVariables() {
        return { where: preferenceWhere(USER_ID, this.objectApiName) };
    }

    /** The defaults saved from any device: the timeline starts from them unless the rep already chose. */
    @wire(graphql, { query: '$preferenceQuery', variables: '$preferenceVariables' })
    wiredPreference(result) {
        const saved = this.preference.take(result);
        if (saved && !this.filterTouched && !this.preference.holds(this.filter)) {
            this.applyFilter({ ...saved, search: this.filter.search });
            writeStoredFilter(browserStorage(), this.filterStorageKey, saved);
        }
    }

    // ---- the window and jumps ---------------------------------------------------------------

    /** Move the window up to the threads just above it; the rest stay loaded, not rendered. */
    handleShowNewer() {
        const all = this.derived.index ? this.derived.index.threads : [];
        this.windowStart = windowEndingAt(all, this.windowInfo.start).start;
        this.refreshView();
        this.focusFirstThread();
    }

    /** Move the window down again; at the newest revealed thread it follows "Load more" again. */
    handleShowOlder() {
        const all = this.derived.index ? this.derived.index.threads : [];
        const next = windowStartingAt(all, this.windowInfo.end);
        this.windowStart = next.end >= all.length ? null : next.start;
        this.followStart = next.start;
        this.refreshView();
        this.focusFirstThread();
    }

    /** Keyboard and screen-reader users land on the threads the handle brought into view. */
    focusFirstThread() {
        Promise.resolve().then(() => {
            const first = this.template.querySelector('li.thread-item');
            if (first) {
                first.focus();
            }
        });
    }

    handleJumpDateChange(event) {
        this.jumpDate = event.target.value || '';
    }

    /** Jump to a day: the newest interaction posted on or before its end, in one request. */
    handleJumpToDate() {
        const nextDay = startOfDay(this.jumpDate, 1);
        if (nextDay) {
            this.jumpTo(new Date(Date.parse(nextDay) - 1).toISOString());
        }
    }

    /** Jump to the oldest: read the date of the page-size-th oldest, then page back from there. */
    handleJumpToOldest() {
        this.oldestRequested = true;
        this.isLoading = true;
    }

    handleJumpToNewest() {
        this.displayCount = this.effectivePageSize;
        this.forgetWholeThreads();
        this.resetPaging();
    }

    jumpTo(instant) {
        this.displayCount = this.effectivePageSize;
        this.forgetWholeThreads();
        this.resetNewer(instant);
        this.paging = jumpPaging(this.paging, instant);
        this.requestAfter = null;
        this.requestWindowEnd = instant;
        this.isLoading = true;
        this.isLoadingMore = false;
        this.windowStart = null;
        this.refreshView();
    }

    // ---- paging newer from a jump point ------------------------------------------------------

    /** Start (or stop, with null) paging newer than a jump point: nothing is asked until the rep does. */
    resetNewer(from) {
        this.newer = from ? initialNewer(from) : null;
        this.newerFrom = from;
        this.newerShown = 0;
        this.newerAfter = null;
        this.newerWindowStart = null;
        this.isLoadingNewer = false;
    }

    /** Interactions newer than everything shown, as the org counts them (0 without a jump). */
    get newerAbove() {
        if (!this.newer) {
            return 0;
        }
        const total = typeof this.newer.count === 'number' ? this.newer.count : newerThanJump(this.paging);
        return Math.max(0, total - this.counts.newerRevealed);
    }

    get canLoadNewer() {
        if (!this.newer || this.errors) {
            return false;
        }
        const unrevealed = this.derived.newerMatches.length > this.newerShown;
        return unrevealed || (this.newer.hasMore && this.newerAbove > 0);
    }

    /** At the top of the window after a jump: the next newer page goes on top. */
    get showLoadNewer() {
        return !this.isLoading && this.windowInfo.start === 0 && this.canLoadNewer;
    }

    /** Reveal the next page newer than what is shown, asking the org when none is loaded. */
    handleLoadNewer() {
        if (!this.newer) {
            return;
        }
        const nextCount = this.newerShown + this.effectivePageSize;
        const needsServer = this.derived.newerMatches.length < nextCount && this.newer.hasMore;
        this.newerShown = nextCount;
        // The window shows the newest revealed: what was just added, under the button.
        this.windowStart = 0;
        this.refreshView();
        if (needsServer && !this.isLoadingNewer) {
            this.isLoadingNewer = true;
            if (this.newerWindowStart) {
                this.newer = advanceNewer(this.newer);
            }
            this.newerAfter = this.newer.current.after;
            this.newerWindowStart = this.newer.current.windowStart;
        }
    }

    get newerQuery() {
        return this.newerWindowStart && this.scope ? TIMELINE_QUERY : undefined;
    }

    get newerVariables() {
        const scope = this.scope;
        if (!this.newerWindowStart || !scope) {
            return undefined;
        }
        return {
            where: { and: [this.whereFor(scope), newerBound(this.newerFrom, this.newerWindowStart)] },
            ...newerPagingVariables({ after: this.newerAfter }),
            undelivered: undeliveredRepliesWhere(scope)
        };
    }

    @wire(graphql, { query: '$newerQuery', variables: '$newerVariables' })
    wiredNewer({ data, errors }) {
        if (!this.newer || !this.newerWindowStart) {
            return;
        }
        if (errors && errors.length) {
            this.errors = errors;
            this.isLoadingNewer = false;
            return;
        }
        const page = this.takeTimelineAnswer(data);
        if (!page) {
            return;
        }
        this.newer = applyNewerPage(this.newer, this.newer.current, page);
        this.isLoadingNewer = false;
        this.windowStart = 0;
        this.refreshView();
    }

    get oldestQuery() {
        return this.oldestRequested && this.scope ? OLDEST_QUERY : undefined;
    }

    get oldestVariables() {
        const scope = this.scope;
        if (!this.oldestRequested || !scope) {
            return undefined;
        }
        return { where: this.whereFor(scope), count: this.effectivePageSize };
    }

    @wire(graphql, { query: '$oldestQuery', variables: '$oldestVariables' })
    wiredOldest({ data, errors }) {
        if (!this.oldestRequested) {
            return;
        }
        if (errors && errors.length) {
            this.oldestRequested = false;
            this.errors = errors;
            this.isLoading = false;
            return;
        }
        const connection = data?.uiapi?.query?.Social_Interaction__c;
        if (!connection) {
            return;
        }
        this.oldestRequested = false;
        const oldest = nodesOf(connection, toInteraction);
        const newestOfThem = oldest[oldest.length - 1];
        if (newestOfThem && newestOfThem.postedAt) {
            this.jumpTo(new Date(newestOfThem.postedAt).toISOString());
        } else {
            this.isLoading = false;
        }
    }

    handleLinkIdentity() {
        const personField = this.objectApiName === 'Lead' ? 'Lead__c' : 'Contact__c';
        const personId = this.objectApiName === 'Case' ? this.caseContactId : this.recordId;
        this[NavigationMixin.Navigate]({
            type: 'standard__objectPage',
            attributes: { objectApiName: 'Social_Identity__c', actionName: 'new' },
            state: {
                defaultFieldValues: encodeDefaultFieldValues({
                    [personField]: personId,
                    Link_Status__c: 'Linked',
                    Link_Source__c: 'Rep'
                }),
                navigationLocation: 'RELATED_LIST'
            }
        });
    }
}
