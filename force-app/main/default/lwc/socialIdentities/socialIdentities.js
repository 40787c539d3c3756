// The identities panel on a Contact or Lead: the person's accounts across networks and how each
// was linked. A rep confirms or rejects suggestions, unlinks with a reason, or links a new
// handle; every change is a UI API record write the platform checks and field history records.
import { LightningElement, api, wire } from 'lwc';
import { AccessState } from 'c/socialAccessState';
import { graphql } from 'lightning/graphql';
import { updateRecord } from 'lightning/uiRecordApi';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import { RefreshEvent } from 'lightning/refresh';
import USER_ID from '@salesforce/user/Id';
import TITLE from '@salesforce/label/c.Social_Identities_Title';
import LINK_HANDLE from '@salesforce/label/c.Social_Identities_LinkHandle';
import LOADING from '@salesforce/label/c.Social_Identities_Loading';
import LOAD_ERROR from '@salesforce/label/c.Social_Identities_LoadError';
import LOAD_ERROR_ACTION from '@salesforce/label/c.Social_Identities_LoadErrorAction';
import SUGGESTED from '@salesforce/label/c.Social_Identities_Suggested';
import LINKED from '@salesforce/label/c.Social_Identities_Linked';
import REJECTED from '@salesforce/label/c.Social_Identities_Rejected';
import EMPTY from '@salesforce/label/c.Social_Identities_Empty';
import MATCHED_BY from '@salesforce/label/c.Social_Identities_MatchedBy';
import FROM_CONVERTED_LEAD from '@salesforce/label/c.Social_Identities_FromConvertedLead';
import LINK_SOURCE from '@salesforce/label/c.Social_Identities_LinkSource';
import CONFIRM from '@salesforce/label/c.Social_Identities_Confirm';
import CONFIRM_ALT from '@salesforce/label/c.Social_Identities_ConfirmAlt';
import REJECT from '@salesforce/label/c.Social_Identities_Reject';
import REJECT_ALT from '@salesforce/label/c.Social_Identities_RejectAlt';
import UNLINK from '@salesforce/label/c.Social_Identities_Unlink';
import UNLINK_ALT from '@salesforce/label/c.Social_Identities_UnlinkAlt';
import REASON from '@salesforce/label/c.Social_Identities_Reason';
import UNLINK_REASON_HELP from '@salesforce/label/c.Social_Identities_UnlinkReasonHelp';
import REJECT_REASON_HELP from '@salesforce/label/c.Social_Identities_RejectReasonHelp';
import REASON_REQUIRED from '@salesforce/label/c.Social_Identities_ReasonRequired';
import CANCEL from '@salesforce/label/c.Social_Action_Cancel';
import FOLLOWERS from '@salesforce/label/c.Social_Identities_Followers';
import ADVOCATE from '@salesforce/label/c.Social_Identities_Advocate';
import CONFIRMED from '@salesforce/label/c.Social_Identities_ConfirmedToast';
import REJECTED_TOAST from '@salesforce/label/c.Social_Identities_RejectedToast';
import UNLINKED from '@salesforce/label/c.Social_Identities_UnlinkedToast';
import SAVE_ERROR from '@salesforce/label/c.Social_Identities_SaveError';
import PROFILE_LINK from '@salesforce/label/c.Social_Identities_ProfileLink';
import UNSUPPORTED from '@salesforce/label/c.Social_Identities_UnsupportedPage';
import { formatLabel, isolated } from 'c/labelFormat';
import { reduceErrors } from 'c/errorMessages';
import { safeHref } from 'c/socialBodyText';
import { channelsByKey, nodesOf, toChannel } from 'c/socialInteractionModel';
import { confirmInput, identitiesWhere, rejectInput, toIdentity, unlinkInput } from 'c/socialIdentityModel';
import { channelDisplay } from 'c/socialTimelineView';
import { IDENTITIES_QUERY } from './identitiesQuery';

/**
 * How the link was made. A rep's action is the latest word on it: after a rep confirms or re-links
 * an identity, the rule that once matched it no longer explains the link (issue 19).
 */
