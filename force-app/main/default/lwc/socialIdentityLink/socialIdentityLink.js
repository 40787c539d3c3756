// Links a handle to this Contact or Lead. It first looks the handle up: a known, unclaimed
// identity is linked (not duplicated); one linked to someone else is left alone with an
// explanation (a wrong link is a privacy incident); an unknown handle is created and linked.
import { LightningElement, api, wire } from 'lwc';
import { graphql } from 'lightning/graphql';
import { createRecord, updateRecord } from 'lightning/uiRecordApi';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import USER_ID from '@salesforce/user/Id';
import LEGEND from '@salesforce/label/c.Social_Link_Legend';
import NETWORK from '@salesforce/label/c.Social_Link_Network';
import HANDLE from '@salesforce/label/c.Social_Link_Handle';
import HANDLE_HELP from '@salesforce/label/c.Social_Link_HandleHelp';
import FIND from '@salesforce/label/c.Social_Link_Find';
import SEARCHING from '@salesforce/label/c.Social_Link_Searching';
import FOUND from '@salesforce/label/c.Social_Link_Found';
import LINK_IT from '@salesforce/label/c.Social_Link_LinkIt';
import ALREADY_HERE from '@salesforce/label/c.Social_Link_AlreadyHere';
import ELSEWHERE from '@salesforce/label/c.Social_Link_Elsewhere';
import NOT_FOUND from '@salesforce/label/c.Social_Link_NotFound';
import CREATE_AND_LINK from '@salesforce/label/c.Social_Link_CreateAndLink';
import HANDLE_REQUIRED from '@salesforce/label/c.Social_Link_HandleRequired';
import NETWORK_REQUIRED from '@salesforce/label/c.Social_Link_NetworkRequired';
import LINKED_TOAST from '@salesforce/label/c.Social_Link_LinkedToast';
import LOOKUP_ERROR from '@salesforce/label/c.Social_Link_LookupError';
import SAVE_ERROR from '@salesforce/label/c.Social_Identities_SaveError';
import CANCEL from '@salesforce/label/c.Social_Action_Cancel';
import { formatLabel, formatLabelParts, isolated } from 'c/labelFormat';
import { reduceErrors } from 'c/errorMessages';
import { createIdentityInput, linkExistingInput, normaliseHandle, personField } from 'c/socialIdentityModel';
import { IDENTITY_LOOKUP_QUERY } from './identityLookupQuery';

export default class SocialIdentityLink extends LightningElement {
    @api recordId;
    @api objectApiName;
    /** [{ label, value (network key), profileUrlTemplate }] of enabled channels. */
    @api channels = [];

    network = '';
    handle = '';
    lookup; // { network, handle } once the rep asked to find it
    lookupResult; // { state: 'found' | 'here' | 'elsewhere' | 'missing', identity }
    lookupErrors;
    isSaving = false;

    labels = { legend: LEGEND, network: NETWORK, handle: HANDLE, handleHelp: HANDLE_HELP, find: FIND, cancel: CANCEL };

    get networkOptions() {
        return this.channels || [];
    }

    get lookupQuery() {
        return this.lookup ? IDENTITY_LOOKUP_QUERY : undefined;
    }

    get lookupVariables() {
        return this.lookup ? { network: this.lookup.network, handle: this.lookup.handle } : undefined;
    }

    @wire(graphql, { query: '$lookupQuery', variables: '$lookupVariables' })
    wiredLookup({ data, errors }) {
        if (!this.lookup) {
            return;
        }
        if (errors && errors.length) {
            this.lookupErrors = errors;
            return;
        }
        const connection = data?.uiapi?.query?.Social_Identity__c;
        if (!connection) {
            return;
        }
        this.lookupErrors = undefined;
        const field = personField(this.objectApiName);
        const matches = (connection.edges || []).map(({ node }) => ({
            id: node.Id,
            linkedTo: node[field]?.value || null,
            linkedElsewhere:
                Boolean(node.Contact__c?.value && node.Contact__c.value !== this.recordId) ||
                Boolean(node.Lead__c?.value && node.Lead__c.value !== this.recordId),
            status: node.Link_Status__c?.value || 'Unlinked'
        }));
        const here = matches.find((match) => match.linkedTo === this.recordId && match.status === 'Linked');
        const elsewhere = matches.find((match) => match.linkedElsewhere && match.status === 'Linked');
        const free = matches.find((match) => !match.linkedElsewhere && match.status !== 'Linked');
        if (here) {
            this.lookupResult = { state: 'here', identity: here };
        } else if (elsewhere) {
            this.lookupResult = { state: 'elsewhere', identity: elsewhere };
        } else if (free) {
            this.lookupResult = { state: 'found', identity: free };
        } else {
            this.lookupResult = { state: 'missing', identity: null };
        }
    }

