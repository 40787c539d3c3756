// Service-level state of one interaction against its channel's Response_SLA_Minutes__c:
// whether a first response is still due, overdue, or was given in time or late.

export const SLA_STATE = Object.freeze({
    NONE: 'none',
    DUE: 'due',
    OVERDUE: 'overdue',
    MET: 'met',
    MISSED: 'missed'
});

const OPEN_STATUSES = ['New', 'Needs_Response'];
const SLA_INTENTS = ['Question', 'Complaint'];
const MINUTE = 60 * 1000;

/** True while an interaction still waits for the company (status New or Needs_Response). */
export function isOpen(interaction) {
    return OPEN_STATUSES.includes(interaction.status || 'New');
}

/**
 * The SLA covers inbound public questions and complaints, anything a rep or import marked
 * Needs_Response, and anything the import gave a Response_Due_At__c: those are the messages other
 * customers see waiting. The stored due time outlives the status, so a message answered late (no
 * longer Needs_Response, perhaps a purchase question) still says "Answered after SLA" instead of
 * silently losing its overdue badge.
 */
export function isSlaCovered(interaction) {
    return (
        interaction.direction === 'Inbound' &&
        interaction.visibility === 'Public' &&
        (SLA_INTENTS.includes(interaction.intent) ||
            interaction.status === 'Needs_Response' ||
            Boolean(interaction.responseDueAt))
    );
}

/** When the first response is due: the stored Response_Due_At__c, else posted at + channel SLA. */
export function dueAtOf(interaction, channel) {
    if (interaction.responseDueAt) {
        return interaction.responseDueAt;
    }
    const minutes = channel && Number(channel.slaMinutes);
    if (!interaction.postedAt || !minutes || minutes <= 0) {
        return null;
    }
    return interaction.postedAt + minutes * MINUTE;
}

/**
 * @param {object} interaction plain interaction (socialInteractionModel)
 * @param {object} channel plain channel or undefined
 * @param {number} now epoch milliseconds
 * @returns {{state: string, dueAt: number|null, minutesLeft: number|null, slaMinutes: number|null}}
 *   minutesLeft is negative once overdue (minutes late).
 */
export function slaFor(interaction, channel, now) {
    const slaMinutes = channel && channel.slaMinutes ? Number(channel.slaMinutes) : null;
    const none = { state: SLA_STATE.NONE, dueAt: null, minutesLeft: null, slaMinutes };
    if (!isSlaCovered(interaction)) {
        return none;
    }
    const dueAt = dueAtOf(interaction, channel);
    if (!dueAt) {
        return none;
    }
    if (interaction.firstResponseAt) {
        const state = interaction.firstResponseAt <= dueAt ? SLA_STATE.MET : SLA_STATE.MISSED;
        return { state, dueAt, minutesLeft: null, slaMinutes };
    }
    if (!isOpen(interaction)) {
        // Closed without a recorded response: nothing is waiting any more.
        return none;
    }
    const minutesLeft = Math.floor((dueAt - now) / MINUTE);
    return {
        state: dueAt > now ? SLA_STATE.DUE : SLA_STATE.OVERDUE,
        dueAt,
        minutesLeft: dueAt > now ? minutesLeft : -Math.ceil((now - dueAt) / MINUTE),
        slaMinutes
    };
}
