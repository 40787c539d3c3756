// View models for the timeline templates: everything a thread or interaction row shows, already
// worded (labels) and classed (SLDS), so templates stay declarative and the logic stays testable.
import SLA_DUE_IN from '@salesforce/label/c.Social_Sla_DueIn';
import SLA_OVERDUE from '@salesforce/label/c.Social_Sla_Overdue';
import SLA_MET from '@salesforce/label/c.Social_Sla_Met';
import SLA_MISSED from '@salesforce/label/c.Social_Sla_Missed';
import VIEW_ON_CHANNEL from '@salesforce/label/c.Social_Timeline_ViewOnChannel';
import DELETED_ON_NETWORK from '@salesforce/label/c.Social_Timeline_DeletedOnNetwork';
import PERSONAL_DATA from '@salesforce/label/c.Social_Timeline_PersonalData';
import THREAD_COUNT from '@salesforce/label/c.Social_Timeline_ThreadCount';
import THREAD_SINGLE from '@salesforce/label/c.Social_Timeline_ThreadSingle';
import THREAD_COUNT_OF from '@salesforce/label/c.Social_Timeline_ThreadCountOf';
import THREAD_COUNT_PARTIAL from '@salesforce/label/c.Social_Timeline_ThreadCountPartial';
import THREAD_HOPS from '@salesforce/label/c.Social_Timeline_ThreadHops';
import THREAD_WAITING from '@salesforce/label/c.Social_Timeline_ThreadWaiting';
import DELIVERY_QUEUED from '@salesforce/label/c.Social_Delivery_Queued';
import DELIVERY_SENDING from '@salesforce/label/c.Social_Delivery_Sending';
import DELIVERY_SENT from '@salesforce/label/c.Social_Delivery_Sent';
import DELIVERY_FAILED from '@salesforce/label/c.Social_Delivery_Failed';
import DELIVERY_FAILED_ATTEMPTS from '@salesforce/label/c.Social_Delivery_FailedAttempts';
import DELIVERY_REASON from '@salesforce/label/c.Social_Delivery_Reason';
import DELIVERY_NO_REASON from '@salesforce/label/c.Social_Delivery_NoReason';
import DELIVERY_LAST_TRY from '@salesforce/label/c.Social_Delivery_LastTry';
import INBOUND_REPLY_QUEUED from '@salesforce/label/c.Social_Delivery_InboundQueued';
import INBOUND_REPLY_FAILED from '@salesforce/label/c.Social_Delivery_InboundFailed';
import ON_CASE from '@salesforce/label/c.Social_Timeline_OnCase';
import UNKNOWN_AUTHOR from '@salesforce/label/c.Social_Timeline_UnknownAuthor';
import ABOUT_CONTACT from '@salesforce/label/c.Social_Timeline_AboutContact';
import OUR_REPLY_TO from '@salesforce/label/c.Social_Timeline_OurReplyTo';
import STARTED_BY from '@salesforce/label/c.Social_Thread_StartedBy';
import STARTED_BY_US from '@salesforce/label/c.Social_Thread_StartedByUs';
import THREAD_WITH from '@salesforce/label/c.Social_Thread_With';
import { formatLabel, formatLabelParts, joinedParts, partsAttribute, partsText } from 'c/labelFormat';
import { SLA_STATE, slaFor } from 'c/socialSla';
import { bodySegments, safeHref } from 'c/socialBodyText';
import { durationText, exactTimeText, isoTime, relativeTimeText } from 'c/socialTimeText';
import { DELIVERY_STATUS, REPLY_STATE, replyStateByInbound } from 'c/socialDelivery';

export const DEFAULT_CHANNEL_ICON = 'utility:socialshare';

/** Display name and icon of a network, falling back to the key when no channel record exists. */
export function channelDisplay(network, channels) {
    const channel = channels && channels[network];
    return {
        name: (channel && channel.name) || network || '',
        iconName: (channel && channel.icon) || DEFAULT_CHANNEL_ICON
    };
}

