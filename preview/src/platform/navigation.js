// lightning/navigation for the preview: record-page navigation switches the preview's record;
// anything else is announced to the shell, which shows where the platform would have gone.
const Navigate = Symbol('Navigate');
const GenerateUrl = Symbol('GenerateUrl');

function urlFor(pageReference) {
    const recordId = pageReference?.attributes?.recordId;
    return recordId ? `#/record/${recordId}` : '#';
}

export const NavigationMixin = (Base) =>
    class extends Base {
        [Navigate](pageReference) {
            window.dispatchEvent(new CustomEvent('preview:navigate', { detail: pageReference }));
        }

        [GenerateUrl](pageReference) {
            return Promise.resolve(urlFor(pageReference));
        }
    };
NavigationMixin.Navigate = Navigate;
NavigationMixin.GenerateUrl = GenerateUrl;

export class CurrentPageReference {
    constructor(dataCallback) {
        this.dataCallback = dataCallback;
    }

    connect() {
        this.dataCallback({
            type: 'standard__recordPage',
            attributes: { recordId: window.location.hash.split('/')[2] }
        });
    }

    update() {}

    disconnect() {}
}
