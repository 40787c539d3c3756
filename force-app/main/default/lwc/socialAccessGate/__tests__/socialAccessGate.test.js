import { createElement } from '@lwc/engine-dom';
import SocialAccessGate from 'c/socialAccessGate';
import { getObjectInfo } from 'lightning/uiObjectInfoApi';
import flushPromises from '../../../../../test/flushPromises';

function createGate() {
    const element = createElement('c-social-access-gate', { is: SocialAccessGate });
    element.objectApiName = 'Social_Interaction__c';
    const changes = [];
    element.addEventListener('accesschange', (event) => changes.push(event.detail));
    document.body.appendChild(element);
    return { element, changes };
}

describe('c-social-access-gate', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
    });

    it('asks object info for the object it guards, and shows nothing while the user has access', async () => {
        const { element, changes } = createGate();
        await flushPromises();
        expect(getObjectInfo.getLastConfig()).toEqual({ objectApiName: 'Social_Interaction__c' });
        getObjectInfo.emit({ apiName: 'Social_Interaction__c', queryable: true, fields: {} });
        await flushPromises();
        expect(element.shadowRoot.querySelector('.no-access')).toBeNull();
        expect(changes).toEqual([]);
    });

    it('shows the no-access state and tells its component when the UI API does not know the object for the user', async () => {
        const { element, changes } = createGate();
        await flushPromises();
        // What the UI API answers object info for an object the user cannot access (local org: 404 NOT_FOUND).
        getObjectInfo.error([{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }], 404);
        await flushPromises();
        expect(element.shadowRoot.querySelector('.no-access-title').textContent).toBe(
            'No access to social conversations'
        );
        expect(element.shadowRoot.querySelector('.no-access-message').textContent).toMatch(
            /Social Bridge Rep permission set/
        );
        expect(changes).toEqual([{ hasAccess: false }]);
        await expect(element).toBeAccessible();
    });

    it('treats other failures as not knowing: the component reports its own errors', async () => {
        const { element, changes } = createGate();
        await flushPromises();
        getObjectInfo.error([{ errorCode: 'SERVER_UNAVAILABLE', message: 'try later' }], 503);
        await flushPromises();
        expect(element.shadowRoot.querySelector('.no-access')).toBeNull();
        expect(changes).toEqual([]);
    });
});