/** The SLA badge, or null when the SLA does not apply. */
export function slaBadge(interaction, channel, now) {
    const sla = slaFor(interaction, channel, now);
    switch (sla.state) {
        case SLA_STATE.DUE:
            return {
                state: sla.state,
                text: formatLabel(SLA_DUE_IN, durationText(sla.minutesLeft)),
                cssClass: 'slds-badge slds-theme_warning sla'
            };
        case SLA_STATE.OVERDUE:
            return {
                state: sla.state,
                text: formatLabel(SLA_OVERDUE, durationText(-sla.minutesLeft)),
                cssClass: 'slds-badge slds-theme_error sla'
            };
        case SLA_STATE.MET:
            return { state: sla.state, text: SLA_MET, cssClass: 'slds-badge slds-theme_success sla' };
        case SLA_STATE.MISSED:
            return { state: sla.state, text: SLA_MISSED, cssClass: 'slds-badge sla' };
        default:
            return null;
    }
}

/**
 * Where an outbound reply is on its way to the customer, worded: queued, sending, sent (with the
 * network's permalink, http(s) only, and the delivery time) or failed (with the receiver's reason
 * in parts, so that untrusted text is isolated from the label's words). null for an inbound or a
 * reply with no delivery status.
 */
export function deliveryView(interaction, channels, now) {
    if (interaction.direction !== 'Outbound' || !interaction.deliveryStatus) {
        return null;
    }
    const channelName = channelDisplay(interaction.network, channels).name;
    const state = interaction.deliveryStatus;
    const view = {
        state,
        isQueued: state === DELIVERY_STATUS.QUEUED,
        isSending: state === DELIVERY_STATUS.SENDING,
        isSent: state === DELIVERY_STATUS.SENT,
        isFailed: state === DELIVERY_STATUS.FAILED,
        text: '',
        iconName: 'utility:clock',
        cssClass: 'delivery slds-text-body_small',
        permalink: null,
        permalinkText: '',
        deliveredRelative: '',
        deliveredExact: '',
        deliveredIso: '',
        reasonParts: [],
        hasReason: false
    };
    switch (state) {
        case DELIVERY_STATUS.QUEUED:
            view.text = DELIVERY_QUEUED;
            // Back in the queue after a try the receiver asked to repeat (5xx, 429): say what it said.
            view.reasonParts = interaction.deliveryError
                ? formatLabelParts(DELIVERY_LAST_TRY, interaction.deliveryError)
                : [];
            break;
        case DELIVERY_STATUS.SENDING:
            view.text = formatLabel(DELIVERY_SENDING, channelName);
            view.iconName = 'utility:send';
            break;
        case DELIVERY_STATUS.SENT: {
            const permalink = safeHref(interaction.permalink);
            view.text = formatLabel(DELIVERY_SENT, channelName);
            view.iconName = 'utility:check';
            view.permalink = permalink;
            view.permalinkText = permalink ? formatLabel(VIEW_ON_CHANNEL, channelName) : '';
            view.deliveredRelative = relativeTimeText(interaction.deliveredAt, now);
            view.deliveredExact = exactTimeText(interaction.deliveredAt);
            view.deliveredIso = isoTime(interaction.deliveredAt);
            break;
        }
        case DELIVERY_STATUS.FAILED: {
            const attempts = Number(interaction.deliveryAttempts) || 0;
            view.text =
                attempts > 1
                    ? formatLabel(DELIVERY_FAILED_ATTEMPTS, channelName, attempts)
                    : formatLabel(DELIVERY_FAILED, channelName);
            view.iconName = 'utility:error';
            view.cssClass = 'delivery delivery_failed slds-text-body_small slds-text-color_error';
            view.reasonParts = interaction.deliveryError
                ? formatLabelParts(DELIVERY_REASON, interaction.deliveryError)
                : formatLabelParts(DELIVERY_NO_REASON);
            break;
        }
        default:
            view.text = interaction.deliveryStatusLabel || state;
    }
    view.hasReason = view.reasonParts.length > 0;
    return view;
}

