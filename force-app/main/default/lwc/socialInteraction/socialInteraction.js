// One message in a thread: channel, direction, public/private, author, time (relative, exact on
// hover), status, SLA, a reply's delivery receipt (or, on an inbound, that a reply is queued) and
// the body as inert text with http(s) links only.
import { LightningElement, api } from 'lwc';
import POSTED_AT from '@salesforce/label/c.Social_Interaction_PostedAt';
import { formatLabel } from 'c/labelFormat';

export default class SocialInteraction extends LightningElement {
    /** An interaction view from c/socialTimelineView.interactionView. */
    @api interaction;
    @api compact = false;

    get timeTitle() {
        return formatLabel(POSTED_AT, this.interaction.exactTime);
    }

    get bodyClass() {
        return `body slds-m-top_xx-small${this.compact ? ' body_compact' : ''}`;
    }

    get showDetails() {
        return !this.compact;
    }
}
