// The reply panel under an inbound interaction: counts length the way the channel does, offers a
// private message where the channel has them, and refuses to post personal data publicly. Saving
// writes the outbound reply, queued for `sf social replies deliver`; the inbound stays as it is
// until the reply is delivered (the timeline shows "reply queued" meanwhile). Started from a
// failed reply ("reply privately instead"), it answers the same message privately and then closes
// the failed reply.
import { LightningElement, api } from 'lwc';
import { createRecord, updateRecord } from 'lightning/uiRecordApi';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import { RefreshEvent } from 'lightning/refresh';
import REPLY_LABEL from '@salesforce/label/c.SB_Action_ReplyLabel';
import VISIBILITY_LABEL from '@salesforce/label/c.SB_Action_ReplyVisibility';
import PUBLIC_LABEL from '@salesforce/label/c.SB_Action_ReplyPublic';
import PRIVATE_LABEL from '@salesforce/label/c.SB_Action_ReplyPrivate';
import SEND from '@salesforce/label/c.SB_Action_Send';
import SAVING from '@salesforce/label/c.SB_Action_Saving';
import CANCEL from '@salesforce/label/c.SB_Action_Cancel';
import SEND_PRIVATE_INSTEAD from '@salesforce/label/c.SB_Action_SendPrivateInstead';
import COUNTER_LIMIT from '@salesforce/label/c.SB_Action_CounterLimit';
import COUNTER_OVER from '@salesforce/label/c.SB_Action_CounterOver';
import COUNTER_PLAIN from '@salesforce/label/c.SB_Action_CounterPlain';
import PERSONAL_DATA_TITLE from '@salesforce/label/c.SB_Action_PersonalDataTitle';
import PERSONAL_DATA_NO_PRIVATE from '@salesforce/label/c.SB_Action_PersonalDataNoPrivate';
import PERSONAL_DATA_ITEM from '@salesforce/label/c.SB_Action_PersonalDataItem';
import DATA_CARD from '@salesforce/label/c.SB_Action_DataCard';
import DATA_IBAN from '@salesforce/label/c.SB_Action_DataIban';
import DATA_BANK_ACCOUNT from '@salesforce/label/c.SB_Action_DataBankAccount';
import DATA_US_SSN from '@salesforce/label/c.SB_Action_DataUsSsn';
import DATA_UK_NINO from '@salesforce/label/c.SB_Action_DataUkNino';
import DATA_EMAIL from '@salesforce/label/c.SB_Action_DataEmail';
import DATA_PHONE from '@salesforce/label/c.SB_Action_DataPhone';
import REPLY_SENT from '@salesforce/label/c.SB_Action_ReplySent';
import ALREADY_QUEUED from '@salesforce/label/c.Social_Delivery_AlreadyQueued';
import REPLACED_REASON from '@salesforce/label/c.Social_Delivery_ReplacedReason';
import REPLACE_PARTIAL from '@salesforce/label/c.Social_Delivery_ReplacePartial';
import REPLACE_PARTIAL_TITLE from '@salesforce/label/c.Social_Delivery_ReplacePartialTitle';
import SAVE_ERROR from '@salesforce/label/c.SB_Action_SaveError';
import { formatLabel } from 'c/labelFormat';
import { reduceErrors } from 'c/errorMessages';
import { versionCondition } from 'c/socialInteractionModel';
import { PERSONAL_DATA_KIND, findPersonalData, maskedText } from 'c/socialPersonalDataGuard';
import { replyLength } from './replyLength';
import { replacedReplyInput } from 'c/socialDelivery';
import { VISIBILITY, newUuid, outboundReplyInput } from './replyRecord';

const KIND_LABELS = {
    [PERSONAL_DATA_KIND.CARD]: DATA_CARD,
    [PERSONAL_DATA_KIND.IBAN]: DATA_IBAN,
    [PERSONAL_DATA_KIND.BANK_ACCOUNT]: DATA_BANK_ACCOUNT,
    [PERSONAL_DATA_KIND.US_SSN]: DATA_US_SSN,
    [PERSONAL_DATA_KIND.UK_NINO]: DATA_UK_NINO,
    [PERSONAL_DATA_KIND.EMAIL]: DATA_EMAIL,
    [PERSONAL_DATA_KIND.PHONE]: DATA_PHONE
};
const BODY_FIELD = 'Body__c';

/** Messages the UI API attached to one field of a failed save (shown next to that field). */
function messagesForField(error, field) {
    const fieldErrors = error?.body?.output?.fieldErrors?.[field] || [];
    return fieldErrors.map((entry) => entry && entry.message).filter(Boolean);
}

export default class SocialReplyComposer extends LightningElement {
    /** The inbound interaction answered (plain, from c/socialInteractionModel.toInteraction). */
    @api record;
    /** Its channel (plain, from c/socialInteractionModel.toChannel), or null if none is configured. */
    @api channel;
    /**
     * A failed public reply this one replaces (plain interaction), or null: the composer then
     * starts private with that reply's text, and closes it once the private reply is queued.
     */
    @api replaces;
    /** True when a reply to the same message is already on its way: the rep is told before sending another. */
    @api replyPending = false;

    body = '';
    chosenVisibility;
    saving = false;
    bodyError = '';
    errorText = '';
    partialText = '';

    labels = {
        replyLabel: REPLY_LABEL,
        visibility: VISIBILITY_LABEL,
        public: PUBLIC_LABEL,
        private: PRIVATE_LABEL,
        cancel: CANCEL,
        sendPrivateInstead: SEND_PRIVATE_INSTEAD,
        personalDataTitle: PERSONAL_DATA_TITLE,
        partialTitle: REPLACE_PARTIAL_TITLE,
        alreadyQueued: ALREADY_QUEUED
    };

    prefilled = false;