/** The badge an inbound shows while a reply to it is on its way, or after one failed. */
function replyStateBadge(state) {
    if (state === REPLY_STATE.QUEUED) {
        return { text: INBOUND_REPLY_QUEUED, cssClass: 'slds-badge reply-state reply-state_queued' };
    }
    if (state === REPLY_STATE.FAILED) {
        return { text: INBOUND_REPLY_FAILED, cssClass: 'slds-badge slds-theme_error reply-state reply-state_failed' };
    }
    return null;
}

/** The customer's side: the identity's handle, else its display name, else the contact. */
function personOf(interaction) {
    if (interaction.authorHandle) {
        return `@${interaction.authorHandle}`;
    }
    return interaction.authorName || interaction.contactName || UNKNOWN_AUTHOR;
}

/**
 * Who wrote it: the customer for inbound; for outbound the identity is the person addressed.
 * In parts (c/labelFormat.formatLabelParts), so the handle or name is isolated from the words
 * and the time next to it.
 */
function authorPartsOf(interaction) {
    return formatLabelParts(interaction.direction === 'Outbound' ? OUR_REPLY_TO : '{0}', personOf(interaction));
}

/**
 * @param {object} interaction plain interaction
 * @param {object} channels channels by network key
 * @param {number} now epoch milliseconds
 * @param {{showWho?: boolean, replyStates?: Map<string, string>}} [options] showWho labels each item
 *   with its contact (account and case pages); replyStates (c/socialDelivery.replyStateByInbound)
 *   tells an inbound that a reply to it is queued or failed
 */
export function interactionView(interaction, channels, now, options = {}) {
    const channel = channels && channels[interaction.network];
    const display = channelDisplay(interaction.network, channels);
    const isInbound = interaction.direction === 'Inbound';
    const isPrivate = interaction.visibility === 'Private';
    const permalink = safeHref(interaction.permalink);
    const sla = slaBadge(interaction, channel, now);
    const authorParts = authorPartsOf(interaction);
    const whoParts =
        options.showWho && interaction.contactName ? formatLabelParts(ABOUT_CONTACT, interaction.contactName) : [];
    const delivery = deliveryView(interaction, channels, now);
    const replyStateKey = isInbound && options.replyStates ? options.replyStates.get(interaction.externalId) : null;
    const replyState = replyStateBadge(replyStateKey);
    return {
        id: interaction.id,
        channelName: display.name,
        iconName: display.iconName,
        directionText: interaction.directionLabel || interaction.direction || '',
        directionIcon: isInbound ? 'utility:arrowdown' : 'utility:arrowup',
        isInbound,
        visibilityText: interaction.visibilityLabel || interaction.visibility || '',
        visibilityClass: isPrivate ? 'slds-badge slds-badge_inverse visibility' : 'slds-badge visibility',
        isPrivate,
        kindText: interaction.kindLabel || '',
        author: partsText(authorParts),
        authorParts,
        who: partsText(whoParts),
        whoParts,
        relativeTime: relativeTimeText(interaction.postedAt, now),
        exactTime: exactTimeText(interaction.postedAt),
        isoTime: isoTime(interaction.postedAt),
        statusText: interaction.statusLabel || interaction.status || '',
        sla,
        hasSla: Boolean(sla),
        segments: interaction.deletedOnNetwork ? [] : bodySegments(interaction.body),
        deletedText: interaction.deletedOnNetwork ? formatLabel(DELETED_ON_NETWORK, display.name) : '',
        // A reply's permalink belongs to its delivery receipt ("Sent to X · View on X").
        permalink: delivery ? null : permalink,
        permalinkText: permalink && !delivery ? formatLabel(VIEW_ON_CHANNEL, display.name) : '',
        delivery,
        replyState,
        // For the composer: another reply now would reach the customer as a second answer.
        replyPending: replyStateKey === REPLY_STATE.QUEUED,
        personalDataText: interaction.containsPersonalData ? PERSONAL_DATA : '',
        caseText: interaction.caseNumber
            ? formatLabel(ON_CASE, interaction.caseNumber, interaction.caseStatusLabel || '')
            : '',
        itemClass: `interaction slds-p-vertical_x-small ${isInbound ? 'interaction_inbound' : 'interaction_outbound'}${
            sla && sla.state === SLA_STATE.OVERDUE ? ' interaction_overdue' : ''
        }`
    };
}

