// "Catch me up" for one person (or an account's people, or a case's contact): what happened
// recently and on which channels, what is still open (and whether a reply to it is on its way),
// and the suggested next steps, each with its reason, replies that never reached the customer
// among them. The rules live in c/socialSuggestions; this component only reads, ranks and shows.
// The rep acts. Channels an admin turned off are left out of all of it (c/socialDisabledChannels),
// and an open message that asks nothing of us (a "Thanks!") is not an open item.
import { LightningElement, api, wire } from 'lwc';
import { AccessState } from 'c/socialAccessState';
import { graphql } from 'lightning/graphql';
import { NavigationMixin } from 'lightning/navigation';
import { registerRefreshHandler, unregisterRefreshHandler } from 'lightning/refresh';
import TITLE from '@salesforce/label/c.Social_CatchUp_Title';
import TITLE_ON from '@salesforce/label/c.Social_CatchUp_TitleOn';
import NO_CASE_CONTACT from '@salesforce/label/c.Social_CatchUp_NoCaseContact';
import LOADING from '@salesforce/label/c.Social_CatchUp_Loading';
import LOAD_ERROR from '@salesforce/label/c.Social_CatchUp_LoadError';
import LOAD_ERROR_ACTION from '@salesforce/label/c.Social_Timeline_LoadErrorAction';
import SUMMARY from '@salesforce/label/c.Social_CatchUp_Summary';
import LAST_TOUCH from '@salesforce/label/c.Social_CatchUp_LastTouch';
import NO_RECENT from '@salesforce/label/c.Social_CatchUp_NoRecent';
import OPEN_ITEMS from '@salesforce/label/c.Social_CatchUp_OpenItems';
import NOTHING_OPEN from '@salesforce/label/c.Social_CatchUp_NothingOpen';
import OPEN_TRUNCATED from '@salesforce/label/c.Social_CatchUp_OpenTruncated';
import MORE_OPEN from '@salesforce/label/c.Social_CatchUp_MoreOpen';
import NEXT_STEPS from '@salesforce/label/c.Social_CatchUp_NextSteps';
import NO_NEXT_STEPS from '@salesforce/label/c.Social_CatchUp_NoNextSteps';
import WHY_NOW from '@salesforce/label/c.Social_CatchUp_WhyNow';
import OPEN_INTERACTION from '@salesforce/label/c.Social_CatchUp_OpenInteraction';
import UNSUPPORTED from '@salesforce/label/c.Social_CatchUp_UnsupportedPage';
import { formatLabel, formatLabelParts } from 'c/labelFormat';
import { channelsByKey, nodesOf, toChannel, toInteraction } from 'c/socialInteractionModel';
import { OPEN_STATUSES, recordScope } from 'c/socialTimelineFilter';
import { lastTouchPerChannel, suggestNextSteps } from 'c/socialSuggestions';
import { describeSuggestion } from 'c/socialSuggestionText';
import { channelDisplay, interactionView } from 'c/socialTimelineView';
import { countText, exactTimeText, isoTime, relativeTimeText } from 'c/socialTimeText';
import { CASE_CONTACT_QUERY, caseContactOf } from 'c/socialCaseContact';
import { replyStateByInbound, undeliveredRepliesWhere } from 'c/socialDelivery';
import { expectsAnswer } from 'c/socialMessageShape';
import {
    browserStorage,
    disabledChannelKeys,
    rememberDisabledChannels,
    rememberedDisabledChannels,
    sameChannelKeys,
    withoutChannels
} from 'c/socialDisabledChannels';
import { CATCH_UP_QUERY } from './catchUpQuery';

const BATCH = 200;
const DAY = 24 * 60 * 60 * 1000;
const OPEN_SHOWN = 5;
// Pages whose record is the scope itself; a Case page is summarised through its contact.
const RECORD_SCOPED = ['Contact', 'Lead', 'Account'];

export default class SocialCatchUp extends AccessState(NavigationMixin(LightningElement)) {
    @api recordId;
    @api objectApiName;
    /** How far back "what happened" looks. */
    @api daysBack = 30;
    /** Suggested next steps shown at most. */
    @api maxSuggestions = 5;

    recent = [];
    open = [];
    undelivered = [];
    recentTotal = 0;
    openTotal = 0;
    channelList = [];
    // Channels an admin turned off: every request leaves their messages out (see the timeline).
    disabledChannels = rememberedDisabledChannels(browserStorage());
    // True from an answer that named other disabled channels until the one asked again arrives:
    // nothing read before it is shown meanwhile.
    askingWithoutChannels = false;
    isLoading = true;
    catchUpErrors;
    since;
    now = Date.now();
    refreshCatchUp;
    refreshHandlerId;
    // On a Case page: { caseId, id, name } of the case's contact once read (id null: no contact).
    caseContact;
    caseContactErrors;
    refreshCaseContact;

