// The timeline's filter bar: channel, direction, public/private, status, date range and text
// search. It owns no state beyond what the rep is typing: every change goes up as "filterchange".
import { LightningElement, api } from 'lwc';
import LEGEND from '@salesforce/label/c.Social_Filter_Legend';
import CHANNEL from '@salesforce/label/c.Social_Filter_Channel';
import ALL_CHANNELS from '@salesforce/label/c.Social_Filter_AllChannels';
import DIRECTION from '@salesforce/label/c.Social_Filter_Direction';
import ANY_DIRECTION from '@salesforce/label/c.Social_Filter_AnyDirection';
import INBOUND from '@salesforce/label/c.Social_Filter_Inbound';
import OUTBOUND from '@salesforce/label/c.Social_Filter_Outbound';
import VISIBILITY from '@salesforce/label/c.Social_Filter_Visibility';
import ANY_VISIBILITY from '@salesforce/label/c.Social_Filter_AnyVisibility';
import PUBLIC from '@salesforce/label/c.Social_Filter_Public';
import PRIVATE from '@salesforce/label/c.Social_Filter_Private';
import STATUS from '@salesforce/label/c.Social_Filter_Status';
import ANY_STATUS from '@salesforce/label/c.Social_Filter_AnyStatus';
import OPEN from '@salesforce/label/c.Social_Filter_Open';
import STATUS_NEW from '@salesforce/label/c.Social_Status_New';
import STATUS_NEEDS_RESPONSE from '@salesforce/label/c.Social_Status_NeedsResponse';
import STATUS_RESPONDED from '@salesforce/label/c.Social_Status_Responded';
import STATUS_CLOSED from '@salesforce/label/c.Social_Status_Closed';
import FROM from '@salesforce/label/c.Social_Filter_From';
import TO from '@salesforce/label/c.Social_Filter_To';
import SEARCH from '@salesforce/label/c.Social_Filter_Search';
import SEARCH_PLACEHOLDER from '@salesforce/label/c.Social_Filter_SearchPlaceholder';
import CLEAR from '@salesforce/label/c.Social_Timeline_ClearFilters';
import { EMPTY_FILTER, STATUS_OPEN, isFiltered, normaliseFilter } from 'c/socialTimelineFilter';

// Typing pauses this long before the timeline filters again.
const SEARCH_DELAY_MS = 300;

export default class SocialTimelineFilters extends LightningElement {
    @api channelOptions = [];
    @api showPrivate = false;
    @api narrow = false;

    current = { ...EMPTY_FILTER };
    searchTimer;

    labels = {
        legend: LEGEND,
        channel: CHANNEL,
        direction: DIRECTION,
        visibility: VISIBILITY,
        status: STATUS,
        from: FROM,
        to: TO,
        search: SEARCH,
        searchPlaceholder: SEARCH_PLACEHOLDER,
        clear: CLEAR
    };

    @api
    get filter() {
        return this.current;
    }
    set filter(value) {
        this.current = normaliseFilter(value);
    }

    get channelChoices() {
        return [{ label: ALL_CHANNELS, value: '' }, ...(this.channelOptions || [])];
    }

    get directionChoices() {
        return [
            { label: ANY_DIRECTION, value: '' },
            { label: INBOUND, value: 'Inbound' },
            { label: OUTBOUND, value: 'Outbound' }
        ];
    }

    get visibilityChoices() {
        return [
            { label: ANY_VISIBILITY, value: '' },
            { label: PUBLIC, value: 'Public' },
            { label: PRIVATE, value: 'Private' }
        ];
    }

    get statusChoices() {
        return [
            { label: ANY_STATUS, value: '' },
            { label: OPEN, value: STATUS_OPEN },
            { label: STATUS_NEW, value: 'New' },
            { label: STATUS_NEEDS_RESPONSE, value: 'Needs_Response' },
            { label: STATUS_RESPONDED, value: 'Responded' },
            { label: STATUS_CLOSED, value: 'Closed' }
        ];
    }

    get fieldClass() {
        return this.narrow
            ? 'slds-col slds-size_1-of-1'
            : 'slds-col slds-size_1-of-2 slds-medium-size_1-of-3 slds-large-size_1-of-4';
    }

    get canClear() {
        return isFiltered(this.current);
    }

    handleFieldChange(event) {
        const field = event.target.dataset.field;
        this.current = { ...this.current, [field]: event.detail.value ?? '' };
        this.notify();
    }

    handleSearchChange(event) {
        this.current = { ...this.current, search: event.detail.value ?? '' };
        clearTimeout(this.searchTimer);
        // eslint-disable-next-line @lwc/lwc/no-async-operation
        this.searchTimer = setTimeout(() => this.notify(), SEARCH_DELAY_MS);
    }

    handleClear() {
        this.current = { ...EMPTY_FILTER };
        this.notify();
    }

    disconnectedCallback() {
        clearTimeout(this.searchTimer);
    }

    notify() {
        this.dispatchEvent(new CustomEvent('filterchange', { detail: { filter: { ...this.current } } }));
    }
}
