// The "no access" state of the Social Bridge components: asks lightning/uiObjectInfoApi whether the
// signed-in user can read the object a component shows (Social_Interaction__c, Social_Identity__c)
// and, when not (no Social Bridge permission set), shows a clear message instead of the error the
// platform gives the component's queries, and tells the component (`accesschange`, detail
// `{ hasAccess }`) so it hides its own content. The UI API answers object info for an object the
// user cannot access with an error (it does not know the object for them) or queryable false.
// Until the answer arrives, and on any other failure, nothing changes: a component never waits on
// this check and still reports its own errors.
import { LightningElement, api, wire } from 'lwc';
import { getObjectInfo } from 'lightning/uiObjectInfoApi';
import TITLE from '@salesforce/label/c.SB_NoAccess_Title';
import MESSAGE from '@salesforce/label/c.SB_NoAccess_Message';

/** Statuses with which the UI API answers object info for an object the user cannot access. */
const NO_ACCESS_STATUSES = [403, 404];

export default class SocialAccessGate extends LightningElement {
    /** The object the component reads, e.g. Social_Interaction__c. */
    @api objectApiName = 'Social_Interaction__c';

    noAccess = false;
    labels = { title: TITLE, message: MESSAGE };

    @wire(getObjectInfo, { objectApiName: '$objectApiName' })
    wiredObjectInfo({ data, error }) {
        let noAccess = this.noAccess;
        if (data) {
            noAccess = data.queryable === false;
        } else if (error) {
            noAccess = NO_ACCESS_STATUSES.includes(error.status);
        }
        if (noAccess !== this.noAccess) {
            this.noAccess = noAccess;
            this.dispatchEvent(new CustomEvent('accesschange', { detail: { hasAccess: !noAccess } }));
        }
    }
}
