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
import { formatLabel } from 'c/labelFormat';
import { channelsByKey, nodesOf, toChannel, toInteraction } from 'c/socialInteractionModel';
import { groupIntoThreads, wholeThreads } from 'c/socialThreads';
import { threadView } from 'c/socialTimelineView';
import { countText } from 'c/socialTimeText';
import {
    EMPTY_FILTER,
    buildWhere,
    isFiltered,
    matchesSearch,
    normaliseFilter,
    parseChannelList,
    presetFilter,
    readStoredFilter,
    recordScope,
    storageKey,
    writeStoredFilter
} from 'c/socialTimelineFilter';
import { advance, applyPage, initialPaging, loadedItems, pagingVariables } from 'c/socialTimelinePaging';
import { CASE_CONTACT_QUERY, caseContactOf } from 'c/socialCaseContact';
import { replyStateByInbound, undeliveredRepliesWhere } from 'c/socialDelivery';
import { TIMELINE_QUERY } from './timelineQuery';
import { THREAD_MEMBERS_QUERY } from './threadMembersQuery';

const DEFAULT_PAGE_SIZE = 20;
const MAX_PAGE_SIZE = 200;
const CLOCK_TICK_MS = 60 * 1000;

function browserStorage() {
    try {
        return window.localStorage;
    } catch {
        // Storage can be blocked by browser settings: the timeline still works, it just forgets.
        return null;
    }
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
    // Our replies not delivered yet in this scope, whatever the filter: for "reply queued" badges.
    undeliveredReplies = [];
    displayCount = DEFAULT_PAGE_SIZE;
    // Threads as a whole (head and count) by thread key, whatever page their messages came on, and
    // the keys asked for, as one string: the wire config reads only primitives (see requestAfter).
    wholeThreadFacts = new Map();
    threadKeysRequest = '';
    isLoading = true;
    isLoadingMore = false;
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
        threads: THREADS_LABEL
    };

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
            where: buildWhere({
                scope,
                filter: this.filter,
                allowedChannels: this.allowedChannels,
                showPrivate: this.showPrivate,
                postedAtOrBefore: this.requestWindowEnd
            }),
            ...pagingVariables({ after: this.requestAfter }),
            undelivered: undeliveredRepliesWhere(scope)
        };
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
        const connection = data?.uiapi?.query?.Social_Interaction__c;
        if (!connection) {
            return;
        }
        this.errors = undefined;
        this.channelList = nodesOf(data.uiapi.query.Social_Channel__c, toChannel);
        this.undeliveredReplies = nodesOf(data.uiapi.query.undelivered, toInteraction);
        this.paging = applyPage(this.paging, this.paging.current, {
            items: nodesOf(connection, toInteraction),
            totalCount: connection.totalCount,
            hasNextPage: connection.pageInfo?.hasNextPage === true,
            endCursor: connection.pageInfo?.endCursor || null
        });
        this.isLoading = false;
        this.isLoadingMore = false;
        this.requestWholeThreads();
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
            showPrivate: this.showPrivate
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
        this.wholeThreadFacts = new Map([...this.wholeThreadFacts, ...facts]);
    }

    /** Whether a shown thread can be missing messages: not all loaded, a filter, or not all shown. */
    get threadsMayBeCut() {
        return this.paging.hasMore || isFiltered(this.filter) || this.matchingInteractions.length > this.displayCount;
    }

    /** Ask for the heads and counts of the shown threads not known yet (none when none can be cut). */
    requestWholeThreads() {
        if (!this.threadsMayBeCut) {
            return;
        }
        const unknown = new Set(
            this.visibleInteractions
                .map((interaction) => interaction.threadKey)
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

    get channelMap() {
        return channelsByKey(this.channelList);
    }

    get channelOptions() {
        const allowed = this.allowedChannels;
        return this.channelList
            .filter((channel) => channel.enabled && (!allowed.length || allowed.includes(channel.networkKey)))
            .map((channel) => ({ label: channel.name || channel.networkKey, value: channel.networkKey }));
    }

    get matchingInteractions() {
        return loadedItems(this.paging).filter((interaction) => matchesSearch(interaction, this.filter.search));
    }

    get visibleInteractions() {
        return this.matchingInteractions.slice(0, this.displayCount);
    }

    get threads() {
        const showWho = this.objectApiName === 'Account' || this.objectApiName === 'Case';
        // Replies on their way, from what is loaded and from every undelivered one the filter hides.
        const replyStates = replyStateByInbound([...loadedItems(this.paging), ...this.undeliveredReplies]);
        const mayBeCut = this.threadsMayBeCut;
        return groupIntoThreads(this.visibleInteractions).map((thread) =>
            threadView(thread, this.channelMap, this.now, {
                showWho,
                replyStates,
                whole: this.wholeThreadFacts.get(thread.key),
                // A thread without a key is one message: whole by construction.
                mayBeCut: mayBeCut && Boolean(thread.interactions[0].threadKey)
            })
        );
    }

    get hasThreads() {
        return this.visibleInteractions.length > 0;
    }

    get totalCount() {
        return this.paging.totalCount || 0;
    }

    get summaryText() {
        if (this.isSearching) {
            // Search runs on what is loaded: counted against the matches found there, never against
            // the server's total ("Showing 20 of 265" beside "looks through the 200 loaded").
            return formatLabel(
                SHOWING_MATCHES,
                countText(this.visibleInteractions.length),
                countText(this.matchingInteractions.length)
            );
        }
        return formatLabel(SHOWING, countText(this.visibleInteractions.length), countText(this.totalCount));
    }

    get showSummary() {
        return !this.isLoading && !this.errors && this.totalCount > 0;
    }

    get isSearching() {
        return Boolean(this.filter.search && this.filter.search.trim());
    }

    get searchScopeText() {
        return this.isSearching && this.paging.hasMore
            ? formatLabel(SEARCH_SCOPE, countText(loadedItems(this.paging).length))
            : '';
    }

    get canLoadMore() {
        return !this.errors && (this.matchingInteractions.length > this.displayCount || this.paging.hasMore);
    }

    get loadMoreLabel() {
        return this.isLoadingMore ? this.labels.loadingMore : this.labels.loadMore;
    }

    get reachedOldest() {
        return !this.isLoading && !this.errors && this.hasThreads && !this.canLoadMore;
    }

    get unreachableText() {
        return this.paging.unreachable ? formatLabel(UNREACHABLE, countText(this.paging.unreachable)) : '';
    }

    get isEmpty() {
        return !this.isLoading && !this.errors && !this.hasThreads && !this.canLoadMore;
    }

    get isFilteredEmpty() {
        return this.isEmpty && isFiltered(this.filter);
    }

    get isTrulyEmpty() {
        return this.isEmpty && !isFiltered(this.filter);
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
        const serverSideChanged = Object.keys(EMPTY_FILTER).some(
            (key) => key !== 'search' && next[key] !== this.filter[key]
        );
        this.filter = next;
        writeStoredFilter(browserStorage(), this.filterStorageKey, next);
        this.displayCount = this.effectivePageSize;
        if (serverSideChanged) {
            this.resetPaging();
        } else {
            this.requestWholeThreads();
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
        const needsServer = this.matchingInteractions.length < nextCount && this.paging.hasMore;
        this.displayCount = nextCount;
        this.requestWholeThreads();
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
                    this.isLoading = false;
                    return true;
                });
        }
        this.resetPaging();
        this.refreshOnNextData = true;
        return Promise.resolve(true);
    }

    resetPaging() {
        this.paging = initialPaging();
        this.requestAfter = null;
        this.requestWindowEnd = null;
        this.isLoading = true;
        this.isLoadingMore = false;
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
