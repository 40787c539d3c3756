// lightning/platformShowToastEvent for the preview: the same bubbling event the platform listens
// for; the preview shell shows the toast.
export class ShowToastEvent extends CustomEvent {
    constructor(toast) {
        super('lightning__showtoast', { bubbles: true, composed: true, cancelable: true, detail: toast });
    }
}
