import { createElement } from '@lwc/engine-dom';
import ErrorPanel from 'c/errorPanel';
import flushPromises from '../../../../../test/flushPromises';

function createPanel(props) {
    const element = createElement('c-error-panel', { is: ErrorPanel });
    Object.assign(element, props);
    document.body.appendChild(element);
    return element;
}
const $ = (element, selector) => element.shadowRoot.querySelector(selector);

describe('c-error-panel', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
    });

    it('says what happened and what to do, with details on request', async () => {
        const element = createPanel({
            errors: [{ message: 'Field Network__c is not accessible' }],
            friendlyMessage: "Social interactions couldn't be loaded.",
            actionHint: 'Ask your admin for the Social Bridge Rep permission set.'
        });
        await flushPromises();
        expect($(element, '[role="alert"]')).not.toBeNull();
        expect($(element, '.friendly-message').textContent).toBe("Social interactions couldn't be loaded.");
        expect($(element, '.action-hint').textContent).toBe('Ask your admin for the Social Bridge Rep permission set.');
        const toggle = $(element, '.details-toggle');
        expect(toggle.getAttribute('aria-expanded')).toBe('false');
        expect($(element, '.details')).toBeNull();
        toggle.click();
        await flushPromises();
        expect(toggle.getAttribute('aria-expanded')).toBe('true');
        expect(toggle.textContent.trim()).toBe('Hide details');
        expect($(element, '.detail').textContent).toBe('Field Network__c is not accessible');
        await expect(element).toBeAccessible();
    });

    it('offers a retry when asked to', async () => {
        const element = createPanel({ errors: 'Timed out', friendlyMessage: 'Could not load.', retryable: true });
        const retry = jest.fn();
        element.addEventListener('retry', retry);
        await flushPromises();
        $(element, 'lightning-button.retry').click();
        expect(retry).toHaveBeenCalledTimes(1);
        expect($(element, 'lightning-button.retry').label).toBe('Try again');
        await expect(element).toBeAccessible();
    });

    it('has no details toggle when there is nothing to show', async () => {
        const element = createPanel({ errors: [], friendlyMessage: 'Could not load.' });
        await flushPromises();
        expect($(element, '.details-toggle')).toBeNull();
        await expect(element).toBeAccessible();
    });
});
