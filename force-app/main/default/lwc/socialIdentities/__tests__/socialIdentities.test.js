import { createElement } from '@lwc/engine-dom';
import SocialIdentities from 'c/socialIdentities';
import { graphql } from 'lightning/graphql';
import { updateRecord } from 'lightning/uiRecordApi';
import flushPromises from '../../../../../test/flushPromises';

const identities = require('./data/identities.json');
const identitiesEmpty = require('./data/identitiesEmpty.json');

const CONTACT_ID = '003HU000001AnaRAA';
const USER_ID = '005000000000000000';
const NOW = Date.parse('2026-03-04T12:00:00.000Z');

function createPanel(props = {}) {
    const element = createElement('c-social-identities', { is: SocialIdentities });
    Object.assign(element, { recordId: CONTACT_ID, objectApiName: 'Contact', ...props });
    document.body.appendChild(element);
    return element;
}
const $ = (element, selector) => element.shadowRoot.querySelector(selector);
const $$ = (element, selector) => [...element.shadowRoot.querySelectorAll(selector)];

async function loaded(props, data = identities, refresh = jest.fn().mockResolvedValue(undefined)) {
    const element = createPanel(props);
    graphql.emit(data, undefined, refresh);
    await flushPromises();
    const toasts = [];
    const refreshEvents = [];
    element.addEventListener('lightning__showtoast', (event) => toasts.push(event.detail));
    element.addEventListener('lightning__refresh', (event) => refreshEvents.push(event));
    return { element, toasts, refreshEvents, refresh };
}

