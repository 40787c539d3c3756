import { createElement } from '@lwc/engine-dom';
import SocialTimelineFilters from 'c/socialTimelineFilters';
import flushPromises from '../../../../../test/flushPromises';

const CHANNELS = [
    { label: 'X', value: 'x' },
    { label: 'Facebook', value: 'facebook' }
];

function createFilters(props = {}) {
    const element = createElement('c-social-timeline-filters', { is: SocialTimelineFilters });
    Object.assign(element, { channelOptions: CHANNELS, showPrivate: true, filter: {}, ...props });
    document.body.appendChild(element);
    const changes = [];
    element.addEventListener('filterchange', (event) => changes.push(event.detail.filter));
    return { element, changes };
}
const $ = (element, selector) => element.shadowRoot.querySelector(selector);
const change = (element, selector, value) =>
    $(element, selector).dispatchEvent(new CustomEvent('change', { detail: { value } }));

describe('c-social-timeline-filters', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
        jest.useRealTimers();
    });

    it('offers every filter with labelled choices', async () => {
        const { element } = createFilters();
        await flushPromises();
        expect($(element, '.channel').options.map((o) => o.label)).toEqual(['All channels', 'X', 'Facebook']);
        expect($(element, '.direction').options.map((o) => o.value)).toEqual(['', 'Inbound', 'Outbound']);
        expect($(element, '.visibility').options.map((o) => o.value)).toEqual(['', 'Public', 'Private']);
        expect($(element, '.status').options.map((o) => o.value)).toEqual([
            '',
            'open',
            'New',
            'Needs_Response',
            'Responded',
            'Closed'
        ]);
        expect($(element, '.from').type).toBe('date');
        expect($(element, '.search').label).toBe('Search');
    });

    it('reports a field change at once, with the whole filter', async () => {
        const { element, changes } = createFilters({ filter: { direction: 'Inbound' } });
        await flushPromises();
        change(element, '.channel', 'x');
        expect(changes).toEqual([
            { channel: 'x', direction: 'Inbound', visibility: '', status: '', from: '', to: '', search: '' }
        ]);
        change(element, '.from', '2026-03-01');
        expect(changes[1].from).toBe('2026-03-01');
    });

    it('waits for the rep to pause typing before searching', async () => {
        jest.useFakeTimers();
        const { element, changes } = createFilters();
        change(element, '.search', 'ord');
        change(element, '.search', 'order');
        jest.advanceTimersByTime(299);
        expect(changes).toHaveLength(0);
        jest.advanceTimersByTime(1);
        expect(changes).toEqual([expect.objectContaining({ search: 'order' })]);
    });

    it('clears every filter', async () => {
        const { element, changes } = createFilters({ filter: { channel: 'x', status: 'open' } });
        await flushPromises();
        $(element, 'lightning-button.clear').click();
        await flushPromises();
        expect(changes.pop()).toEqual({
            channel: '',
            direction: '',
            visibility: '',
            status: '',
            from: '',
            to: '',
            search: ''
        });
        expect($(element, 'lightning-button.clear')).toBeNull();
    });

    it('hides the public/private choice when private messages are off, and stacks in a sidebar', async () => {
        const { element } = createFilters({ showPrivate: false, narrow: true });
        await flushPromises();
        expect($(element, '.visibility')).toBeNull();
        expect($(element, '.channel').parentElement.className).toBe('slds-col slds-size_1-of-1');
    });

    it('is accessible', async () => {
        const { element } = createFilters({ filter: { channel: 'x' } });
        await flushPromises();
        await expect(element).toBeAccessible();
    });
});
