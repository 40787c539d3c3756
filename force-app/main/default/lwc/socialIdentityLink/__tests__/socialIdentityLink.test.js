import { createElement } from '@lwc/engine-dom';
import SocialIdentityLink from 'c/socialIdentityLink';
import { graphql } from 'lightning/graphql';
import { createRecord, updateRecord } from 'lightning/uiRecordApi';
import flushPromises from '../../../../../test/flushPromises';

const lookupFree = require('./data/lookupFree.json');
const lookupElsewhere = require('./data/lookupElsewhere.json');
const lookupMissing = require('./data/lookupMissing.json');

const CONTACT_ID = '003HU000001AnaRAA';
const USER_ID = '005000000000000000';
const NOW = Date.parse('2026-03-04T12:00:00.000Z');
const CHANNELS = [
    { label: 'X', value: 'x', profileUrlTemplate: 'https://x.com/{handle}' },
    { label: 'Facebook', value: 'facebook', profileUrlTemplate: null }
];

const $ = (element, selector) => element.shadowRoot.querySelector(selector);

async function formWith(network, handle, props = {}) {
    const element = createElement('c-social-identity-link', { is: SocialIdentityLink });
    Object.assign(element, { recordId: CONTACT_ID, objectApiName: 'Contact', channels: CHANNELS, ...props });
    document.body.appendChild(element);
    const events = { toasts: [], linked: 0 };
    element.addEventListener('lightning__showtoast', (event) => events.toasts.push(event.detail));
    element.addEventListener('linked', () => events.linked++);
    await flushPromises();
    $(element, 'lightning-combobox.network').dispatchEvent(new CustomEvent('change', { detail: { value: network } }));
    $(element, 'lightning-input.handle').dispatchEvent(new CustomEvent('change', { detail: { value: handle } }));
    await flushPromises();
    $(element, 'lightning-button.find').click();
    await flushPromises();
    return { element, events };
}

describe('c-social-identity-link', () => {
    beforeEach(() => {
        jest.spyOn(Date, 'now').mockReturnValue(NOW);
    });

    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
        jest.restoreAllMocks();
    });

    it('looks the handle up by network, without the @, as variables', async () => {
        const { element } = await formWith('x', ' @ana_shop ');
        expect(graphql.getLastConfig().variables).toEqual({ network: 'x', handle: 'ana_shop' });
        expect($(element, '.searching').textContent).toBe('Looking for @ana_shop…');
    });

    it('does not look anything up without a network and a handle', async () => {
        const { element } = await formWith('', '');
        expect(graphql.getLastConfig().variables).toBeUndefined();
        expect($(element, '.searching')).toBeNull();
    });

    it('links a known, unclaimed identity instead of creating a duplicate', async () => {
        const { element, events } = await formWith('x', 'ana_shop');
        graphql.emit(lookupFree);
        await flushPromises();
        expect($(element, '.result-text').textContent).toBe("@ana_shop is known on X and isn't linked to anyone.");
        $(element, 'lightning-button.link').click();
        await flushPromises();
        expect(createRecord).not.toHaveBeenCalled();
        expect(updateRecord).toHaveBeenCalledWith({
            fields: {
                Id: 'a00HU0000000009AAA',
                Contact__c: CONTACT_ID,
                Link_Status__c: 'Linked',
                Link_Source__c: 'Rep',
                // The rule that once matched it does not explain a rep's re-link (issue 19).
                Matched_By_Rule__c: null,
                Linked_By__c: USER_ID,
                Linked_At__c: '2026-03-04T12:00:00.000Z',
                Link_Note__c: null
            }
        });
        expect(events.toasts[0]).toEqual({ title: '\u2068@ana_shop\u2069 is now linked.', variant: 'success' });
        expect(events.linked).toBe(1);
    });

    it('never moves an identity linked to someone else', async () => {
        const { element } = await formWith('x', 'ana_shop');
        graphql.emit(lookupElsewhere);
        await flushPromises();
        expect($(element, '.result-text').textContent).toContain('already linked to another record');
        expect($(element, 'lightning-button.link')).toBeNull();
    });

    it('creates and links an unknown handle on a lead', async () => {
        const { element, events } = await formWith('x', 'new_fan', {
            objectApiName: 'Lead',
            recordId: '00QHU000000LeadAAA'
        });
        graphql.emit(lookupMissing);
        await flushPromises();
        expect($(element, '.result-text').textContent).toBe('No identity for @new_fan on X yet.');
        $(element, 'lightning-button.link').click();
        await flushPromises();
        expect(createRecord).toHaveBeenCalledWith({
            apiName: 'Social_Identity__c',
            fields: {
                Name: '@new_fan (x)',
                External_Id__c: 'x:@new_fan',
                Network__c: 'x',
                Network_User_Id__c: '@new_fan',
                Handle__c: 'new_fan',
                Profile_URL__c: 'https://x.com/new_fan',
                Lead__c: '00QHU000000LeadAAA',
                Link_Status__c: 'Linked',
                Link_Source__c: 'Rep',
                Linked_By__c: USER_ID,
                Linked_At__c: '2026-03-04T12:00:00.000Z'
            }
        });
        expect(events.linked).toBe(1);
    });

    it('reports a failed write with the platform message', async () => {
        createRecord.mockRejectedValueOnce({ body: [{ message: 'duplicate value found: External_Id__c' }] });
        const { element, events } = await formWith('facebook', 'new_fan');
        graphql.emit(lookupMissing);
        await flushPromises();
        $(element, 'lightning-button.link').click();
        await flushPromises();
        expect(events.toasts[0].variant).toBe('error');
        expect(events.toasts[0].title).toContain('duplicate value found: External_Id__c');
        expect(events.linked).toBe(0);
    });

    it('isolates a pasted handle from the words and the network after it', async () => {
        const { element } = await formWith('x', 'evil\u202Etxt.exe');
        const isolates = (selector) =>
            [...element.shadowRoot.querySelectorAll(`${selector} [dir="auto"]`)].map((node) => node.textContent);
        expect(isolates('.searching')).toEqual(['@evil\u202Etxt.exe']);
        graphql.emit(lookupFree);
        await flushPromises();
        expect($(element, '.result-text').textContent).toBe(
            "@evil\u202Etxt.exe is known on X and isn't linked to anyone."
        );
        expect(isolates('.result-text')).toEqual(['@evil\u202Etxt.exe', 'X']);
        graphql.emitErrors([{ message: 'Cannot query field Handle__c' }]);
        await flushPromises();
        expect(isolates('.lookup-error')).toEqual(['@evil\u202Etxt.exe']);
    });

    it('shows lookup errors', async () => {
        const { element } = await formWith('x', 'ana_shop');
        graphql.emitErrors([{ message: 'Cannot query field Handle__c' }]);
        await flushPromises();
        expect($(element, '.lookup-error').textContent).toBe(
            "Couldn't look up @ana_shop. Cannot query field Handle__c"
        );
    });

    it('is accessible before and after a lookup', async () => {
        const { element } = await formWith('x', 'ana_shop');
        await expect(element).toBeAccessible();
        graphql.emit(lookupFree);
        await flushPromises();
        await expect(element).toBeAccessible();
    });
});
