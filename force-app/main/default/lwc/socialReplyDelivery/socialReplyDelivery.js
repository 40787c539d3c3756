// The receipt under one of our replies: queued, sending, sent (with "View on <network>") or not
// delivered, with the receiver's reason, a Retry, and where the channel has private messages a
// private reply instead. Retry puts the reply back in the queue for `sf social replies deliver`;
// the rep acts, the deliverer sends. Writes go through lightning/uiRecordApi only.
import { LightningElement, api } from 'lwc';
import { updateRecord } from 'lightning/uiRecordApi';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import { RefreshEvent } from 'lightning/refresh';
import RETRY from '@salesforce/label/c.Social_Delivery_Retry';
import REPLY_PRIVATELY from '@salesforce/label/c.Social_Delivery_ReplyPrivately';
import REQUEUED from '@salesforce/label/c.Social_Delivery_Requeued';
import DELIVERED_AT from '@salesforce/label/c.Social_Delivery_DeliveredAt';
import SAVING from '@salesforce/label/c.SB_Action_Saving';
import SAVE_ERROR from '@salesforce/label/c.SB_Action_SaveError';
import CONFLICT from '@salesforce/label/c.SB_Action_Conflict';
import { formatLabel } from 'c/labelFormat';
import { isConflict, reduceErrors } from 'c/errorMessages';
import { versionCondition } from 'c/socialInteractionModel';
import { answeredBy, retryInput } from 'c/socialDelivery';

export default class SocialReplyDelivery extends LightningElement {
    /** The delivery view of the reply (c/socialTimelineView.deliveryView). */
    @api delivery;
    /** The reply (plain, from c/socialInteractionModel.toInteraction). */
    @api record;
    /** Its channel (plain, from c/socialInteractionModel.toChannel), or null. */
    @api channel;

    saving = false;
    errorText = '';
    composerOpen = false;

    labels = { replyPrivately: REPLY_PRIVATELY };

    get retryLabel() {
        return this.saving ? SAVING : RETRY;
    }

    get deliveredTitle() {
        return formatLabel(DELIVERED_AT, this.delivery.deliveredExact);
    }

    /** A public reply that failed can go private where the channel has private messages. */
    get canReplyPrivately() {
        return this.channel?.supportsPrivate === true && this.record?.visibility === 'Public';
    }

    get composerExpanded() {
        return this.composerOpen ? 'true' : 'false';
    }

    /** What the private reply answers: the same message the failed reply answered. */
    get answered() {
        return answeredBy(this.record);
    }

    async handleRetry() {
        if (this.saving) {
            return;
        }
        this.saving = true;
        this.errorText = '';
        try {
            // Conditional on the version the rep saw: a reply another rep already retried (and the
            // deliverer may have sent) is never queued a second time.
            await updateRecord(retryInput(this.record), versionCondition(this.record));
        } catch (error) {
            this.saving = false;
            if (isConflict(error)) {
                this.errorText = CONFLICT;
                this.dispatchEvent(new RefreshEvent());
                return;
            }
            this.errorText = formatLabel(SAVE_ERROR, reduceErrors(error).join(' '));
            return;
        }
        this.saving = false;
        const channelName = this.channel?.name || this.record.network || '';
        this.dispatchEvent(new ShowToastEvent({ title: formatLabel(REQUEUED, channelName), variant: 'success' }));
        this.dispatchEvent(new RefreshEvent());
    }

    handleReplyPrivately() {
        this.composerOpen = !this.composerOpen;
    }

    handleComposerDone() {
        this.composerOpen = false;
    }
}
