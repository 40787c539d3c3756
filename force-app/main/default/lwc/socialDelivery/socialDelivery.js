// Where an outbound reply is on its way to the customer (Delivery_Status__c, written by
// `sf social replies deliver`), what the inbound it answers shows meanwhile, and the record writes
// a rep makes about a reply that was not delivered. Pure: no labels, no I/O, so the rules and the
// exact fields written are testable alone (test/metadata/repWrites.test.ts reads the writes).

export const DELIVERY_STATUS = Object.freeze({
    QUEUED: 'Queued',
    SENDING: 'Sending',
    SENT: 'Sent',
    FAILED: 'Failed'
});

/** What an inbound shows about the replies that answer it. */
export const REPLY_STATE = Object.freeze({
    QUEUED: 'queued',
    FAILED: 'failed',
    SENT: 'sent'
});

const PENDING = [DELIVERY_STATUS.QUEUED, DELIVERY_STATUS.SENDING];
const UNDELIVERED = [DELIVERY_STATUS.QUEUED, DELIVERY_STATUS.SENDING, DELIVERY_STATUS.FAILED];

/**
 * The GraphQL filter (a variable, never query text) for our replies in `scope` that are not
 * delivered yet, however old: queued, sending, or failed and not closed by the rep. The timeline
 * and Catch me up read them besides their own window, so an open message always says whether a
 * reply to it is on its way, whatever filter or page the rep is on.
 * @param {object} scope a record scope filter (c/socialTimelineFilter.recordScope)
 */
export function undeliveredRepliesWhere(scope) {
    return {
        and: [
            scope,
            { Direction__c: { eq: 'Outbound' } },
            { Delivery_Status__c: { in: UNDELIVERED } },
            { Status__c: { ne: 'Closed' } }
        ]
    };
}

/** True for an outbound reply the deliverer has not finished with (queued, or claimed and sending). */
export function isPending(interaction) {
    return Boolean(interaction) && interaction.direction === 'Outbound' && PENDING.includes(interaction.deliveryStatus);
}

/** True for an outbound reply the receiver refused (or that ran out of attempts). */
export function isFailed(interaction) {
    return (
        Boolean(interaction) &&
        interaction.direction === 'Outbound' &&
        interaction.deliveryStatus === DELIVERY_STATUS.FAILED
    );
}

/**
 * For each inbound that outbound replies answer (In_Reply_To__c = the inbound's External_Id__c),
 * the state the rep should see on it: sent as soon as one reply reached the customer, else queued
 * while one is still on its way, else failed. The inbound becomes Responded only on delivery, so
 * until then this is what tells the rep an answer is on its way.
 * @param {object[]} interactions plain interactions (c/socialInteractionModel.toInteraction)
 * @returns {Map<string, string>} inbound External_Id__c -> REPLY_STATE
 */
export function replyStateByInbound(interactions) {
    const states = new Map();
    const rank = { [REPLY_STATE.SENT]: 3, [REPLY_STATE.QUEUED]: 2, [REPLY_STATE.FAILED]: 1 };
    (interactions || []).forEach((reply) => {
        if (!reply || reply.direction !== 'Outbound' || !reply.inReplyTo) {
            return;
        }
        let state = null;
        if (reply.deliveryStatus === DELIVERY_STATUS.SENT) {
            state = REPLY_STATE.SENT;
        } else if (isPending(reply)) {
            state = REPLY_STATE.QUEUED;
        } else if (isFailed(reply) && reply.status !== 'Closed') {
            // A failed reply the rep closed (replaced, given up) no longer speaks for the inbound.
            state = REPLY_STATE.FAILED;
        }
        const current = states.get(reply.inReplyTo);
        if (state && (!current || rank[state] > rank[current])) {
            states.set(reply.inReplyTo, state);
        }
    });
    return states;
}

/**
 * A rep's Retry on a failed reply: back in the queue with a clean slate, so the deliverer sends it
 * again (with the same Idempotency-Key: the reply's identity does not change) and counts its
 * attempts from zero. Only fields Social_Bridge_Rep may edit.
 */
export function retryInput(reply) {
    return {
        fields: {
            Id: reply.id,
            Delivery_Status__c: DELIVERY_STATUS.QUEUED,
            Delivery_Error__c: null,
            Delivery_Attempts__c: 0
        }
    };
}

/**
 * A failed public reply the rep replaced with a private one: closed with the reason, so neither
 * the timeline nor Catch me up keeps asking for it. The reply itself stays, with its failure.
 */
export function replacedReplyInput(reply, reason) {
    return { fields: { Id: reply.id, Status__c: 'Closed', Status_Reason__c: reason } };
}

/**
 * The inbound a reply answers, as far as a new reply to it needs: the composer writes In_Reply_To__c,
 * the thread and the person from it. Lets "reply privately instead" answer the same message
 * without reading the inbound again.
 */
export function answeredBy(reply) {
    return {
        id: null,
        externalId: reply.inReplyTo,
        network: reply.network,
        visibility: reply.visibility,
        threadKey: reply.threadKey,
        identityId: reply.identityId,
        contactId: reply.contactId,
        leadId: reply.leadId,
        accountId: reply.accountId,
        caseId: reply.caseId,
        authorHandle: reply.authorHandle,
        authorName: reply.authorName
    };
}
