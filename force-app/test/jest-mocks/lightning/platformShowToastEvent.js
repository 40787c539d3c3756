// The sfdx-lwc-jest stub lacks the event name export; components dispatch this event and tests
// listen for 'lightning__showtoast' on the component.
export const ShowToastEventName = 'lightning__showtoast';

export class ShowToastEvent extends CustomEvent {
    constructor(toast) {
        super(ShowToastEventName, { composed: true, cancelable: true, bubbles: true, detail: toast });
    }
}
