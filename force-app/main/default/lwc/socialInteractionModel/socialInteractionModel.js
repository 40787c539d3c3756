// Turns UI API GraphQL nodes (every field wrapped as { value, displayValue }) into plain
// interaction and channel objects, so threading, SLA and suggestion rules never see the wire shape.

const valueOf = (field) => (field && field.value !== undefined ? field.value : null);
const displayOf = (field) => (field ? (field.displayValue ?? field.value ?? null) : null);
const timeOf = (field) => {
    const value = valueOf(field);
    if (!value) {
        return null;
    }
    const time = Date.parse(value);
    return Number.isNaN(time) ? null : time;
};
const networkKey = (value) => (value ? String(value).trim().toLowerCase() : '');

/**
 * A Social_Interaction__c node as a plain object; times are epoch milliseconds.
 * @param {object} node edge.node from a Social_Interaction__c connection
 */
export function toInteraction(node) {
    const identity = node.Identity__r || null;
    const contact = node.Contact__r || null;
    return {
        id: node.Id,
        name: valueOf(node.Name),
        externalId: valueOf(node.External_Id__c),
        network: networkKey(valueOf(node.Network__c)),
        direction: valueOf(node.Direction__c),
        directionLabel: displayOf(node.Direction__c),
        visibility: valueOf(node.Visibility__c),
        visibilityLabel: displayOf(node.Visibility__c),
        kind: valueOf(node.Kind__c),
        kindLabel: displayOf(node.Kind__c),
        body: valueOf(node.Body__c) ?? '',
        permalink: valueOf(node.Permalink__c),
        postedAt: timeOf(node.Posted_At__c),
        threadKey: valueOf(node.Thread_Key__c),
        inReplyTo: valueOf(node.In_Reply_To__c),
        sentiment: valueOf(node.Sentiment__c),
        intent: valueOf(node.Intent__c),
        intentLabel: displayOf(node.Intent__c),
        status: valueOf(node.Status__c),
        statusLabel: displayOf(node.Status__c),
        // The version the rep saw: status changes are conditional on it (updateRecord ifUnmodifiedSince).
        lastModifiedDate: valueOf(node.LastModifiedDate),
        responseDueAt: timeOf(node.Response_Due_At__c),
        firstResponseAt: timeOf(node.First_Response_At__c),
        deliveryStatus: valueOf(node.Delivery_Status__c),
        deliveryStatusLabel: displayOf(node.Delivery_Status__c),
        // The receiver's reason for a Failed reply: untrusted text, shown as text only.
        deliveryError: valueOf(node.Delivery_Error__c),
        deliveredAt: timeOf(node.Delivered_At__c),
        deliveryAttempts: valueOf(node.Delivery_Attempts__c),
        containsPersonalData: valueOf(node.Contains_Personal_Data__c) === true,
        deletedOnNetwork: valueOf(node.Deleted_On_Network__c) === true,
        contactId: valueOf(node.Contact__c),
        leadId: valueOf(node.Lead__c),
        accountId: valueOf(node.Account__c),
        caseId: valueOf(node.Case__c),
        caseNumber: node.Case__r ? valueOf(node.Case__r.CaseNumber) : null,
        caseStatusLabel: node.Case__r ? displayOf(node.Case__r.Status) || valueOf(node.Case__r.Status) : null,
        contactName: contact ? valueOf(contact.Name) : null,
        identityId: valueOf(node.Identity__c),
        authorHandle: identity ? valueOf(identity.Handle__c) : null,
        authorName: identity ? valueOf(identity.Display_Name__c) : null,
        authorIsAdvocate: identity ? valueOf(identity.Is_Advocate__c) === true : false
    };
}

/**
 * A Social_Channel__c node as a plain object.
 * @param {object} node edge.node from a Social_Channel__c connection
 */
export function toChannel(node) {
    const enabled = valueOf(node.Enabled__c);
    return {
        id: node.Id,
        name: valueOf(node.Name),
        networkKey: networkKey(valueOf(node.Network_Key__c)),
        // A missing value means the field was never set: the field's default is "enabled".
        enabled: enabled !== false,
        icon: valueOf(node.Icon__c),
        slaMinutes: valueOf(node.Response_SLA_Minutes__c),
        sortOrder: valueOf(node.Sort_Order__c),
        // Reply composer settings; null when the query did not ask for them.
        replyLimit: valueOf(node.Public_Reply_Limit__c),
        lengthCounting: valueOf(node.Length_Counting__c),
        supportsPrivate: valueOf(node.Supports_Private_Messages__c) === true,
        // The Case Origin value a case made from this channel's messages gets; null: not set.
        caseOrigin: valueOf(node.Case_Origin__c)
    };
}

/** Channels indexed by network key, for lookups from interactions. */
export function channelsByKey(channels) {
    const byKey = {};
    (channels || []).forEach((channel) => {
        if (channel.networkKey) {
            byKey[channel.networkKey] = channel;
        }
    });
    return byKey;
}

/** The edges of a connection as plain objects, tolerating a missing connection. */
export function nodesOf(connection, convert) {
    return (connection?.edges || []).filter((edge) => edge && edge.node).map((edge) => convert(edge.node));
}

/**
 * updateRecord's client options that make a write conditional on the version of the interaction
 * the rep saw (its LastModifiedDate), or undefined when the version is not known: a record changed
 * since then is not written (https://developer.salesforce.com/docs/platform/lwc/guide/reference-update-record.html).
 */
export function versionCondition(interaction) {
    return interaction && interaction.lastModifiedDate
        ? { ifUnmodifiedSince: interaction.lastModifiedDate }
        : undefined;
}