    labels = {
        loading: LOADING,
        loadError: LOAD_ERROR,
        loadErrorAction: LOAD_ERROR_ACTION,
        lastTouch: LAST_TOUCH,
        nothingOpen: NOTHING_OPEN,
        nextSteps: NEXT_STEPS,
        noNextSteps: NO_NEXT_STEPS,
        noCaseContact: NO_CASE_CONTACT,
        unsupported: UNSUPPORTED
    };

    connectedCallback() {
        // Fixed once per load, to the minute: a moving "since" would change the variables, and
        // with them the query, on every render.
        const minute = 60 * 1000;
        this.since = new Date(Math.floor((this.now - this.effectiveDays * DAY) / minute) * minute).toISOString();
        // The host element and a bound handler: the form the LWC Developer Guide gives for orgs on
        // Lightning Locker (registerRefreshHandler(), "Use RefreshView API"), where `this` is a
        // wrapper; the host is the HTMLElement the API asks for under Lightning Web Security too.
        this.refreshHandlerId = registerRefreshHandler(this.template.host, this.refreshHandler.bind(this));
    }

    disconnectedCallback() {
        unregisterRefreshHandler(this.refreshHandlerId);
    }

    get effectiveDays() {
        const days = Number(this.daysBack);
        return Number.isFinite(days) && days > 0 ? Math.min(Math.floor(days), 365) : 30;
    }

    get isCasePage() {
        return this.objectApiName === 'Case';
    }

    get caseContactQuery() {
        return this.isCasePage && this.recordId ? CASE_CONTACT_QUERY : undefined;
    }

    get caseContactVariables() {
        return this.isCasePage ? { caseId: this.recordId } : undefined;
    }

    @wire(graphql, { query: '$caseContactQuery', variables: '$caseContactVariables' })
    wiredCaseContact({ data, errors, refresh }) {
        if (!this.isCasePage) {
            return;
        }
        if (refresh) {
            this.refreshCaseContact = refresh;
        }
        if (errors && errors.length) {
            // Without the contact there is no one to summarise: say so, and offer to retry.
            this.caseContactErrors = errors;
            return;
        }
        const contact = caseContactOf(data);
        if (contact) {
            this.caseContactErrors = undefined;
            this.caseContact = { caseId: this.recordId, ...contact };
        }
    }

    /** The contact of this page's case; undefined until read (or on another page). */
    get currentCaseContact() {
        return this.isCasePage && this.caseContact?.caseId === this.recordId ? this.caseContact : undefined;
    }

    get caseHasNoContact() {
        return Boolean(this.currentCaseContact && !this.currentCaseContact.id);
    }

    get scope() {
        if (this.isCasePage) {
            const contactId = this.currentCaseContact?.id;
            return contactId ? recordScope('Contact', contactId) : null;
        }
        return RECORD_SCOPED.includes(this.objectApiName) ? recordScope(this.objectApiName, this.recordId) : null;
    }

    get isSupportedPage() {
        return this.isCasePage || RECORD_SCOPED.includes(this.objectApiName);
    }

    /** The card's title; on a Case page it names the contact it summarises, isolated from the words. */
    get titleParts() {
        const name = this.currentCaseContact?.name;
        return name ? formatLabelParts(TITLE_ON, name) : formatLabelParts(TITLE);
    }

    get catchUpQuery() {
        return this.scope && this.since ? CATCH_UP_QUERY : undefined;
    }

    get catchUpVariables() {
        const scope = this.scope;
        if (!scope || !this.since) {
            return undefined;
        }
        const off = this.disabledChannels;
        return {
            recent: withoutChannels({ and: [scope, { Posted_At__c: { gte: { value: this.since } } }] }, off),
            open: withoutChannels(
                { and: [scope, { Direction__c: { eq: 'Inbound' } }, { Status__c: { in: OPEN_STATUSES } }] },
                off
            ),
            undelivered: withoutChannels(undeliveredRepliesWhere(scope), off),
            first: BATCH
        };
    }

    @wire(graphql, { query: '$catchUpQuery', variables: '$catchUpVariables' })
    wiredCatchUp({ data, errors, refresh }) {
        if (refresh) {
            this.refreshCatchUp = refresh;
        }
        if (errors && errors.length) {
            this.catchUpErrors = errors;
            this.isLoading = false;
            return;
        }
        const query = data?.uiapi?.query;
        if (!query || !query.recent || !query.open || !query.undelivered) {
            return;
        }
        this.catchUpErrors = undefined;
        const channels = nodesOf(query.Social_Channel__c, toChannel);
        const disabled = disabledChannelKeys(channels);
        if (!sameChannelKeys(disabled, this.disabledChannels)) {
            // Asked with other channels left out than the admin's current choice: ask again (the
            // variables change with them) and show nothing of this answer.
            this.disabledChannels = disabled;
            rememberDisabledChannels(browserStorage(), disabled);
            this.askingWithoutChannels = true;
            this.isLoading = true;
            return;
        }
        this.askingWithoutChannels = false;
        this.now = Date.now();
        this.recent = nodesOf(query.recent, toInteraction);
        this.open = nodesOf(query.open, toInteraction);
        this.undelivered = nodesOf(query.undelivered, toInteraction);
        this.recentTotal = query.recent.totalCount ?? this.recent.length;
        this.openTotal = query.open.totalCount ?? this.open.length;
        this.channelList = channels;
        this.isLoading = false;
    }

