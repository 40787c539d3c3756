// Shows what went wrong and what to do about it: a friendly sentence, the action to take, and
// the technical messages behind a toggle for the admin a rep forwards them to.
import { LightningElement, api } from 'lwc';
import { reduceErrors } from 'c/errorMessages';
import SHOW_DETAILS from '@salesforce/label/c.Social_Error_ShowDetails';
import HIDE_DETAILS from '@salesforce/label/c.Social_Error_HideDetails';
import RETRY from '@salesforce/label/c.Social_Action_Retry';

export default class ErrorPanel extends LightningElement {
    /** One error or an array, in any shape c/errorMessages understands. */
    @api errors;
    /** What happened, in the rep's words. */
    @api friendlyMessage;
    /** What to do next. */
    @api actionHint;
    /** Show a retry button that fires a "retry" event. */
    @api retryable = false;

    viewDetails = false;
    labels = { retry: RETRY };

    get messages() {
        return reduceErrors(this.errors).map((text, index) => ({ key: `m${index}`, text }));
    }

    get hasMessages() {
        return this.messages.length > 0;
    }

    get detailsToggleLabel() {
        return this.viewDetails ? HIDE_DETAILS : SHOW_DETAILS;
    }

    get detailsExpanded() {
        return this.viewDetails ? 'true' : 'false';
    }

    handleToggleDetails() {
        this.viewDetails = !this.viewDetails;
    }

    handleRetry() {
        this.dispatchEvent(new CustomEvent('retry'));
    }
}
