import { createElement } from '@lwc/engine-dom';
import SocialCatchUp from 'c/socialCatchUp';
import { graphql } from 'lightning/graphql';
import { registerRefreshHandler } from 'lightning/refresh';
import { getNavigateCalledWith, resetNavigation } from 'lightning/navigation';
import flushPromises from '../../../../../test/flushPromises';

const catchUp = require('./data/catchUp.json');
const catchUpManyOpen = require('./data/catchUpManyOpen.json');
const catchUpQuiet = require('./data/catchUpQuiet.json');

const CONTACT_ID = '003HU000001AnaRAA';
const NOW = Date.parse('2026-03-04T12:00:00.000Z');

function createCatchUp(props = {}) {
    const element = createElement('c-social-catch-up', { is: SocialCatchUp });
    Object.assign(element, { recordId: CONTACT_ID, objectApiName: 'Contact', ...props });
    document.body.appendChild(element);
    return element;
}
const $ = (element, selector) => element.shadowRoot.querySelector(selector);
const $$ = (element, selector) => [...element.shadowRoot.querySelectorAll(selector)];
const texts = (element, selector) => $$(element, selector).map((node) => node.textContent.replace(/\s+/g, ' ').trim());

describe('c-social-catch-up', () => {
    beforeEach(() => {
        jest.spyOn(Date, 'now').mockReturnValue(NOW);
    });

    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
        jest.restoreAllMocks();
        resetNavigation();
    });

    it('asks for the recent window and every open item in one query', async () => {
        createCatchUp();
        await flushPromises();
        expect(graphql.getLastConfig().variables).toEqual({
            recent: {
                and: [
                    { Contact__c: { eq: CONTACT_ID } },
                    { Posted_At__c: { gte: { value: '2026-02-02T12:00:00.000Z' } } }
                ]
            },
            open: {
                and: [
                    { Contact__c: { eq: CONTACT_ID } },
                    { Direction__c: { eq: 'Inbound' } },
                    { Status__c: { in: ['New', 'Needs_Response'] } }
                ]
            },
            first: 200
        });
    });

    it('does not ask the wire again when data arrives', async () => {
        createCatchUp();
        await flushPromises();
        const requested = graphql.getLastConfig();
        graphql.emit(catchUp);
        await flushPromises();
        expect(graphql.getLastConfig()).toBe(requested);
    });

    it('ranks the next steps and says why now for each', async () => {
        const element = createCatchUp();
        graphql.emit(catchUp);
        await flushPromises();

        expect(texts(element, '.suggestion-title')).toEqual([
            '1. Personal data in a public post',
            '2. Answer the public complaint on X',
            '3. The customer took it public again',
            '4. The customer took it public again',
            '5. Answer once'
        ]);
        expect(texts(element, '.suggestion-reason')).toEqual([
            'Why now: A public post on X shows personal data. Ask the customer to delete it and continue in private.',
            'Why now: Waiting 3 h; the X response time is 1 h.',
            'Why now: They posted publicly on Facebook 1 h 40 min after a private conversation on Facebook. Reply with care, then continue in private.',
            'Why now: They posted publicly on X 1 h 25 min after a private conversation on Facebook. Reply with care, then continue in private.',
            'Why now: They wrote on X and Facebook within 15 min. Answer once, on the newest, and close the other.'
        ]);
    });

    it('shows more steps when the admin allows, down to the sales follow-up', async () => {
        const element = createCatchUp({ maxSuggestions: 10 });
        graphql.emit(catchUp);
        await flushPromises();
        const titles = texts(element, '.suggestion-title');
        expect(titles).toHaveLength(6);
        expect(titles[5]).toBe('6. Sales follow-up');
        expect(texts(element, '.suggestion-reason')[5]).toBe(
            'Why now: Asked about buying on Community 1 d ago. Follow up or hand it to sales.'
        );
    });

    it('opens the interaction behind a step', async () => {
        const element = createCatchUp();
        graphql.emit(catchUp);
        await flushPromises();
        $(element, 'lightning-button.open-interaction').click();
        expect(getNavigateCalledWith().pageReference).toEqual({
            type: 'standard__recordPage',
            attributes: { recordId: 'a01HU0000000004AAA', objectApiName: 'Social_Interaction__c', actionName: 'view' }
        });
    });

    it('lists open items with their true count and the last touch per channel', async () => {
        const element = createCatchUp();
        graphql.emit(catchUp);
        await flushPromises();
        expect($(element, '.open-heading').textContent).toBe('Open items (4)');
        expect($$(element, '.open-item')).toHaveLength(4);
        expect(texts(element, '.open-item .sla')).toEqual([
            'Response due in 3 h 55 min',
            'Response due in 40 min',
            'Response overdue by 2 h'
        ]);
        expect($(element, '.summary').textContent).toBe('In the last 30 days: 9 interactions.');
        expect(texts(element, '.last-touch .channel-name')).toEqual(['Facebook', 'X', 'Community']);
    });

    it('never hides that there are more open items than it read', async () => {
        const element = createCatchUp();
        graphql.emit(catchUpManyOpen);
        await flushPromises();
        expect($(element, '.open-heading').textContent).toBe('Open items (240)');
        expect($(element, '.more-open').textContent).toBe('and 236 more in the timeline');
        expect($(element, '.open-truncated').textContent).toContain('the 4 most recent of 240 open items');
    });

    it('says when nothing needs the rep', async () => {
        const element = createCatchUp();
        graphql.emit(catchUpQuiet);
        await flushPromises();
        expect($(element, '.no-next-steps').textContent).toBe('Nothing needs you right now.');
        expect($(element, '.nothing-open').textContent).toBe('Nothing is waiting for a response.');
        expect($(element, '.no-recent').textContent).toBe('No interactions in the last 30 days.');
    });

    it('explains a load error and retries; refreshes with the page', async () => {
        const refresh = jest.fn().mockResolvedValue(undefined);
        const element = createCatchUp();
        graphql.emitErrors([{ message: 'Request timed out' }], undefined, refresh);
        await flushPromises();
        const panel = $(element, 'c-error-panel');
        expect(panel.friendlyMessage).toBe("The catch-up couldn't be loaded.");
        panel.dispatchEvent(new CustomEvent('retry'));
        await flushPromises();
        expect(refresh).toHaveBeenCalledTimes(1);
        const [component, handler] = registerRefreshHandler.mock.calls[0];
        await expect(handler.call(component)).resolves.toBe(true);
        expect(refresh).toHaveBeenCalledTimes(2);
    });

    it('explains where it works on other pages', async () => {
        const element = createCatchUp({ objectApiName: 'Case' });
        await flushPromises();
        expect($(element, '.unsupported').textContent).toContain('Contact, Lead and Account');
    });

    it('is accessible with steps and when quiet', async () => {
        const element = createCatchUp();
        graphql.emit(catchUp);
        await flushPromises();
        await expect(element).toBeAccessible();
        graphql.emit(catchUpQuiet);
        await flushPromises();
        await expect(element).toBeAccessible();
    });
});
