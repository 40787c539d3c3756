import { createElement } from '@lwc/engine-dom';
import SocialThread from 'c/socialThread';
import { threadView } from 'c/socialTimelineView';
import { groupIntoThreads } from 'c/socialThreads';
import { channelsByKey, nodesOf, toChannel, toInteraction } from 'c/socialInteractionModel';
import flushPromises from '../../../../../test/flushPromises';

const firstPage = require('../../socialTimeline/__tests__/data/timelineFirstPage.json');
const secondPage = require('../../socialTimeline/__tests__/data/timelineSecondPage.json');
const NOW = Date.parse('2026-03-04T12:00:00.000Z');
const channels = channelsByKey(nodesOf(firstPage.uiapi.query.Social_Channel__c, toChannel));
const threadsOf = (page) =>
    groupIntoThreads(nodesOf(page.uiapi.query.Social_Interaction__c, toInteraction)).map((t) =>
        threadView(t, channels, NOW)
    );

function createThread(thread, compact = false) {
    const element = createElement('c-social-thread', { is: SocialThread });
    Object.assign(element, { thread, compact });
    document.body.appendChild(element);
    return element;
}
const $ = (element, selector) => element.shadowRoot.querySelector(selector);

describe('c-social-thread', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
    });

    it('names a cross-channel thread, its size, its last activity and what waits', async () => {
        const element = createThread(threadsOf(firstPage)[0]);
        await flushPromises();
        // An attribute holds no element with dir="auto": the handle is isolated by U+2068…U+2069.
        expect($(element, 'article').getAttribute('aria-label')).toBe('Conversation started by \u2068@ana_ruiz\u2069');
        expect($(element, '.thread-heading').title).toBe('Conversation started by \u2068@ana_ruiz\u2069');
        expect($(element, '.thread-count').textContent).toBe('4 messages');
        expect($(element, '.thread-time').textContent.trim()).toBe('Last activity 20 min ago');
        expect($(element, '.thread-time').title).toMatch(/Mar 4, 2026/);
        expect($(element, '.thread-waiting').textContent).toBe('2 waiting for a response');
        expect(element.shadowRoot.querySelectorAll('c-social-interaction')).toHaveLength(4);
        await expect(element).toBeAccessible();
    });

    it('keeps a single-channel thread plain and passes compact mode down', async () => {
        const element = createThread(threadsOf(secondPage)[1], true);
        await flushPromises();
        expect($(element, '.thread-hops')).toBeNull();
        expect($(element, '.thread-waiting')).toBeNull();
        expect($(element, 'c-social-interaction').compact).toBe(true);
        await expect(element).toBeAccessible();
    });

    it('tells every message whether the conversation already has a case', async () => {
        const interactions = nodesOf(firstPage.uiapi.query.Social_Interaction__c, toInteraction);
        interactions[2] = { ...interactions[2], caseId: '500HU000000CaseAAA' };
        const [thread] = groupIntoThreads(interactions).map((t) => threadView(t, channels, NOW));
        const element = createThread(thread);
        await flushPromises();
        const rows = [...element.shadowRoot.querySelectorAll('c-social-interaction')];
        expect(rows.map((row) => row.interaction.threadHasCase)).toEqual([true, true, true, true]);
        expect(rows.every((row) => row.interaction.record && row.interaction.record.id === row.interaction.id)).toBe(
            true
        );
    });

    it('isolates the handle in the heading and each name of the people line', async () => {
        const interactions = nodesOf(firstPage.uiapi.query.Social_Interaction__c, toInteraction).map((item) => ({
            ...item,
            authorHandle: 'evil\u202Etxt.exe',
            contactName: item.contactName && `${item.contactName}\u202E`
        }));
        const [thread] = groupIntoThreads(interactions).map((t) => threadView(t, channels, NOW, { showWho: true }));
        const element = createThread(thread);
        await flushPromises();
        const isolates = (selector) =>
            [...element.shadowRoot.querySelectorAll(`${selector} [dir="auto"]`)].map((node) => node.textContent);
        expect(isolates('.thread-heading')).toEqual(['@evil\u202Etxt.exe']);
        expect($(element, '.thread-heading').textContent).toBe('Conversation started by @evil\u202Etxt.exe');
        expect(isolates('.thread-people')).toEqual(['Ana Ruiz\u202E']);
        expect($(element, '.thread-count').closest('[dir]')).toBeNull();
        expect($(element, '.thread-time').closest('[dir]')).toBeNull();
        await expect(element).toBeAccessible();
    });
});
