import { createElement } from '@lwc/engine-dom';
import SocialInteraction from 'c/socialInteraction';
import { interactionView, threadView } from 'c/socialTimelineView';
import { groupIntoThreads } from 'c/socialThreads';
import { channelsByKey, nodesOf, toChannel, toInteraction } from 'c/socialInteractionModel';
import flushPromises from '../../../../../test/flushPromises';

const firstPage = require('../../socialTimeline/__tests__/data/timelineFirstPage.json');
const NOW = Date.parse('2026-03-04T12:00:00.000Z');
const channels = channelsByKey(nodesOf(firstPage.uiapi.query.Social_Channel__c, toChannel));
const [question] = nodesOf(firstPage.uiapi.query.Social_Interaction__c, toInteraction);

function createRow(props) {
    const element = createElement('c-social-interaction', { is: SocialInteraction });
    Object.assign(element, { interaction: interactionView(question, channels, NOW), ...props });
    document.body.appendChild(element);
    return element;
}
const $ = (element, selector) => element.shadowRoot.querySelector(selector);

describe('c-social-interaction', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
    });

    it('shows the full row with the exact time for hover and screen readers', async () => {
        const element = createRow();
        await flushPromises();
        expect($(element, '.channel-icon').alternativeText).toBe('X');
        expect($(element, '.posted-at').textContent).toContain('20 min ago');
        expect($(element, '.posted-at .slds-assistive-text').textContent).toMatch(/^Posted Mar 4, 2026/);
        expect($(element, '.details .permalink').textContent.trim()).toBe('View on X');
        expect($(element, '.body').className).not.toContain('body_compact');
        await expect(element).toBeAccessible();
    });

    it('clips the body and drops secondary details in compact mode', async () => {
        const element = createRow({ compact: true });
        await flushPromises();
        expect($(element, '.body').className).toContain('body_compact');
        expect($(element, '.details')).toBeNull();
        expect($(element, '.sla').textContent).toBe('Response due in 40 min');
        await expect(element).toBeAccessible();
    });

    it('embeds the actions with the plain record, its channel and the thread case state', async () => {
        const [thread] = groupIntoThreads(nodesOf(firstPage.uiapi.query.Social_Interaction__c, toInteraction));
        const view = threadView(thread, channels, NOW).interactions.find((item) => item.id === question.id);
        const element = createRow({ interaction: view });
        await flushPromises();
        const actions = $(element, 'c-social-interaction-actions');
        expect(actions.record).toEqual(question);
        expect(actions.channel).toMatchObject({ networkKey: 'x', replyLimit: 280, lengthCounting: 'X_Weighted' });
        expect(actions.threadHasCase).toBe(false);
        await expect(element).toBeAccessible();
    });

    it('shows no actions where the view has no record to act on (catch-up rows)', async () => {
        const element = createRow();
        await flushPromises();
        expect($(element, 'c-social-interaction-actions')).toBeNull();
    });

    // A handle with a right-to-left override (hostile corpus): each piece of untrusted text sits
    // in its own element with dir="auto", a bidi isolate, so it cannot reorder the words, badges
    // and time around it. Chromium's rendering of it is checked in test/browser/bidiIsolation.
    it('isolates the author, the contact and the body from the text around them', async () => {
        const handle = 'evil\u202Etxt.exe';
        const hostile = {
            ...question,
            authorHandle: handle,
            contactName: 'Ana\u202E Ruiz',
            body: 'Look \u202Ehere https://acme.example.com/orders/4411 thanks'
        };
        const isolates = (element, selector) =>
            [...element.shadowRoot.querySelectorAll(`${selector} [dir="auto"]`)].map((node) => node.textContent);

        const inbound = createRow({ interaction: interactionView(hostile, channels, NOW, { showWho: true }) });
        await flushPromises();
        expect(isolates(inbound, '.author')).toEqual([`@${handle}`]);
        expect($(inbound, '.author').textContent).toBe(`@${handle}`);
        expect(isolates(inbound, '.who')).toEqual(['Ana\u202E Ruiz']);
        expect($(inbound, '.who').textContent).toBe('Contact: Ana\u202E Ruiz');
        expect($(inbound, '.body').getAttribute('dir')).toBe('auto');
        expect($(inbound, '.body a').getAttribute('dir')).toBe('auto');
        // What follows the author on the line is outside every isolate.
        expect($(inbound, '.posted-at').closest('[dir]')).toBeNull();
        expect($(inbound, '.visibility').closest('[dir]')).toBeNull();

        const outbound = createRow({
            interaction: interactionView({ ...hostile, direction: 'Outbound' }, channels, NOW)
        });
        await flushPromises();
        expect($(outbound, '.author').textContent).toBe(`Our reply to @${handle}`);
        expect(isolates(outbound, '.author')).toEqual([`@${handle}`]);
        await expect(outbound).toBeAccessible();
    });
});
