// The preview's record page: a record switcher, a Lightning-like record header, and the Social
// Bridge components placed as an admin would place them (timeline in the main column, catch-me-up
// and identities in the sidebar). The page follows the URL hash: #/record/<id>.
import { LightningElement, wire } from 'lwc';
import { graphql } from 'lightning/graphql';
import { refreshAll } from 'lightning/refresh';
import { RECORDS_QUERY } from './recordsQuery';

const OBJECT_BY_PREFIX = { '003': 'Contact', '00Q': 'Lead', '001': 'Account', 500: 'Case' };
const ICON_BY_OBJECT = {
    Contact: 'standard:contact',
    Lead: 'standard:lead',
    Account: 'standard:account',
    Case: 'standard:case'
};

// socialIdentities.js-meta.xml targets these record pages only; elsewhere it could only show an error.
const IDENTITY_PAGES = ['Contact', 'Lead'];

function recordIdFromHash() {
    const match = window.location.hash.match(/^#\/record\/([a-zA-Z0-9]{15,18})$/);
    return match ? match[1] : undefined;
}

/** The first element matching selector in root or in any component's shadow tree below it. */
function findInShadowTrees(root, selector) {
    const found = root.querySelector(selector);
    if (found) {
        return found;
    }
    for (const element of root.querySelectorAll('*')) {
        const inside = element.shadowRoot && findInShadowTrees(element.shadowRoot, selector);
        if (inside) {
            return inside;
        }
    }
    return null;
}

const PREVIEW = window.__PREVIEW__ ?? {};

export default class App extends LightningElement {
    recordId = recordIdFromHash();
    // Who the page is signed in as (the preview server's `preview-user` cookie): switch to see what
    // a rep with only Social_Bridge_Rep, or a user without Social Bridge access, sees.
    userKey = PREVIEW.userKey;
    users = (PREVIEW.users ?? []).map((user) => ({ value: user.key, label: `${user.key}: ${user.username}` }));
    records = [];
    loadError;
    toasts = [];
    toastCounter = 0;
    // As an admin would set the design property on a service page: reps see private messages too.
    showPrivate = true;

    connectedCallback() {
        this.onHashChange = () => {
            this.recordId = recordIdFromHash();
        };
        this.onNavigate = (event) => {
            const attributes = event.detail?.attributes ?? {};
            const recordId = attributes.recordId;
            if (recordId && OBJECT_BY_PREFIX[recordId.slice(0, 3)]) {
                window.location.hash = `#/record/${recordId}`;
            } else if (recordId && attributes.objectApiName === 'Social_Interaction__c') {
                this.revealInteraction(recordId);
            } else {
                // Words, not the page reference's JSON: what Salesforce would open.
                const target = [attributes.objectApiName, attributes.actionName, recordId].filter(Boolean).join(' ');
                this.showToast({
                    title: 'Not in the preview',
                    message: `In Salesforce this opens ${target || 'another page'}.`,
                    variant: 'info'
                });
            }
        };
        window.addEventListener('hashchange', this.onHashChange);
        window.addEventListener('preview:navigate', this.onNavigate);
        this.template.addEventListener('lightning__showtoast', (event) => this.showToast(event.detail));
        this.template.addEventListener('lightning__refreshevent', () => refreshAll());
    }

    disconnectedCallback() {
        window.removeEventListener('hashchange', this.onHashChange);
        window.removeEventListener('preview:navigate', this.onNavigate);
    }

    @wire(graphql, { query: RECORDS_QUERY })
    wiredRecords({ data, errors }) {
        if (errors?.length) {
            this.loadError = errors.map((error) => error.message).join('; ');
            return;
        }
        if (!data) {
            return;
        }
        const query = data.uiapi.query;
        const options = (objectName, edges, label) =>
            edges.map(({ node }) => ({ value: node.Id, label: `${objectName}: ${label(node)}`, name: label(node) }));
        this.records = [
            ...options('Contact', query.Contact.edges, (node) => node.Name.value),
            ...options('Lead', query.Lead.edges, (node) => node.Name.value),
            ...options('Account', query.Account.edges, (node) => node.Name.value),
            ...options('Case', query.Case.edges, (node) => `${node.CaseNumber.value} ${node.Subject.value ?? ''}`)
        ];
        if (!this.recordId && this.records.length) {
            window.location.hash = `#/record/${this.records[0].value}`;
        }
    }

    get objectApiName() {
        return this.recordId ? OBJECT_BY_PREFIX[this.recordId.slice(0, 3)] : undefined;
    }

    get iconName() {
        return ICON_BY_OBJECT[this.objectApiName] ?? 'standard:record';
    }

    get recordLabel() {
        return this.records.find((record) => record.value === this.recordId)?.name ?? this.recordId;
    }

    /** Only where an admin can place the identities panel (its targets: Contact and Lead pages). */
    get showsIdentities() {
        return IDENTITY_PAGES.includes(this.objectApiName);
    }

    get hasRecord() {
        return Boolean(this.objectApiName);
    }

    /**
     * The preview has no interaction record page: "Open the interaction" brings its row on the
     * timeline into view (socialThread marks each row with data-interaction-id), or says that it is
     * not loaded on this page.
     */
    revealInteraction(interactionId) {
        const row = findInShadowTrees(this.template, `[data-interaction-id="${interactionId}"]`);
        if (row) {
            row.scrollIntoView({ block: 'center' });
            return;
        }
        this.showToast({
            title: 'Not on this page yet',
            message: 'That interaction is older than what the timeline has loaded: use Load more to reach it.',
            variant: 'info'
        });
    }

    get canSwitchUser() {
        return this.users.length > 1;
    }

    handleUserChange(event) {
        // The cookie picks the token the preview server forwards with; a reload signs the page in anew.
        document.cookie = `${PREVIEW.userCookie}=${encodeURIComponent(event.detail.value)}; path=/; SameSite=Strict`;
        window.location.reload();
    }

    handleRecordChange(event) {
        window.location.hash = `#/record/${event.detail.value}`;
    }

    showToast({ title, message, variant }) {
        this.toastCounter += 1;
        const toast = {
            id: this.toastCounter,
            title,
            message,
            className: `slds-notify slds-notify_toast slds-theme_${variant === 'error' ? 'error' : variant === 'success' ? 'success' : 'info'}`
        };
        this.toasts = [...this.toasts, toast];
        // eslint-disable-next-line @lwc/lwc/no-async-operation
        setTimeout(() => {
            this.toasts = this.toasts.filter((shown) => shown.id !== toast.id);
        }, 6000);
    }
}