    connectedCallback() {
        if (this.replaces) {
            this.body = this.replaces.body || '';
            this.chosenVisibility = VISIBILITY.PRIVATE;
        }
    }

    renderedCallback() {
        // A textarea's text is its live value: put the replaced reply's text there once.
        if (!this.prefilled && this.refs && this.refs.body) {
            this.refs.body.value = this.body;
            this.prefilled = true;
        }
    }

    // ---- view -------------------------------------------------------------------------------

    get visibility() {
        if (this.chosenVisibility) {
            return this.chosenVisibility;
        }
        // A direct message is answered in private; anything public is answered where it was said.
        return this.record?.visibility === VISIBILITY.PRIVATE ? VISIBILITY.PRIVATE : VISIBILITY.PUBLIC;
    }

    get isPublic() {
        return this.visibility === VISIBILITY.PUBLIC;
    }

    get isPrivate() {
        return this.visibility === VISIBILITY.PRIVATE;
    }

    get canSendPrivately() {
        return this.channel?.supportsPrivate === true;
    }

    get canChooseVisibility() {
        return this.canSendPrivately;
    }

    get radioGroupName() {
        return `reply-visibility-${this.record?.id || this.replaces?.id || ''}`;
    }

    get channelName() {
        return this.channel?.name || this.record?.network || '';
    }

    get typedLength() {
        return replyLength(this.body, this.channel?.lengthCounting);
    }

    get limit() {
        const limit = Number(this.channel?.replyLimit);
        return this.isPublic && Number.isFinite(limit) && limit > 0 ? limit : null;
    }

    get isOverLimit() {
        return this.limit !== null && this.typedLength > this.limit;
    }

    get counterText() {
        if (this.limit === null) {
            return formatLabel(COUNTER_PLAIN, this.typedLength);
        }
        return this.isOverLimit
            ? formatLabel(COUNTER_OVER, this.typedLength, this.limit, this.typedLength - this.limit, this.channelName)
            : formatLabel(COUNTER_LIMIT, this.typedLength, this.limit);
    }

    get counterClass() {
        return `reply-counter slds-text-body_small slds-m-top_xx-small${this.isOverLimit ? ' counter_over' : ''}`;
    }

    get bodyFieldClass() {
        return `slds-form-element${this.bodyError ? ' slds-has-error' : ''}`;
    }

    get findings() {
        return findPersonalData(this.body);
    }

    get showGuard() {
        return this.isPublic && this.findings.length > 0;
    }

    get findingItems() {
        return this.findings.map((finding, index) => ({
            key: `${finding.kind}-${index}`,
            text: formatLabel(PERSONAL_DATA_ITEM, KIND_LABELS[finding.kind], maskedText(finding))
        }));
    }

    get noPrivateText() {
        return formatLabel(PERSONAL_DATA_NO_PRIVATE, this.channelName);
    }

    get sendLabel() {
        return this.saving ? SAVING : SEND;
    }

    get sendDisabled() {
        return this.saving || !this.body.trim() || this.showGuard || this.isOverLimit;
    }

    clearBody() {
        this.body = '';
        // A textarea's text is its live value, not an attribute: clear it where it lives.
        if (this.refs && this.refs.body) {
            this.refs.body.value = '';
        }
    }

    // ---- actions ----------------------------------------------------------------------------

    handleBodyInput(event) {
        this.body = event.target.value;
        this.bodyError = '';
        this.partialText = '';
    }

    handleVisibilityChange(event) {
        if (event.target.checked) {
            this.chosenVisibility = event.target.value;
        }
    }

    handleCancel() {
        this.dispatchEvent(new CustomEvent('cancel'));
    }

    handleSend() {
        return this.send(this.visibility);
    }

    handleSendPrivately() {
        this.chosenVisibility = VISIBILITY.PRIVATE;
        return this.send(VISIBILITY.PRIVATE);
    }

    async send(visibility) {
        const body = this.body.trim();
        const blockedPublicly = visibility === VISIBILITY.PUBLIC && (this.findings.length > 0 || this.isOverLimit);
        if (this.saving || !body || blockedPublicly) {
            return;
        }
        this.saving = true;
        this.bodyError = '';
        this.errorText = '';
        this.partialText = '';
        const input = outboundReplyInput(this.record, { body, visibility, now: new Date(), uuid: newUuid() });
        try {
            await createRecord(input);
        } catch (error) {
            // Nothing was saved: say why, next to the text when the error is about the text.
            this.bodyError = messagesForField(error, BODY_FIELD).join(' ');
            const others = reduceErrors(error).filter((message) => !message.startsWith(`${BODY_FIELD}: `));
            this.errorText = others.length ? formatLabel(SAVE_ERROR, others.join(' ')) : '';
            this.saving = false;
            return;
        }
        this.clearBody();
        if (this.replaces) {
            try {
                // Conditional on the failed reply as the rep saw it: one another rep retried meanwhile stays open.
                await updateRecord(replacedReplyInput(this.replaces, REPLACED_REASON), versionCondition(this.replaces));
            } catch (error) {
                // The private reply is queued; only the failed one is still open: say what is left.
                this.partialText = formatLabel(REPLACE_PARTIAL, reduceErrors(error).join(' '));
                this.dispatchEvent(
                    new ShowToastEvent({ title: REPLACE_PARTIAL_TITLE, message: this.partialText, variant: 'warning' })
                );
                this.dispatchEvent(new RefreshEvent());
                this.saving = false;
                return;
            }
        }
        this.saving = false;
        this.dispatchEvent(
            new ShowToastEvent({ title: formatLabel(REPLY_SENT, this.channelName), variant: 'success' })
        );
        this.dispatchEvent(new RefreshEvent());
        this.dispatchEvent(new CustomEvent('sent'));
    }
}