/** Who started it, when the head is known; a neutral "Conversation with" while it may not be. */
function headingLabel(head, whole, isPartial) {
    if (!whole && isPartial) {
        return THREAD_WITH;
    }
    return head.direction === 'Outbound' ? STARTED_BY_US : STARTED_BY;
}

/** "3 messages", "2 of 5 messages shown" (a filter or the page hides some), or "4+ messages". */
function threadCountText(shown, wholeCount, isPartial) {
    if (isPartial) {
        return formatLabel(THREAD_COUNT_PARTIAL, wholeCount);
    }
    if (wholeCount > shown) {
        return formatLabel(THREAD_COUNT_OF, shown, wholeCount);
    }
    return shown === 1 ? THREAD_SINGLE : formatLabel(THREAD_COUNT, shown);
}

/**
 * @param {object} thread from socialThreads.groupIntoThreads
 * @param {object} channels channels by network key
 * @param {number} now epoch milliseconds
 * @param {{showWho?: boolean, replyStates?: Map<string, string>, whole?: object, mayBeCut?: boolean}} [options]
 *   replyStates: see interactionView. whole: the thread as a whole (c/socialThreads.wholeThreads),
 *   which names who started it and counts every message; without it, mayBeCut says the thread may
 *   have members not loaded (a page boundary or a filter): then it is labelled as partial rather
 *   than guessed from its oldest loaded message.
 */
export function threadView(thread, channels, now, options = {}) {
    const channelIcons = thread.networks.map((network) => ({ key: network, ...channelDisplay(network, channels) }));
    const count = thread.interactions.length;
    const first = thread.interactions[0];
    const whole = options.whole || null;
    const head = whole ? whole.head : first;
    const isPartial = whole ? !whole.complete : Boolean(options.mayBeCut);
    const wholeCount = whole ? Math.max(whole.count, count) : count;
    const threadHasCase = thread.interactions.some((interaction) => Boolean(interaction.caseId));
    // A reply sits in the thread of the message it answers, so the thread holds what the inbound
    // needs, unless a filter hid the reply: then the caller's states (from more than the page) say it.
    const replyStates = options.replyStates || replyStateByInbound(thread.interactions);
    const headingParts = head ? formatLabelParts(headingLabel(head, whole, isPartial), personOf(head)) : [];
    const peopleParts = options.showWho ? joinedParts(thread.people, ', ') : [];
    return {
        key: thread.key,
        interactions: thread.interactions.map((interaction) => ({
            ...interactionView(interaction, channels, now, { ...options, replyStates }),
            // What the row's actions (c/socialInteractionActions) write from: the plain record,
            // its channel's reply settings, and whether the conversation already has a case.
            record: interaction,
            channel: (channels && channels[interaction.network]) || null,
            threadHasCase
        })),
        channelIcons,
        hopsChannels: thread.hopsChannels,
        hopsText: thread.hopsChannels ? formatLabel(THREAD_HOPS, channelIcons.map((c) => c.name).join(' → ')) : '',
        countText: threadCountText(count, wholeCount, isPartial),
        isPartial,
        waitingText: thread.openCount ? formatLabel(THREAD_WAITING, thread.openCount) : '',
        latestRelative: relativeTimeText(thread.latestAt, now),
        latestExact: exactTimeText(thread.latestAt),
        latestIso: isoTime(thread.latestAt),
        heading: partsAttribute(headingParts),
        headingParts,
        people: partsText(peopleParts),
        peopleParts
    };
}
