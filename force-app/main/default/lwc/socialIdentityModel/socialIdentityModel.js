// Plain identity objects and the record inputs for each link change the identities panel can
// make. One module, so the exact fields written (and audited by field history) are easy to review.

const valueOf = (field) => (field && field.value !== undefined ? field.value : null);

export function toIdentity(node) {
    return {
        id: node.Id,
        name: valueOf(node.Name),
        network: String(valueOf(node.Network__c) || '').toLowerCase(),
        handle: valueOf(node.Handle__c),
        displayName: valueOf(node.Display_Name__c),
        profileUrl: valueOf(node.Profile_URL__c),
        followers: valueOf(node.Followers__c),
        status: valueOf(node.Link_Status__c) || 'Unlinked',
        statusLabel: node.Link_Status__c?.displayValue || valueOf(node.Link_Status__c) || 'Unlinked',
        source: valueOf(node.Link_Source__c),
        rule: valueOf(node.Matched_By_Rule__c),
        linkedAt: valueOf(node.Linked_At__c),
        note: valueOf(node.Link_Note__c),
        isAdvocate: valueOf(node.Is_Advocate__c) === true,
        // Still on a Lead that was converted (no deploy or import has moved it to the Contact yet).
        convertedLeadName: valueOf(node.Lead__r?.IsConverted) === true ? valueOf(node.Lead__r?.Name) : null
    };
}

/**
 * The identities a person's panel lists: on a Contact, also those still on the Leads converted
 * into it (Lead.ConvertedContactId), so the panel shows them at once, before any deploy moves them.
 */
export function identitiesWhere(objectApiName, recordId) {
    if (objectApiName === 'Lead') {
        return { Lead__c: { eq: recordId } };
    }
    return { or: [{ Contact__c: { eq: recordId } }, { Lead__r: { ConvertedContactId: { eq: recordId } } }] };
}

/** The lookup field an identity uses for this page's record. */
export function personField(objectApiName) {
    return objectApiName === 'Lead' ? 'Lead__c' : 'Contact__c';
}

/** A rep confirms a suggested identity: linked, by the rep, now. */
export function confirmInput(identityId, userId, now) {
    return {
        fields: {
            Id: identityId,
            Link_Status__c: 'Linked',
            Link_Source__c: 'Rep',
            Linked_By__c: userId,
            Linked_At__c: new Date(now).toISOString(),
            Link_Note__c: null
        }
    };
}

/**
 * A rep rejects a suggestion. The lookup stays, so the rejection is remembered for this record
 * and the mapping deploy does not suggest the same pair again.
 */
export function rejectInput(identityId, reason) {
    return {
        fields: {
            Id: identityId,
            Link_Status__c: 'Rejected',
            Link_Source__c: 'Rep',
            Link_Note__c: reason ? reason.trim().slice(0, 255) : null
        }
    };
}

/**
 * A rep unlinks an identity from this person, saying why (field history keeps the trail). Both
 * lookups are cleared: on a Contact the identity may still sit on the Lead converted into it, which
 * is the same person. This one write is the whole unlink: the timeline reads messages through their
 * identity's current link (c/socialTimelineFilter.recordScope), so they leave the record with it.
 */
export function unlinkInput(identityId, reason) {
    return {
        fields: {
            Id: identityId,
            Contact__c: null,
            Lead__c: null,
            Link_Status__c: 'Unlinked',
            Link_Source__c: 'Rep',
            Link_Note__c: reason.trim().slice(0, 255)
        }
    };
}

/** Handles are stored without the leading @ and surrounding spaces. */
export function normaliseHandle(handle) {
    return String(handle || '')
        .trim()
        .replace(/^@+/, '');
}

/**
 * A rep links an existing, unclaimed identity to this record. The rule that once matched it (before
 * an unlink) does not explain this link: it is cleared, field history keeps it.
 */
export function linkExistingInput(identityId, objectApiName, recordId, userId, now) {
    return {
        fields: {
            Id: identityId,
            [personField(objectApiName)]: recordId,
            Link_Status__c: 'Linked',
            Link_Source__c: 'Rep',
            Matched_By_Rule__c: null,
            Linked_By__c: userId,
            Linked_At__c: new Date(now).toISOString(),
            Link_Note__c: null
        }
    };
}

/**
 * A rep links a handle the org has not seen yet. The network's user id is unknown to a rep, so
 * the handle stands in as `@handle` (External_Id__c `network:@handle`) until an import that
 * knows the real id updates the record.
 */
export function createIdentityInput({ network, handle, profileUrlTemplate, objectApiName, recordId, userId, now }) {
    const cleanHandle = normaliseHandle(handle);
    const profileUrl = profileUrlTemplate
        ? profileUrlTemplate.replace('{handle}', encodeURIComponent(cleanHandle))
        : null;
    return {
        apiName: 'Social_Identity__c',
        fields: {
            Name: `@${cleanHandle} (${network})`.slice(0, 80),
            External_Id__c: `${network}:@${cleanHandle}`,
            Network__c: network,
            Network_User_Id__c: `@${cleanHandle}`,
            Handle__c: cleanHandle,
            Profile_URL__c: profileUrl && /^https?:\/\//i.test(profileUrl) ? profileUrl : null,
            [personField(objectApiName)]: recordId,
            Link_Status__c: 'Linked',
            Link_Source__c: 'Rep',
            Linked_By__c: userId,
            Linked_At__c: new Date(now).toISOString()
        }
    };
}