function howLinkedText(identity) {
    const how =
        identity.rule && identity.source !== 'Rep'
            ? formatLabel(MATCHED_BY, identity.rule)
            : identity.source
              ? formatLabel(LINK_SOURCE, identity.source)
              : '';
    const fromLead = identity.convertedLeadName ? formatLabel(FROM_CONVERTED_LEAD, identity.convertedLeadName) : '';
    return [fromLead, how].filter(Boolean).join(' · ');
}

export default class SocialIdentities extends AccessState(LightningElement) {
    @api recordId;
    @api objectApiName;

    identities = [];
    channelList = [];
    profileTemplates = {};
    isLoading = true;
    errors;
    refreshIdentities;
    linkFormOpen = false;
    pending; // { identityId, kind: 'unlink' | 'reject' }
    reason = '';
    isSaving = false;

    labels = {
        title: TITLE,
        linkHandle: LINK_HANDLE,
        loading: LOADING,
        loadError: LOAD_ERROR,
        loadErrorAction: LOAD_ERROR_ACTION,
        empty: EMPTY,
        reason: REASON,
        reasonRequired: REASON_REQUIRED,
        cancel: CANCEL,
        advocate: ADVOCATE,
        unsupported: UNSUPPORTED
    };

    get isSupportedPage() {
        return this.objectApiName === 'Contact' || this.objectApiName === 'Lead';
    }

    get identitiesQuery() {
        return this.isSupportedPage && this.recordId ? IDENTITIES_QUERY : undefined;
    }

    get identitiesVariables() {
        return { where: identitiesWhere(this.objectApiName, this.recordId) };
    }

    @wire(graphql, { query: '$identitiesQuery', variables: '$identitiesVariables' })
    wiredIdentities({ data, errors, refresh }) {
        if (refresh) {
            this.refreshIdentities = refresh;
        }
        if (errors && errors.length) {
            this.errors = errors;
            this.isLoading = false;
            return;
        }
        const connection = data?.uiapi?.query?.Social_Identity__c;
        if (!connection) {
            return;
        }
        this.errors = undefined;
        this.identities = nodesOf(connection, toIdentity);
        const channelNodes = data.uiapi.query.Social_Channel__c?.edges || [];
        this.channelList = nodesOf(data.uiapi.query.Social_Channel__c, toChannel);
        this.profileTemplates = {};
        channelNodes.forEach(({ node }) => {
            const key = String(node.Network_Key__c?.value || '').toLowerCase();
            this.profileTemplates[key] = node.Profile_URL_Template__c?.value || null;
        });
        this.isLoading = false;
    }

    // ---- view -------------------------------------------------------------------------------

    toView(identity) {
        const display = channelDisplay(identity.network, channelsByKey(this.channelList));
        const label = identity.handle ? `@${identity.handle}` : identity.displayName || identity.name;
        const pending = this.pending && this.pending.identityId === identity.id ? this.pending.kind : null;
        const profileUrl = safeHref(identity.profileUrl);
        return {
            ...identity,
            label,
            channelName: display.name,
            iconName: display.iconName,
            profileUrl,
            profileLinkText: formatLabel(PROFILE_LINK, isolated(label), display.name),
            followersText:
                identity.followers !== null && identity.followers !== undefined
                    ? formatLabel(FOLLOWERS, identity.followers)
                    : '',
            howText: howLinkedText(identity),
            confirmLabel: CONFIRM,
            confirmAlt: formatLabel(CONFIRM_ALT, isolated(label)),
            rejectLabel: REJECT,
            rejectAlt: formatLabel(REJECT_ALT, isolated(label)),
            unlinkLabel: UNLINK,
            unlinkAlt: formatLabel(UNLINK_ALT, isolated(label)),
            showStatus: identity.status !== 'Linked',
            isPending: Boolean(pending),
            reasonHelp: pending === 'unlink' ? UNLINK_REASON_HELP : REJECT_REASON_HELP,
            reasonRequired: pending === 'unlink',
            submitLabel: pending === 'unlink' ? UNLINK : REJECT
        };
    }

    byStatus(...statuses) {
        return this.identities
            .filter((identity) => statuses.includes(identity.status))
            .map((identity) => this.toView(identity));
    }

    get suggested() {
        return this.byStatus('Suggested');
    }