describe('c-social-identities', () => {
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

    it('reads the identities of this contact and of the leads converted into it, or of this lead', async () => {
        createPanel();
        await flushPromises();
        expect(graphql.getLastConfig().variables).toEqual({
            where: {
                or: [{ Contact__c: { eq: CONTACT_ID } }, { Lead__r: { ConvertedContactId: { eq: CONTACT_ID } } }]
            }
        });
        document.body.removeChild(document.body.firstChild);
        createPanel({ objectApiName: 'Lead', recordId: '00QHU000000LeadAAA' });
        await flushPromises();
        expect(graphql.getLastConfig().variables).toEqual({ where: { Lead__c: { eq: '00QHU000000LeadAAA' } } });
    });

    it('says which converted lead an identity came with, before any deploy moved it', async () => {
        const converted = JSON.parse(JSON.stringify(identities));
        const [first] = converted.uiapi.query.Social_Identity__c.edges;
        first.node.Contact__c = { value: null };
        first.node.Lead__c = { value: '00QHU000000LeadAAA' };
        first.node.Lead__r = { Name: { value: 'Ana Ruiz (lead)' }, IsConverted: { value: true } };
        const { element } = await loaded({}, converted);
        const how = $$(element, '.linked-item .how').map((node) => node.textContent);
        expect(how[0]).toBe('Came with converted lead Ana Ruiz (lead) · Matched by rule: same-email');
    });

    it('says a rep linked it once a rep confirmed or re-linked it, not the rule that once matched', async () => {
        const relinked = JSON.parse(JSON.stringify(identities));
        const x = relinked.uiapi.query.Social_Identity__c.edges.find(
            (edge) => edge.node.Matched_By_Rule__c.value === 'same-email'
        ).node;
        x.Link_Source__c.value = 'Rep';
        const { element } = await loaded(undefined, relinked);
        const hows = $$(element, '.linked-item .how').map((how) => how.textContent);
        expect(hows).not.toContain('Matched by rule: same-email');
        expect(hows.filter((text) => text === 'Linked by: Rep')).toHaveLength(2);
    });

    it('does not ask the wire again when data arrives', async () => {
        createPanel();
        await flushPromises();
        const requested = graphql.getLastConfig();
        graphql.emit(identities);
        await flushPromises();
        expect(graphql.getLastConfig()).toBe(requested);
    });

    it('groups identities by link status and shows how each was linked', async () => {
        const { element } = await loaded();
        expect($(element, '.suggested h3').textContent).toBe('Suggested (1)');
        expect($(element, '.linked h3').textContent).toBe('Linked (3)');
        expect($(element, '.rejected summary').textContent).toBe('Rejected suggestions (1)');

        const [x, community, imported] = $$(element, '.linked-item');
        // An identity pointing here without a status yet shows with its status, never hidden.
        expect(imported.querySelector('.status').textContent).toBe('Unlinked');
        expect(imported.querySelector('lightning-icon').iconName).toBe('utility:socialshare');
        const profile = x.querySelector('a.profile');
        expect(profile.href).toBe('https://x.com/ana_ruiz');
        expect(profile.rel).toContain('noopener');
        expect(x.querySelector('.how').textContent).toBe('Matched by rule: same-email');
        expect(x.querySelector('.followers').textContent).toBe('1520 followers');
        expect(x.querySelector('.advocate')).not.toBeNull();
        // A javascript: profile URL is never a link.
        expect(community.querySelector('a')).toBeNull();
        expect(community.querySelector('.how').textContent).toBe('Linked by: Rep');

        expect(x.querySelector('.status')).toBeNull();
        expect($(element, '.suggested-item .how').textContent).toBe('Matched by rule: similar-name');
        expect($(element, '.rejected-item .note').textContent).toBe('Different person: a photographer in Lima');
    });

    // Payloads from the hostile-input corpus (test/fixtures/hostile/sources/identities-hostile.csv):
    // handles and names are text from a network, shown as text, never as markup or a script link.
    it.each([
        [
            '<svg onload=alert(1)>',
            '<img src=x onerror=alert(1)>',
            'https://x.com/"onmouseover=alert(1)',
            'https://x.com/%22onmouseover=alert(1)'
        ],
        ['\u202Enimda', 'moc.elgoog\u202Eevil', ' JaVaScRiPt:alert(document.cookie)', null]
    ])('shows handle %s and name %s literally, as text', async (handle, displayName, profileUrl, href) => {
        const hostile = JSON.parse(JSON.stringify(identities));
        const [first] = hostile.uiapi.query.Social_Identity__c.edges;
        hostile.uiapi.query.Social_Identity__c.edges = [first];
        Object.assign(first.node, {
            Handle__c: { value: handle },
            Display_Name__c: { value: displayName },
            Profile_URL__c: { value: profileUrl }
        });
        const { element } = await loaded(undefined, hostile);
        const item = $(element, '.linked-item');
        expect(item.textContent).toContain(handle);
        expect(item.textContent).toContain(displayName);
        expect(item.querySelectorAll('svg, img, script')).toHaveLength(0);
        expect(
            [...item.querySelectorAll('*')].some((node) => node.hasAttribute('onload') || node.hasAttribute('onerror'))
        ).toBe(false);
        const link = item.querySelector('a.profile');
        expect(link?.getAttribute('href') ?? null).toBe(href);
        expect(link?.hasAttribute('onmouseover') ?? false).toBe(false);
        // Each in an element of its own with dir="auto" (a bidi isolate): an override in the
        // handle cannot reorder the name, badges or buttons after it.
        expect(item.querySelector('.handle').getAttribute('dir')).toBe('auto');
        expect(item.querySelector('.handle').textContent).toBe(`@${handle}`);
        expect(item.querySelector('.display-name').getAttribute('dir')).toBe('auto');
        expect(item.querySelector('.display-name').textContent).toBe(displayName);
    });

    it('isolates every handle, display name and rejection note it shows', async () => {
        const { element } = await loaded();
        const untrusted = [
            ...$$(element, '.identity .handle'),
            ...$$(element, '.identity .display-name'),
            ...$$(element, '.identity .note')
        ];
        expect(untrusted.length).toBeGreaterThanOrEqual(8);
        expect(untrusted.filter((node) => node.getAttribute('dir') !== 'auto').map((node) => node.className)).toEqual(
            []
        );
        expect($$(element, '.identity .status').filter((node) => node.closest('[dir]'))).toEqual([]);
    });

    it('isolates the handle in button titles, the profile link title and toasts, which hold no elements', async () => {
        // Attributes and toasts cannot hold an element with dir="auto": the handle goes between
        // FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE, so an override in it stays inside.
        const { element } = await loaded();
        const titles = [
            ...$$(element, 'lightning-button.confirm'),
            ...$$(element, 'lightning-button.reject'),
            ...$$(element, '.identity a[title]')
        ].map((node) => node.title);
        expect(titles.length).toBeGreaterThanOrEqual(3);
        expect(titles.filter((title) => !/\u2068@[^\u2069]+\u2069/.test(title))).toEqual([]);
    });

    it('confirms a suggestion as the rep, now, and tells the page', async () => {
        const { element, toasts, refreshEvents, refresh } = await loaded();
        $(element, 'lightning-button.confirm').click();
        await flushPromises();
        expect(updateRecord).toHaveBeenCalledWith({
            fields: {
                Id: 'a00HU0000000002AAA',
                Link_Status__c: 'Linked',
                Link_Source__c: 'Rep',
                Linked_By__c: USER_ID,
                Linked_At__c: '2026-03-04T12:00:00.000Z',
                Link_Note__c: null
            }
        });
        expect(toasts).toEqual([{ title: '\u2068@ana.ruiz.77\u2069 is now linked.', variant: 'success' }]);
        expect(refresh).toHaveBeenCalled();
        expect(refreshEvents).toHaveLength(1);
    });

    it('rejects a suggestion with an optional reason, keeping the pair on record', async () => {
        const { element } = await loaded();
        $(element, 'lightning-button.reject').click();
        await flushPromises();
        const reason = $(element, '.suggested-item lightning-textarea.reason');
        expect(reason.required).toBe(false);
        reason.dispatchEvent(new CustomEvent('change', { detail: { value: 'Different person' } }));
        $(element, '.suggested-item lightning-button.submit-pending').click();
        await flushPromises();
        expect(updateRecord).toHaveBeenCalledWith({
            fields: {
                Id: 'a00HU0000000002AAA',
                Link_Status__c: 'Rejected',
                Link_Source__c: 'Rep',
                Link_Note__c: 'Different person'
            }
        });
    });

    it('will not unlink without a reason, then unlinks with one', async () => {
        const { element, toasts } = await loaded();
        $(element, '.linked-item lightning-button.unlink').click();
        await flushPromises();
        const reason = $(element, '.linked-item lightning-textarea.reason');
        const setCustomValidity = jest.spyOn(reason, 'setCustomValidity');
        const reportValidity = jest.spyOn(reason, 'reportValidity');
        $(element, '.linked-item lightning-button.submit-pending').click();
        await flushPromises();
        expect(updateRecord).not.toHaveBeenCalled();
        // Said once, by the field (issue 19: it was also a paragraph below it): the same words
        // whether the field reports it on submit or on its own as an empty required field.
        expect(setCustomValidity).toHaveBeenCalledWith('Enter a reason before unlinking.');
        expect(reportValidity).toHaveBeenCalled();
        expect(reason.messageWhenValueMissing).toBe('Enter a reason before unlinking.');
        expect(element.shadowRoot.textContent).not.toContain('Enter a reason before unlinking.');

        reason.dispatchEvent(
            new CustomEvent('change', { detail: { value: '  Account belongs to her shop, not to her  ' } })
        );
        expect(setCustomValidity).toHaveBeenLastCalledWith('');
        $(element, '.linked-item lightning-button.submit-pending').click();
        await flushPromises();
        expect(updateRecord).toHaveBeenCalledWith({
            fields: {
                Id: 'a00HU0000000001AAA',
                Contact__c: null,
                Lead__c: null,
                Link_Status__c: 'Unlinked',
                Link_Source__c: 'Rep',
                Link_Note__c: 'Account belongs to her shop, not to her'
            }
        });
        expect(toasts[0]).toEqual({ title: '\u2068@ana_ruiz\u2069 is no longer linked.', variant: 'success' });
    });

    it('says why a change failed and keeps the rep in place', async () => {
        updateRecord.mockRejectedValueOnce({
            body: {
                message: 'insufficient access rights on object id',
                output: { errors: [{ message: 'You do not have access to Social_Identity__c.Link_Status__c' }] }
            }
        });
        const { element, toasts } = await loaded();
        $(element, 'lightning-button.confirm').click();
        await flushPromises();
        expect(toasts[0].variant).toBe('error');
        expect(toasts[0].title).toBe(
            "Couldn't save the change to \u2068@ana.ruiz.77\u2069: You do not have access to Social_Identity__c.Link_Status__c Check that you have the Social Bridge Rep permission set, then try again."
        );
        expect($(element, 'lightning-button.confirm')).not.toBeNull();
    });

    it('opens the link form with the enabled channels only', async () => {
        const { element } = await loaded();
        $(element, 'lightning-button.link-handle').click();
        await flushPromises();
        const form = $(element, 'c-social-identity-link');
        expect(form.channels.map((c) => c.value)).toEqual(['x', 'facebook']);
        expect(form.channels[0].profileUrlTemplate).toBe('https://x.com/{handle}');
        form.dispatchEvent(new CustomEvent('close'));
        await flushPromises();
        expect($(element, 'c-social-identity-link')).toBeNull();
    });

    it('shows an empty state and an error state that say what to do', async () => {
        const { element } = await loaded({}, identitiesEmpty);
        expect($(element, '.empty').textContent).toContain('Use Link a handle to add one.');
        graphql.emitErrors([{ message: 'Invalid field Link_Status__c' }]);
        await flushPromises();
        expect($(element, 'c-error-panel').friendlyMessage).toBe("Social identities couldn't be loaded.");
    });

    it('is accessible with identities, while unlinking, and when empty', async () => {
        const { element } = await loaded();
        await expect(element).toBeAccessible();
        $(element, '.linked-item lightning-button.unlink').click();
        await flushPromises();
        await expect(element).toBeAccessible();
        document.body.removeChild(element);
        const empty = await loaded({}, identitiesEmpty);
        await expect(empty.element).toBeAccessible();
    });
});