    get displayHandle() {
        return `@${this.lookup ? this.lookup.handle : normaliseHandle(this.handle)}`;
    }

    get networkName() {
        const option = this.networkOptions.find(
            (channel) => channel.value === (this.lookup ? this.lookup.network : this.network)
        );
        return option ? option.label : '';
    }

    get isSearching() {
        return Boolean(this.lookup) && !this.lookupResult && !this.lookupErrors;
    }

    // Sentences that quote the handle are in parts (c/labelFormat.formatLabelParts): a pasted
    // handle with bidi controls stays isolated from the words and the network after it.
    get searchingParts() {
        return formatLabelParts(SEARCHING, this.displayHandle);
    }

    get resultParts() {
        if (!this.lookupResult) {
            return null;
        }
        switch (this.lookupResult.state) {
            case 'here':
                return formatLabelParts(ALREADY_HERE, this.displayHandle);
            case 'elsewhere':
                return formatLabelParts(ELSEWHERE, this.displayHandle);
            case 'found':
                return formatLabelParts(FOUND, this.displayHandle, this.networkName);
            default:
                return formatLabelParts(NOT_FOUND, this.displayHandle, this.networkName);
        }
    }

    get actionLabel() {
        if (!this.lookupResult) {
            return '';
        }
        if (this.lookupResult.state === 'found') {
            return formatLabel(LINK_IT, isolated(this.displayHandle));
        }
        return this.lookupResult.state === 'missing' ? formatLabel(CREATE_AND_LINK, isolated(this.displayHandle)) : '';
    }

    get lookupErrorParts() {
        if (!this.lookupErrors) {
            return null;
        }
        const details = { key: 'details', text: ` ${reduceErrors(this.lookupErrors).join(' ')}`, dir: null };
        return [...formatLabelParts(LOOKUP_ERROR, this.displayHandle), details];
    }

    handleNetworkChange(event) {
        this.network = event.detail.value;
        this.resetLookup();
    }

    handleHandleChange(event) {
        this.handle = event.detail.value || '';
        this.resetLookup();
    }

    resetLookup() {
        this.lookup = undefined;
        this.lookupResult = undefined;
        this.lookupErrors = undefined;
    }

    handleFind(event) {
        event.preventDefault();
        const networkInput = this.template.querySelector('lightning-combobox.network');
        const handleInput = this.template.querySelector('lightning-input.handle');
        const handle = normaliseHandle(this.handle);
        networkInput.setCustomValidity(this.network ? '' : NETWORK_REQUIRED);
        handleInput.setCustomValidity(handle ? '' : HANDLE_REQUIRED);
        networkInput.reportValidity();
        handleInput.reportValidity();
        if (!this.network || !handle) {
            return;
        }
        this.resetLookup();
        this.lookup = { network: this.network, handle };
    }

    async handleLink() {
        const { state, identity } = this.lookupResult;
        const now = Date.now();
        this.isSaving = true;
        try {
            if (state === 'found') {
                await updateRecord(linkExistingInput(identity.id, this.objectApiName, this.recordId, USER_ID, now));
            } else {
                const channel = this.networkOptions.find((option) => option.value === this.lookup.network);
                await createRecord(
                    createIdentityInput({
                        network: this.lookup.network,
                        handle: this.lookup.handle,
                        profileUrlTemplate: channel ? channel.profileUrlTemplate : null,
                        objectApiName: this.objectApiName,
                        recordId: this.recordId,
                        userId: USER_ID,
                        now
                    })
                );
            }
            this.dispatchEvent(
                new ShowToastEvent({
                    title: formatLabel(LINKED_TOAST, isolated(this.displayHandle)),
                    variant: 'success'
                })
            );
            this.dispatchEvent(new CustomEvent('linked'));
        } catch (error) {
            this.dispatchEvent(
                new ShowToastEvent({
                    title: formatLabel(SAVE_ERROR, isolated(this.displayHandle), reduceErrors(error).join(' ')),
                    variant: 'error',
                    mode: 'sticky'
                })
            );
        } finally {
            this.isSaving = false;
        }
    }

    handleCancel() {
        this.dispatchEvent(new CustomEvent('close'));
    }
}
