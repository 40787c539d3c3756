// The record write a reply makes, as a UI API record input: the outbound Social_Interaction__c,
// queued for `sf social replies deliver`. The inbound it answers is left as it is: it becomes
// Responded (with First_Response_At__c) when the reply is delivered, not when it is queued.
// Every field here is one Social_Bridge_Rep may edit (test/metadata/repWrites.test.ts checks it):
// the UI API refuses the whole record if one field is read-only for the rep.
// Pure, so the exact fields are testable without the component.

export const VISIBILITY = Object.freeze({ PUBLIC: 'Public', PRIVATE: 'Private' });

/** A v4 UUID; crypto.randomUUID where the browser has it (secure contexts), else from random bytes. */
export function newUuid(cryptoApi = globalThis.crypto) {
    if (cryptoApi && typeof cryptoApi.randomUUID === 'function') {
        return cryptoApi.randomUUID();
    }
    const bytes = cryptoApi.getRandomValues(new Uint8Array(16));
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * @param {object} inbound plain interaction (c/socialInteractionModel.toInteraction) being answered
 * @param {{body: string, visibility: string, now: Date, uuid: string}} reply
 */
export function outboundReplyInput(inbound, reply) {
    const isPrivate = reply.visibility === VISIBILITY.PRIVATE;
    return {
        apiName: 'Social_Interaction__c',
        fields: {
            External_Id__c: `${inbound.network}:local-${reply.uuid}`,
            Network__c: inbound.network,
            Direction__c: 'Outbound',
            Visibility__c: isPrivate ? VISIBILITY.PRIVATE : VISIBILITY.PUBLIC,
            Kind__c: isPrivate ? 'Direct Message' : 'Reply',
            Body__c: reply.body,
            // A private message opens its own conversation on most networks, but it answers this one.
            Thread_Key__c: inbound.threadKey || inbound.externalId,
            In_Reply_To__c: inbound.externalId,
            Identity__c: inbound.identityId || null,
            Contact__c: inbound.contactId || null,
            Lead__c: inbound.leadId || null,
            Account__c: inbound.accountId || null,
            Case__c: inbound.caseId || null,
            Posted_At__c: reply.now.toISOString(),
            Delivery_Status__c: 'Queued',
            // The reply's own status: nothing waits on it. Contains_Personal_Data__c is not sent:
            // it is read-only for reps, so a rep's client cannot clear or forge it.
            Status__c: 'Responded'
        }
    };
}