    refreshHandler() {
        this.isLoading = true;
        // A case's contact may have changed too (the rep edited the case): re-read both.
        const rereads = [this.refreshCaseContact, this.refreshCatchUp].filter(Boolean).map((refresh) => refresh());
        return Promise.all(rereads).then(() => {
            this.isLoading = this.askingWithoutChannels;
            return true;
        });
    }

    handleRetry() {
        this.catchUpErrors = undefined;
        this.caseContactErrors = undefined;
        return this.refreshHandler();
    }

    // ---- view -------------------------------------------------------------------------------

    get channels() {
        return channelsByKey(this.channelList);
    }

    get errors() {
        return this.caseContactErrors || this.catchUpErrors;
    }

    /** Waiting for the catch-up, or on a Case page for the case's contact first. */
    get showLoading() {
        return !this.errors && !this.caseHasNoContact && (this.isLoading || (this.isCasePage && !this.scope));
    }

    get ready() {
        return !this.errors && !this.caseHasNoContact && !this.showLoading;
    }

    get summaryText() {
        return formatLabel(SUMMARY, this.effectiveDays, countText(this.recentTotal));
    }

    get lastTouches() {
        return lastTouchPerChannel(this.recent).map((interaction) => {
            const display = channelDisplay(interaction.network, this.channels);
            return {
                key: interaction.network,
                channelName: display.name,
                iconName: display.iconName,
                directionText: interaction.directionLabel || interaction.direction,
                relativeTime: relativeTimeText(interaction.postedAt, this.now),
                exactTime: exactTimeText(interaction.postedAt),
                isoTime: isoTime(interaction.postedAt)
            };
        });
    }

    get hasLastTouches() {
        return this.lastTouches.length > 0;
    }

    get noRecentText() {
        return formatLabel(NO_RECENT, this.effectiveDays);
    }

    /**
     * Open messages that wait for us: a thank-you or an acknowledgement left New asks nothing, by
     * the same check the "why now" rules make (c/socialMessageShape), so the list, its count and
     * the suggestions agree.
     */
    get waitingItems() {
        return this.open.filter(expectsAnswer);
    }

    /**
     * How many open messages wait: those read that do, and every open one beyond the batch read,
     * unread and so not known to ask nothing (doubt counts it, as in c/socialMessageShape).
     */
    get waitingTotal() {
        return this.waitingItems.length + Math.max(0, this.openTotal - this.open.length);
    }

    get openHeading() {
        return formatLabel(OPEN_ITEMS, countText(this.waitingTotal));
    }

    get openItems() {
        // Whether a reply to an open message is on its way: from our undelivered replies and the recent ones.
        const replyStates = replyStateByInbound([...this.recent, ...this.undelivered]);
        return this.waitingItems
            .slice(0, OPEN_SHOWN)
            .map((interaction) => interactionView(interaction, this.channels, this.now, { replyStates }));
    }

    get hasOpen() {
        return this.waitingTotal > 0;
    }

    get moreOpenText() {
        const hidden = this.waitingTotal - Math.min(this.waitingItems.length, OPEN_SHOWN);
        return hidden > 0 ? formatLabel(MORE_OPEN, countText(hidden)) : '';
    }

    get openTruncatedText() {
        return this.openTotal > this.open.length
            ? formatLabel(OPEN_TRUNCATED, countText(this.waitingItems.length), countText(this.waitingTotal))
            : '';
    }

    get suggestions() {
        const byId = new Map();
        [...this.recent, ...this.open, ...this.undelivered].forEach((interaction) =>
            byId.set(interaction.id, interaction)
        );
        const limit = Math.max(1, Number(this.maxSuggestions) || 5);
        const channelName = (network) => channelDisplay(network, this.channels).name;
        return suggestNextSteps([...byId.values()], this.channels, this.now)
            .slice(0, limit)
            .map((suggestion, index) => {
                const text = describeSuggestion(suggestion, channelName);
                return {
                    key: suggestion.key,
                    rank: index + 1,
                    interactionId: suggestion.interactionId,
                    title: text.title,
                    reason: text.reason,
                    reasonParts: text.reasonParts || [{ key: 'p0', text: text.reason, dir: null }],
                    openLabel: formatLabel(OPEN_INTERACTION, text.title)
                };
            });
    }

    /** "Why now:" and the space before the reason, which a template drops between elements. */
    get whyNowLead() {
        return `${WHY_NOW} `;
    }

    get hasSuggestions() {
        return this.suggestions.length > 0;
    }

    handleOpenInteraction(event) {
        this[NavigationMixin.Navigate]({
            type: 'standard__recordPage',
            attributes: {
                recordId: event.currentTarget.dataset.id,
                objectApiName: 'Social_Interaction__c',
                actionName: 'view'
            }
        });
    }
}
