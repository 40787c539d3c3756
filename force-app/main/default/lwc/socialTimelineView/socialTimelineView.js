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
import THREAD_HOPS from '@salesforce/label/c.Social_Timeline_ThreadHops';
import THREAD_WAITING from '@salesforce/label/c.Social_Timeline_ThreadWaiting';
import DELIVERY from '@salesforce/label/c.Social_Timeline_Delivery';
import ON_CASE from '@salesforce/label/c.Social_Timeline_OnCase';
import UNKNOWN_AUTHOR from '@salesforce/label/c.Social_Timeline_UnknownAuthor';
import ABOUT_CONTACT from '@salesforce/label/c.Social_Timeline_AboutContact';
import OUR_REPLY_TO from '@salesforce/label/c.Social_Timeline_OurReplyTo';
import STARTED_BY from '@salesforce/label/c.Social_Thread_StartedBy';
import STARTED_BY_US from '@salesforce/label/c.Social_Thread_StartedByUs';
import { formatLabel, formatLabelParts, joinedParts, partsAttribute, partsText } from 'c/labelFormat';
import { SLA_STATE, slaFor } from 'c/socialSla';
import { bodySegments, safeHref } from 'c/socialBodyText';
import { durationText, exactTimeText, isoTime, relativeTimeText } from 'c/socialTimeText';

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
 * @param {{showWho?: boolean}} [options] showWho labels each item with its contact (account and case pages)
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
        permalink,
        permalinkText: permalink ? formatLabel(VIEW_ON_CHANNEL, display.name) : '',
        deliveryText:
            !isInbound && interaction.deliveryStatus
                ? formatLabel(DELIVERY, interaction.deliveryStatusLabel || interaction.deliveryStatus)
                : '',
        deliveryClass:
            interaction.deliveryStatus === 'Failed'
                ? 'delivery slds-m-right_small slds-text-color_error'
                : 'delivery slds-m-right_small',
        personalDataText: interaction.containsPersonalData ? PERSONAL_DATA : '',
        caseText: interaction.caseNumber
            ? formatLabel(ON_CASE, interaction.caseNumber, interaction.caseStatusLabel || '')
            : '',
        itemClass: `interaction slds-p-vertical_x-small ${isInbound ? 'interaction_inbound' : 'interaction_outbound'}${
            sla && sla.state === SLA_STATE.OVERDUE ? ' interaction_overdue' : ''
        }`
    };
}

/**
 * @param {object} thread from socialThreads.groupIntoThreads
 * @param {object} channels channels by network key
 * @param {number} now epoch milliseconds
 * @param {{showWho?: boolean}} [options]
 */
export function threadView(thread, channels, now, options = {}) {
    const channelIcons = thread.networks.map((network) => ({ key: network, ...channelDisplay(network, channels) }));
    const count = thread.interactions.length;
    const first = thread.interactions[0];
    const threadHasCase = thread.interactions.some((interaction) => Boolean(interaction.caseId));
    const headingParts = first
        ? formatLabelParts(first.direction === 'Outbound' ? STARTED_BY_US : STARTED_BY, personOf(first))
        : [];
    const peopleParts = options.showWho ? joinedParts(thread.people, ', ') : [];
    return {
        key: thread.key,
        interactions: thread.interactions.map((interaction) => ({
            ...interactionView(interaction, channels, now, options),
            // What the row's actions (c/socialInteractionActions) write from: the plain record,
            // its channel's reply settings, and whether the conversation already has a case.
            record: interaction,
            channel: (channels && channels[interaction.network]) || null,
            threadHasCase
        })),
        channelIcons,
        hopsChannels: thread.hopsChannels,
        hopsText: thread.hopsChannels ? formatLabel(THREAD_HOPS, channelIcons.map((c) => c.name).join(' → ')) : '',
        countText: count === 1 ? THREAD_SINGLE : formatLabel(THREAD_COUNT, count),
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
