// The record inputs the interaction actions write, as UI API record inputs: status changes,
// a case made from an interaction and the link back to it, and recognising an advocate. Pure.

const SUBJECT_MAX = 255;

/** Status each action moves an interaction to. Reopening puts it back in the response queue. */
export const STATUS_ACTIONS = Object.freeze({
    respond: { status: 'Responded', reasonRequired: false },
    close: { status: 'Closed', reasonRequired: true },
    reopen: { status: 'Needs_Response', reasonRequired: true }
});

export function statusInput(interaction, action, reason, now) {
    const fields = {
        Id: interaction.id,
        Status__c: STATUS_ACTIONS[action].status,
        Status_Reason__c: reason ? reason.trim() : null
    };
    if (action === 'respond' && !interaction.firstResponseAt) {
        // Answered elsewhere (phone, email): the first response still counts for the SLA.
        fields.First_Response_At__c = now.toISOString();
    }
    return { fields };
}

/** The body's first non-empty line, cut to the Subject's 255 characters. */
export function subjectOf(body, fallback) {
    const line = String(body || '')
        .split(/\r?\n/)
        .map((text) => text.trim())
        .find(Boolean);
    const subject = line || fallback || '';
    return subject.length > SUBJECT_MAX ? `${subject.slice(0, SUBJECT_MAX - 1)}…` : subject;
}

/**
 * @param {object} interaction plain interaction
 * @param {object} channel plain channel or null
 */
export function caseInput(interaction, channel) {
    const description = [interaction.body, interaction.permalink].filter(Boolean).join('\n\n');
    return {
        apiName: 'Case',
        fields: {
            Subject: subjectOf(interaction.body, interaction.name),
            Description: description,
            // The channel's own setting: its name ("X") is no value of a restricted Origin picklist.
            Origin: (channel && channel.caseOrigin) || 'Web',
            ContactId: interaction.contactId || null,
            AccountId: interaction.accountId || null,
            Status: 'New'
        }
    };
}

export function caseLinkInput(interaction, caseId) {
    return { fields: { Id: interaction.id, Case__c: caseId } };
}

export function advocateInput(interaction, note) {
    return {
        fields: { Id: interaction.identityId, Is_Advocate__c: true, Advocate_Note__c: note ? note.trim() : null }
    };
}

/** A date input's value (YYYY-MM-DD, local calendar) `days` after `now`. */
export function localDateAfter(now, days) {
    const date = new Date(now.getFullYear(), now.getMonth(), now.getDate() + days);
    const pad = (value) => String(value).padStart(2, '0');
    return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * A follow-up Task for the rep. It is related to the interaction itself (activities are enabled
 * on it), except for leads: the platform does not let a lead's task name a related record.
 */
export function taskInput(interaction, { subject, dueDate, ownerId }) {
    const whoId = interaction.contactId || interaction.leadId || null;
    const leadOnly = !interaction.contactId && Boolean(interaction.leadId);
    return {
        apiName: 'Task',
        fields: {
            Subject: subject.trim(),
            ActivityDate: dueDate || null,
            OwnerId: ownerId,
            WhoId: whoId,
            WhatId: leadOnly ? null : interaction.id,
            Description: [interaction.body, interaction.permalink].filter(Boolean).join('\n\n')
        }
    };
}
