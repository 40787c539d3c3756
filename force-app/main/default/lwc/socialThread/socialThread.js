// One conversation thread: which channels it used (a hop is called out), how many messages,
// whether something waits for a response, and its messages oldest first.
import { LightningElement, api } from 'lwc';
import LAST_ACTIVITY from '@salesforce/label/c.Social_Thread_LastActivity';
import { formatLabel } from 'c/labelFormat';

export default class SocialThread extends LightningElement {
    /** A thread view from c/socialTimelineView.threadView. */
    @api thread;
    @api compact = false;

    get heading() {
        return this.thread.heading;
    }

    get lastActivityText() {
        return formatLabel(LAST_ACTIVITY, this.thread.latestRelative);
    }

    get articleClass() {
        return `thread slds-box slds-box_x-small${this.thread.waitingText ? ' thread_waiting' : ''}`;
    }
}