    /** Linked identities, and any pointing at this record with no status yet (the default, Unlinked). */
    get linked() {
        return this.byStatus('Linked', 'Unlinked');
    }

    get rejected() {
        return this.byStatus('Rejected');
    }

    get hasSuggested() {
        return this.suggested.length > 0;
    }

    get hasLinked() {
        return this.linked.length > 0;
    }

    get hasRejected() {
        return this.rejected.length > 0;
    }

    get suggestedHeading() {
        return formatLabel(SUGGESTED, this.suggested.length);
    }

    get linkedHeading() {
        return formatLabel(LINKED, this.linked.length);
    }

    get rejectedHeading() {
        return formatLabel(REJECTED, this.rejected.length);
    }

    get isEmpty() {
        return !this.isLoading && !this.errors && !this.hasSuggested && !this.hasLinked && !this.hasRejected;
    }

    get linkChannels() {
        return this.channelList
            .filter((channel) => channel.enabled)
            .map((channel) => ({
                label: channel.name || channel.networkKey,
                value: channel.networkKey,
                profileUrlTemplate: this.profileTemplates[channel.networkKey] || null
            }));
    }

    // ---- actions ----------------------------------------------------------------------------

    handleToggleLinkForm() {
        this.linkFormOpen = !this.linkFormOpen;
    }

    handleLinkClosed() {
        this.linkFormOpen = false;
    }

    handleLinked() {
        this.linkFormOpen = false;
        this.afterChange();
    }

    identityById(id) {
        return this.identities.find((identity) => identity.id === id);
    }

    async handleConfirm(event) {
        const identity = this.identityById(event.target.dataset.id);
        await this.save(identity, confirmInput(identity.id, USER_ID, Date.now()), CONFIRMED);
    }

    handleStartReject(event) {
        this.startPending(event.target.dataset.id, 'reject');
    }

    handleStartUnlink(event) {
        this.startPending(event.target.dataset.id, 'unlink');
    }

    startPending(identityId, kind) {
        this.pending = { identityId, kind };
        this.reason = '';
    }

    handleReasonChange(event) {
        this.reason = event.detail.value || '';
        if (this.reason.trim()) {
            // The field's own message is the only one (issue 19: it was shown twice): clear it.
            const input = this.template.querySelector('lightning-textarea.reason');
            if (input) {
                input.setCustomValidity('');
            }
        }
    }

    handleCancelPending() {
        this.pending = undefined;
    }

    async handleSubmitPending() {
        const identity = this.identityById(this.pending.identityId);
        if (this.pending.kind === 'unlink') {
            if (!this.reason.trim()) {
                // Said once, by the field itself, as Lightning fields report errors.
                const input = this.template.querySelector('lightning-textarea.reason');
                if (input) {
                    input.setCustomValidity(REASON_REQUIRED);
                    input.reportValidity();
                    input.focus();
                }
                return;
            }
            await this.save(identity, unlinkInput(identity.id, this.reason), UNLINKED);
        } else {
            await this.save(identity, rejectInput(identity.id, this.reason), REJECTED_TOAST);
        }
    }

    async save(identity, recordInput, successLabel) {
        const label = identity.handle ? `@${identity.handle}` : identity.name;
        this.isSaving = true;
        try {
            await updateRecord(recordInput);
            this.pending = undefined;
            this.dispatchEvent(
                new ShowToastEvent({ title: formatLabel(successLabel, isolated(label)), variant: 'success' })
            );
            this.afterChange();
        } catch (error) {
            this.dispatchEvent(
                new ShowToastEvent({
                    title: formatLabel(SAVE_ERROR, isolated(label), reduceErrors(error).join(' ')),
                    variant: 'error',
                    mode: 'sticky'
                })
            );
        } finally {
            this.isSaving = false;
        }
    }

    /** Re-read this panel and tell the page (the timeline) that links changed. */
    afterChange() {
        if (this.refreshIdentities) {
            this.refreshIdentities();
        }
        this.dispatchEvent(new RefreshEvent());
    }

    handleRetry() {
        this.errors = undefined;
        this.isLoading = true;
        if (this.refreshIdentities) {
            this.refreshIdentities();
        }
    }
}
