import { createElement } from '@lwc/engine-dom';
import SocialTimeline from 'c/socialTimeline';
import { graphql } from 'lightning/graphql';
import { createRecord, updateRecord } from 'lightning/uiRecordApi';
import { getObjectInfos } from 'lightning/uiObjectInfoApi';
import { encodeDefaultFieldValues } from 'lightning/pageReferenceUtils';
import { registerRefreshHandler } from 'lightning/refresh';
import { getNavigateCalledWith, resetNavigation } from 'lightning/navigation';
import { undeliveredRepliesWhere } from 'c/socialDelivery';
import { EMPTY_FILTER, recordScope } from 'c/socialTimelineFilter';
import flushPromises from '../../../../../test/flushPromises';
// A rep's object info (only Social_Bridge_Rep): the row actions show once it arrives.
import REP_OBJECT_INFOS from '../../socialInteractionActions/__tests__/data/objectInfosRep.json';

const firstPage = require('./data/timelineFirstPage.json');
const secondPage = require('./data/timelineSecondPage.json');
const emptyPage = require('./data/timelineEmpty.json');
const caseContact = require('../../socialCaseContact/__tests__/data/caseContact.json');
const caseNoContact = require('../../socialCaseContact/__tests__/data/caseNoContact.json');
const timelineErrors = require('./data/timelineErrors.json');
const deliveryPage = require('./data/timelineDelivery.json');
const threadMembers = require('./data/threadMembers.json');

const CONTACT_ID = '003HU000001AnaRAA';
// The contact's messages from confirmed identities only: a Suggested one adds nothing.
// The scope itself (through each identity's current link, converted leads included) is pinned in
// socialTimelineFilter's tests and run against the local org in test/lwc-queries.
const CONTACT_SCOPE = recordScope('Contact', CONTACT_ID);
const NOW = Date.parse('2026-03-04T12:00:00.000Z');
// The user id sfdx-lwc-jest gives @salesforce/user/Id.
const USER_ID = '005000000000000000';

function createTimeline(props = {}) {
    const element = createElement('c-social-timeline', { is: SocialTimeline });
    Object.assign(element, {
        recordId: CONTACT_ID,
        objectApiName: 'Contact',
        pageSize: 3,
        showPrivate: true,
        ...props
    });
    document.body.appendChild(element);
    return element;
}

const $ = (element, selector) => element.shadowRoot.querySelector(selector);
const $$ = (element, selector) => [...element.shadowRoot.querySelectorAll(selector)];
// The timeline's own wire pages with `first`; the case-contact and thread-members wires do not.
// Paging newer from a jump point is the same query, oldest first.
const isNewerConfig = (config) => Boolean(config && config.variables && config.variables.order === 'ASC');
const isTimelineConfig = (config) =>
    Boolean(config && config.variables && 'first' in config.variables) && !isNewerConfig(config);
const isThreadMembersConfig = (config) =>
    Boolean(config && config.variables && config.variables.where && !('first' in config.variables));
/** A page (or errors) to the timeline's wire only, once the wires have their config. */
async function emitTimeline(page, refresh) {
    await flushPromises();
    graphql.emit(page, isTimelineConfig, refresh);
}
async function emitTimelineErrors(errors, refresh) {
    await flushPromises();
    graphql.emitErrors(errors, isTimelineConfig, refresh);
}
/** The current config of every graphql wire (a filter that records and delivers nothing). */
function wireConfigs() {
    const configs = [];
    graphql.emit(undefined, (config) => {
        configs.push(config);
        return false;
    });
    return configs;
}
const timelineConfig = () => wireConfigs().find(isTimelineConfig);
const timelineVariables = () => timelineConfig().variables;
// Every message row rendered, across thread components.
const interactionsOf = (element) =>
    $$(element, 'c-social-thread').flatMap((thread) =>
        [...thread.shadowRoot.querySelectorAll('c-social-interaction')].map((item) => item.shadowRoot)
    );

// A long history for paging tests: n interactions one minute apart, newest first, from `start`.
function historyPage(start, count, { total, hasNextPage, endCursor }) {
    const template = firstPage.uiapi.query.Social_Interaction__c.edges[3].node;
    const edges = Array.from({ length: count }, (_, i) => {
        const n = start + i;
        return {
            node: {
                ...template,
                Id: `a01HU${String(n).padStart(10, '0')}AAA`,
                Thread_Key__c: { value: `x:t${n}` },
                Posted_At__c: { value: new Date(NOW - n * 60000).toISOString() }
            }
        };
    });
    return {
        uiapi: {
            query: {
                Social_Interaction__c: { edges, pageInfo: { hasNextPage, endCursor }, totalCount: total },
                Social_Channel__c: firstPage.uiapi.query.Social_Channel__c
            }
        }
    };
}

/** The rep picks a filter in the filter bar: everything else left empty. */
async function chooseFilter(element, choices) {
    const filter = { ...EMPTY_FILTER, ...choices };
    element.shadowRoot
        .querySelector('c-social-timeline-filters')
        .dispatchEvent(new CustomEvent('filterchange', { detail: { filter } }));
    await flushPromises();
    return filter;
}

describe('c-social-timeline', () => {
    beforeEach(() => {
        jest.spyOn(Date, 'now').mockReturnValue(NOW);
        window.localStorage.clear();
    });

    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
        jest.restoreAllMocks();
        resetNavigation();
    });

    describe('reading', () => {
        it('asks for the contact interactions with upperBound paging, as variables', async () => {
            createTimeline();
            await flushPromises();
            expect(timelineVariables()).toEqual({
                where: CONTACT_SCOPE,
                first: 200,
                after: null,
                upperBound: 50000,
                undelivered: undeliveredRepliesWhere(CONTACT_SCOPE)
            });
        });

        it('does not ask the wire again when a page arrives (a re-sent config would re-deliver it)', async () => {
            createTimeline();
            await flushPromises();
            const requested = timelineConfig();
            await emitTimeline(firstPage);
            await flushPromises();
            await emitTimeline(firstPage);
            await flushPromises();
            expect(timelineConfig()).toBe(requested);
        });

        it('shows threads with the true total and reveals the page size', async () => {
            const element = createTimeline();
            await emitTimeline(firstPage);
            await flushPromises();

            expect($(element, '.summary').textContent).toBe('Showing 3 of 7 interactions');
            const threads = $$(element, 'c-social-thread');
            expect(threads).toHaveLength(1);
            const thread = threads[0].shadowRoot;
            // More pages to come: the thread may have older messages, so it says so until its
            // members are read (see "threads cut by a page boundary").
            expect(thread.querySelector('.thread-count').textContent).toBe('3+ messages');
            expect(thread.querySelector('.thread-hops').textContent).toContain('Moved across channels: Facebook → X');
            expect([...thread.querySelectorAll('.channel-icons lightning-icon')].map((icon) => icon.iconName)).toEqual([
                'utility:like',
                'utility:socialshare'
            ]);
            expect(thread.querySelector('.thread-waiting').textContent).toBe('1 waiting for a response');
        });

        it('loads the next page with the end cursor and reaches the oldest interaction', async () => {
            const element = createTimeline();
            await emitTimeline(firstPage);
            await flushPromises();

            $(element, 'lightning-button.load-more').click();
            await flushPromises();
            expect(timelineVariables().after).toBe(firstPage.uiapi.query.Social_Interaction__c.pageInfo.endCursor);
            expect(timelineVariables().where).toEqual(CONTACT_SCOPE);

            await emitTimeline(secondPage);
            await flushPromises();
            expect($(element, '.summary').textContent).toBe('Showing 6 of 7 interactions');

            $(element, 'lightning-button.load-more').click();
            await flushPromises();
            expect($(element, '.summary').textContent).toBe('Showing 7 of 7 interactions');
            expect($(element, 'lightning-button.load-more')).toBeNull();
            expect($(element, '.reached-oldest').textContent).toContain('oldest interaction');
            expect($$(element, 'c-social-thread')).toHaveLength(3);
        });

        it('reaches past a result the API ends early by opening a date window', async () => {
            const element = createTimeline({ pageSize: 200 });
            await emitTimeline(historyPage(0, 200, { total: 450, hasNextPage: true, endCursor: 'c200' }));
            await flushPromises();
            $(element, 'lightning-button.load-more').click();
            await flushPromises();
            expect(timelineVariables().after).toBe('c200');
            // The API stops here (as record-connection paging does at 4,000) though 450 match.
            await emitTimeline(historyPage(200, 200, { total: 450, hasNextPage: false, endCursor: 'c400' }));
            await flushPromises();
            expect($(element, '.summary').textContent).toBe('Showing 400 of 450 interactions');

            $(element, 'lightning-button.load-more').click();
            await flushPromises();
            const oldestLoaded = new Date(NOW - 399 * 60000).toISOString();
            expect(timelineVariables().after).toBeNull();
            expect(timelineVariables().where).toEqual({
                and: [CONTACT_SCOPE, { Posted_At__c: { lte: { value: oldestLoaded } } }]
            });
            // The window starts at the oldest loaded interaction: one duplicate, 50 new.
            await emitTimeline(historyPage(399, 51, { total: 51, hasNextPage: false, endCursor: 'w51' }));
            await flushPromises();
            expect($(element, '.summary').textContent).toBe('Showing 450 of 450 interactions');
            expect($(element, '.reached-oldest')).not.toBeNull();
            expect($(element, '.unreachable')).toBeNull();
            // Renders 450 rows three times: seconds on a loaded machine, so no tight limit.
        }, 60000);

        it('shows direction, visibility, status, SLA and times for each message', async () => {
            const element = createTimeline({ pageSize: 10 });
            await emitTimeline(firstPage);
            await flushPromises();

            const rows = interactionsOf(element);
            // Oldest first inside the thread: the complaint at 09:00 opens it.
            const complaint = rows[0];
            expect(complaint.querySelector('.author').textContent).toBe('@ana_ruiz');
            expect(complaint.querySelector('.visibility').textContent).toBe('Public');
            expect(complaint.querySelector('.status').textContent).toBe('Needs Response');
            expect(complaint.querySelector('.sla').textContent).toBe('Response overdue by 2 h');
            expect(complaint.querySelector('.personal-data').textContent).toContain('Contains personal data');
            const time = complaint.querySelector('time.posted-at');
            expect(time.getAttribute('datetime')).toBe('2026-03-04T09:00:00.000Z');
            expect(time.textContent).toContain('3 h ago');
            expect(time.title).toMatch(/^Posted Mar 4, 2026/);

            const question = rows[3];
            expect(question.querySelector('.sla').textContent).toBe('Response due in 40 min');
            expect(question.querySelector('a.permalink').href).toBe(
                'https://x.com/ana_ruiz/status/1790000000000000007'
            );

            const dm = rows[2];
            expect(dm.querySelector('.visibility').textContent).toBe('Private');
            const receipt = dm.querySelector('c-social-reply-delivery').shadowRoot;
            expect(receipt.querySelector('.delivery-state').textContent).toBe('Sent to Facebook');
            expect(receipt.querySelector('.delivery').className).not.toContain('slds-text-color_error');
            // A direct message has no public permalink to offer.
            expect(receipt.querySelector('a')).toBeNull();
            expect(dm.querySelector('.direction-icon').alternativeText).toBe('Outbound');
        });

        it('renders hostile bodies as inert, wrapping text', async () => {
            const element = createTimeline({ pageSize: 10 });
            await emitTimeline(firstPage);
            await flushPromises();

            const hostile = interactionsOf(element)[1];
            const body = hostile.querySelector('.body');
            expect(body.querySelector('script, b, img')).toBeNull();
            expect(body.textContent).toContain("<script>alert('x')</script><b>bold?</b> javascript:alert(1)");
            expect(body.querySelectorAll('a')).toHaveLength(0);
            expect(body.textContent).toContain('a'.repeat(600));
            // Exactly the body: no template whitespace leaks into a pre-wrap paragraph.
            expect(body.textContent).toBe(firstPage.uiapi.query.Social_Interaction__c.edges[2].node.Body__c.value);
            // jsdom does no layout, so check the rule the row's own stylesheet applies to the body:
            // the author's line breaks kept, any unbroken string wrapped, never wider than the row.
            const css = [...hostile.querySelectorAll('style')].map((sheet) => sheet.textContent).join('');
            const bodyRule = /(?:^|\})\s*\.body[^{,]*\{([^}]*)\}/.exec(css)[1];
            expect(body.classList).toContain('body');
            expect(bodyRule).toContain('white-space: pre-wrap');
            expect(bodyRule).toContain('overflow-wrap: anywhere');
            expect(bodyRule).toContain('max-width: 100%');

            const question = interactionsOf(element)[3];
            const links = [...question.querySelectorAll('.body a')];
            expect(links.map((a) => a.getAttribute('href'))).toEqual(['https://acme.example.com/orders/4411']);
            expect(links[0].rel).toContain('noopener');
            expect(links[0].target).toBe('_blank');
        });

        it('labels each message with its contact on an account page', async () => {
            const element = createTimeline({ objectApiName: 'Account', recordId: '001HU000000AcmeAAA', pageSize: 10 });
            await flushPromises();
            expect(timelineVariables().where).toEqual(recordScope('Account', '001HU000000AcmeAAA'));
            await emitTimeline(firstPage);
            await flushPromises();
            expect(interactionsOf(element)[0].querySelector('.who').textContent).toBe('Contact: Ana Ruiz');
        });

        it("reads a case's interactions and its contact's", async () => {
            const element = createTimeline({ objectApiName: 'Case', recordId: '500HU000000Case1AAA' });
            await flushPromises();
            graphql.emit(caseContact, (config) => Boolean(config.variables && config.variables.caseId));
            await flushPromises();
            expect(timelineVariables().where).toEqual({
                or: [{ Case__c: { eq: '500HU000000Case1AAA' } }, CONTACT_SCOPE]
            });
            await emitTimeline(firstPage);
            await flushPromises();
            expect($$(element, 'c-social-thread')).toHaveLength(1);
        });

        it('says the case has no contact, rather than asking to link an identity to it', async () => {
            const element = createTimeline({ objectApiName: 'Case', recordId: '500HU000000Case1AAA' });
            await flushPromises();
            graphql.emit(caseNoContact, (config) => Boolean(config.variables && config.variables.caseId));
            await flushPromises();
            expect(timelineVariables().where).toEqual({ Case__c: { eq: '500HU000000Case1AAA' } });
            await emitTimeline(emptyPage);
            await flushPromises();
            expect($(element, '.empty-message').textContent).toBe(
                "This case has no contact yet. Add the customer as the case's contact to see their social conversations here."
            );
            expect($(element, 'lightning-button.link-identity')).toBeNull();
        });

        it('keeps private messages off the page when the admin hides them', async () => {
            const element = createTimeline({ showPrivate: false, channels: 'x, Facebook' });
            await flushPromises();
            expect(timelineVariables().where).toEqual({
                and: [CONTACT_SCOPE, { Network__c: { in: ['x', 'facebook'] } }, { Visibility__c: { eq: 'Public' } }]
            });
            await emitTimeline(firstPage);
            await flushPromises();
            const filters = $(element, 'c-social-timeline-filters').shadowRoot;
            expect(filters.querySelector('.visibility')).toBeNull();
            expect(filters.querySelector('.channel').options.map((o) => o.value)).toEqual(['', 'x', 'facebook']);
        });
    });

    describe('filters', () => {
        it('filters on the server and remembers the choice per user and page', async () => {
            const element = createTimeline();
            await emitTimeline(firstPage);
            await flushPromises();
            $(element, 'lightning-button.load-more').click();
            await flushPromises();

            const filter = {
                channel: 'x',
                direction: '',
                visibility: '',
                status: 'open',
                from: '',
                to: '',
                search: ''
            };
            $(element, 'c-social-timeline-filters').dispatchEvent(
                new CustomEvent('filterchange', { detail: { filter } })
            );
            await flushPromises();

            expect(timelineVariables().after).toBeNull();
            expect(timelineVariables().where).toEqual({
                and: [CONTACT_SCOPE, { Network__c: { eq: 'x' } }, { Status__c: { in: ['New', 'Needs_Response'] } }]
            });
            expect(JSON.parse(window.localStorage.getItem(`socialBridge.timelineFilter.${USER_ID}.Contact`))).toEqual(
                filter
            );
        });

        it("saves the choice to the rep's own record in Salesforce, and starts from it on another device", async () => {
            const isPreferenceConfig = (config) =>
                Boolean(config && config.variables && config.variables.where && config.variables.where.and) &&
                JSON.stringify(config.variables.where).includes('Preference_Key__c');
            const preference = (filter) => ({
                uiapi: {
                    query: {
                        Social_Rep_Preference__c: {
                            edges: [{ node: { Id: 'a04HU0000001PrefAAA', Timeline_Filter__c: { value: filter } } }]
                        }
                    }
                }
            });
            // Another device saved "Inbound, open": this browser has nothing stored.
            const element = createTimeline();
            await flushPromises();
            expect(wireConfigs().find(isPreferenceConfig).variables.where).toEqual({
                and: [{ OwnerId: { eq: USER_ID } }, { Preference_Key__c: { eq: `${USER_ID}:Contact` } }]
            });
            graphql.emit(preference(JSON.stringify({ direction: 'Inbound', status: 'open' })), isPreferenceConfig);
            await flushPromises();
            expect(timelineVariables().where).toEqual({
                and: [
                    CONTACT_SCOPE,
                    { Direction__c: { eq: 'Inbound' } },
                    { Status__c: { in: ['New', 'Needs_Response'] } }
                ]
            });

            // A change here updates that record (the search text is not a default and is not saved).
            const filter = await chooseFilter(element, { channel: 'x', search: 'grinder' });
            expect(updateRecord).toHaveBeenCalledWith({
                fields: { Id: 'a04HU0000001PrefAAA', Timeline_Filter__c: JSON.stringify({ ...filter, search: '' }) }
            });
            expect(createRecord).not.toHaveBeenCalled();
        });

        it("creates the rep's record the first time, and keeps a choice made before the saved one arrived", async () => {
            const element = createTimeline();
            await flushPromises();
            const filter = await chooseFilter(element, { direction: 'Outbound' });
            expect(createRecord).toHaveBeenCalledWith({
                apiName: 'Social_Rep_Preference__c',
                fields: {
                    Name: 'Timeline: Contact',
                    Page__c: 'Contact',
                    Preference_Key__c: `${USER_ID}:Contact`,
                    Timeline_Filter__c: JSON.stringify(filter)
                }
            });
            // Nothing is asked again for the same choice.
            await chooseFilter(element, filter);
            expect(createRecord).toHaveBeenCalledTimes(1);
            // The saved defaults arrive late: the rep's choice on this page wins.
            graphql.emit(
                {
                    uiapi: {
                        query: {
                            Social_Rep_Preference__c: {
                                edges: [
                                    { node: { Id: 'a04x', Timeline_Filter__c: { value: '{"direction":"Inbound"}' } } }
                                ]
                            }
                        }
                    }
                },
                (config) =>
                    Boolean(
                        config && config.variables && JSON.stringify(config.variables).includes('Preference_Key__c')
                    )
            );
            await flushPromises();
            expect(timelineVariables().where.and[1]).toEqual({ Direction__c: { eq: 'Outbound' } });
        });

        it('saves onto the record another device created at the same moment: read it again, then update', async () => {
            const isPreferenceConfig = (config) =>
                Boolean(config && config.variables && JSON.stringify(config.variables).includes('Preference_Key__c'));
            const preferences = (edges) => ({ uiapi: { query: { Social_Rep_Preference__c: { edges } } } });
            const otherDevice = {
                node: { Id: 'a04HU0000002PrefAAA', Timeline_Filter__c: { value: '{"channel":"x"}' } }
            };
            // Read again, the rep's record is there: the other device created it meanwhile.
            const refresh = jest.fn(() => {
                graphql.emit(preferences([otherDevice]), isPreferenceConfig, refresh);
                return Promise.resolve();
            });
            const element = createTimeline();
            await flushPromises();
            graphql.emit(preferences([]), isPreferenceConfig, refresh);
            await flushPromises();
            // The unique key (one record per rep and page) refuses the second create, as the UI API
            // reports a record save error (User Interface API Developer Guide, "Error with Output").
            const duplicate = {
                errorCode: 'DUPLICATE_VALUE',
                field: 'Preference_Key__c',
                message:
                    'duplicate value found: Preference_Key__c duplicates value on record with id: a04HU0000002PrefAAA'
            };
            createRecord.mockRejectedValueOnce({
                status: 400,
                body: {
                    enhancedErrorType: 'RecordError',
                    message: 'An error occurred while trying to update the record. Please try again.',
                    output: { errors: [], fieldErrors: { Preference_Key__c: [duplicate] } }
                }
            });
            const filter = await chooseFilter(element, { direction: 'Outbound' });
            await flushPromises();
            expect(createRecord).toHaveBeenCalledTimes(1);
            expect(refresh).toHaveBeenCalledTimes(1);
            expect(updateRecord).toHaveBeenCalledWith({
                fields: { Id: 'a04HU0000002PrefAAA', Timeline_Filter__c: JSON.stringify(filter) }
            });
            // The rep's own choice stays on screen, and is not saved twice.
            expect(timelineVariables().where.and[1]).toEqual({ Direction__c: { eq: 'Outbound' } });
            await chooseFilter(element, filter);
            expect(updateRecord).toHaveBeenCalledTimes(1);
            expect(createRecord).toHaveBeenCalledTimes(1);
        });

        it('leaves a refused first save for the next change when it is not a duplicate', async () => {
            const element = createTimeline();
            await flushPromises();
            createRecord.mockRejectedValueOnce({
                status: 403,
                body: [{ errorCode: 'INSUFFICIENT_ACCESS', message: 'No' }]
            });
            await chooseFilter(element, { direction: 'Outbound' });
            await flushPromises();
            expect(updateRecord).not.toHaveBeenCalled();
            // The next change tries again.
            await chooseFilter(element, { direction: 'Inbound' });
            expect(createRecord).toHaveBeenCalledTimes(2);
        });

        it('starts from the remembered filter, else the admin default', async () => {
            window.localStorage.setItem(
                `socialBridge.timelineFilter.${USER_ID}.Contact`,
                JSON.stringify({ direction: 'Outbound' })
            );
            createTimeline({ defaultFilter: 'needs_response' });
            await flushPromises();
            expect(timelineVariables().where.and[1]).toEqual({ Direction__c: { eq: 'Outbound' } });

            document.body.removeChild(document.body.firstChild);
            window.localStorage.clear();
            createTimeline({ defaultFilter: 'needs_response' });
            await flushPromises();
            expect(timelineVariables().where.and[1]).toEqual({ Status__c: { in: ['New', 'Needs_Response'] } });
        });

        it('searches the loaded interactions and says how far the search reaches', async () => {
            const element = createTimeline({ pageSize: 10 });
            await emitTimeline(firstPage);
            await flushPromises();
            const variablesBefore = timelineVariables();

            const filter = {
                channel: '',
                direction: '',
                visibility: '',
                status: '',
                from: '',
                to: '',
                search: 'postcode'
            };
            $(element, 'c-social-timeline-filters').dispatchEvent(
                new CustomEvent('filterchange', { detail: { filter } })
            );
            await flushPromises();

            expect(timelineVariables()).toEqual(variablesBefore);
            expect(interactionsOf(element)).toHaveLength(1);
            expect($(element, '.search-scope').textContent).toContain('the 4 interactions loaded so far');
            // Counted against the matches among those loaded, not the record's 7 (issue 19).
            expect($(element, '.summary').textContent).toBe('Showing 1 of 1 matches');
        });

        it('offers to clear filters that match nothing', async () => {
            window.localStorage.setItem(
                `socialBridge.timelineFilter.${USER_ID}.Contact`,
                JSON.stringify({ channel: 'x' })
            );
            const element = createTimeline();
            await emitTimeline(emptyPage);
            await flushPromises();
            expect($(element, '.no-matches').textContent).toContain('No interactions match these filters.');
            $(element, 'lightning-button.clear-filters').click();
            await flushPromises();
            expect(timelineVariables().where).toEqual(CONTACT_SCOPE);
        });
    });

    describe('empty, error and refresh', () => {
        it('leads to linking an identity when there is nothing yet', async () => {
            const element = createTimeline();
            await emitTimeline(emptyPage);
            await flushPromises();
            expect($(element, '.empty-message').textContent).toBe(
                "Link this person's social identities to see their posts, replies and messages here."
            );
            $(element, 'lightning-button.link-identity').click();
            expect(encodeDefaultFieldValues).toHaveBeenCalledWith({
                Contact__c: CONTACT_ID,
                Link_Status__c: 'Linked',
                Link_Source__c: 'Rep'
            });
            expect(getNavigateCalledWith().pageReference).toMatchObject({
                type: 'standard__objectPage',
                attributes: { objectApiName: 'Social_Identity__c', actionName: 'new' }
            });
        });

        it('says what went wrong and lets the rep retry', async () => {
            const refresh = jest.fn().mockResolvedValue(undefined);
            const element = createTimeline();
            await emitTimeline(firstPage, refresh);
            await flushPromises();
            await emitTimelineErrors(timelineErrors, refresh);
            await flushPromises();

            const panel = $(element, 'c-error-panel');
            expect(panel.friendlyMessage).toBe("Social interactions couldn't be loaded.");
            expect(panel.actionHint).toContain('Social Bridge Rep permission set');
            panel.dispatchEvent(new CustomEvent('retry'));
            await flushPromises();
            expect(refresh).toHaveBeenCalled();
        });

        it('refreshes when another component saves an interaction (RefreshView)', async () => {
            const refresh = jest.fn().mockResolvedValue(undefined);
            const element = createTimeline();
            await emitTimeline(firstPage, refresh);
            await flushPromises();
            const shown = interactionsOf(element).length;
            expect(shown).toBeGreaterThan(0);
            expect(registerRefreshHandler).toHaveBeenCalled();
            // The form that works under Lightning Locker as well as Lightning Web Security (LWC
            // Developer Guide, registerRefreshHandler()): the host HTMLElement and a bound handler.
            const [contextElement, handler] = registerRefreshHandler.mock.calls[0];
            expect(contextElement).toBe(element);
            await expect(handler.call(undefined)).resolves.toBe(true);
            expect(refresh).toHaveBeenCalledTimes(1);
            // The loaded messages stay on screen while the refreshed data is on its way.
            await flushPromises();
            expect(interactionsOf(element)).toHaveLength(shown);
        });

        it('keeps showing the first page when there is nothing to refresh with yet', async () => {
            const element = createTimeline();
            await emitTimeline(firstPage);
            await flushPromises();
            $(element, 'lightning-button-icon.refresh').click();
            await flushPromises();
            expect($(element, 'lightning-spinner')).toBeNull();
            expect($(element, '.summary').textContent).toBe('Showing 3 of 7 interactions');
        });

        it('goes back to the first page and then fetches it fresh when refreshed deeper in', async () => {
            const refresh = jest.fn().mockResolvedValue(undefined);
            const element = createTimeline();
            await emitTimeline(firstPage, refresh);
            await flushPromises();
            $(element, 'lightning-button.load-more').click();
            await flushPromises();
            await emitTimeline(secondPage, refresh);
            await flushPromises();

            $(element, 'lightning-button-icon.refresh').click();
            await flushPromises();
            expect(timelineVariables().after).toBeNull();
            await emitTimeline(firstPage, refresh);
            await flushPromises();
            expect(refresh).toHaveBeenCalledTimes(1);
            expect($(element, '.summary').textContent).toBe('Showing 3 of 7 interactions');
        });

        it('folds the filters away in a narrow sidebar until the rep opens them', async () => {
            const element = createTimeline({ flexipageRegionWidth: 'SMALL' });
            await emitTimeline(firstPage);
            await flushPromises();
            expect($(element, 'c-social-timeline-filters')).toBeNull();
            expect($(element, '.timeline').classList).toContain('timeline_narrow');
            const toggle = $(element, 'lightning-button-icon.filter-toggle');
            expect(toggle.alternativeText).toBe('Show filters');
            toggle.click();
            await flushPromises();
            expect($(element, 'c-social-timeline-filters').narrow).toBe(true);
            expect(toggle.alternativeText).toBe('Hide filters');
            await expect(element).toBeAccessible();
        });

        it('passes compact mode to every thread', async () => {
            const element = createTimeline({ compactMode: true });
            await emitTimeline(firstPage);
            await flushPromises();
            expect($(element, '.timeline').classList).toContain('timeline_compact');
            expect($(element, 'c-social-thread').compact).toBe(true);
        });

        it('explains where it works on other pages', async () => {
            const element = createTimeline({ objectApiName: 'Opportunity' });
            await flushPromises();
            expect($(element, '.unsupported').textContent).toContain('Contact, Lead, Account and Case');
        });
    });

    describe('engagement actions', () => {
        // The actions component of the row for interaction `id`, through the thread and row shadows.
        const actionsOf = (element, id) =>
            interactionsOf(element)
                .map((row) => row.querySelector('c-social-interaction-actions'))
                .find((actions) => actions && actions.record.id === id);

        it('gives each row its actions with the channel reply settings from the same query', async () => {
            const element = createTimeline({ pageSize: 10 });
            await emitTimeline(firstPage);
            await flushPromises();
            getObjectInfos.emit(REP_OBJECT_INFOS);
            await flushPromises();
            const actions = actionsOf(element, 'a01HU0000000007AAA');
            expect(actions.channel).toMatchObject({
                replyLimit: 280,
                lengthCounting: 'X_Weighted',
                supportsPrivate: true
            });
            expect(actions.record).toMatchObject({ accountId: '001HU000001AcmeAAA', caseId: null });
            actions.shadowRoot.querySelector('.action-reply').click();
            await flushPromises();
            const composer = actions.shadowRoot.querySelector('c-social-reply-composer');
            expect(composer.shadowRoot.querySelector('.reply-counter').textContent).toBe('0 of 280 characters');
        });

        it('re-reads after an action saves: the RefreshEvent leaves the timeline for the page', async () => {
            updateRecord.mockResolvedValue({});
            const element = createTimeline({ pageSize: 10 });
            await emitTimeline(firstPage);
            await flushPromises();
            const refreshes = [];
            document.body.addEventListener('lightning__refresh', (event) => refreshes.push(event));
            getObjectInfos.emit(REP_OBJECT_INFOS);
            await flushPromises();
            const actions = actionsOf(element, 'a01HU0000000007AAA');
            // Respond is in the row's overflow menu (the first action, Reply, is the button).
            actions.shadowRoot
                .querySelector('lightning-button-menu')
                .dispatchEvent(new CustomEvent('select', { detail: { value: 'respond' } }));
            await flushPromises();
            actions.shadowRoot.querySelector('.status-save').click();
            await flushPromises();
            expect(updateRecord.mock.calls[0][0]).toEqual({
                fields: expect.objectContaining({ Id: 'a01HU0000000007AAA', Status__c: 'Responded' })
            });
            expect(refreshes).toHaveLength(1);
        });
    });

    describe('delivery of our replies', () => {
        // Row shadows by interaction body, and the receipt under a reply.
        const rowWith = (element, text) =>
            interactionsOf(element).find((row) => row.querySelector('.body').textContent.includes(text));
        const receiptOf = (row) => row.querySelector('c-social-reply-delivery').shadowRoot;

        it('shows queued, sent with its permalink, and failed with the reason and a Retry', async () => {
            const element = createTimeline({ pageSize: 10 });
            await emitTimeline(deliveryPage);
            await flushPromises();
            getObjectInfos.emit(REP_OBJECT_INFOS);
            await flushPromises();

            const queued = receiptOf(rowWith(element, 'back within the hour'));
            expect(queued.querySelector('.delivery-state').textContent).toBe('Queued for delivery');
            expect(queued.querySelector('.delivery-retry')).toBeNull();
            // The question stays open until the reply is delivered, and says a reply is on its way.
            const question = rowWith(element, 'my order #4411');
            expect(question.querySelector('.reply-state').textContent).toBe('Reply queued');
            expect(question.querySelector('.status').textContent).toBe('Needs Response');
            // Replying again warns first: the customer would get both answers.
            const actions = question.querySelector('c-social-interaction-actions');
            actions.shadowRoot.querySelector('.action-reply').click();
            await flushPromises();
            const composer = actions.shadowRoot.querySelector('c-social-reply-composer');
            expect(composer.shadowRoot.querySelector('.reply-pending')).not.toBeNull();

            const sent = receiptOf(rowWith(element, 'ship to Portugal in 3 to 5 days'));
            expect(sent.querySelector('.delivery-state').textContent).toBe('Sent to X');
            const link = sent.querySelector('a.delivery-permalink');
            expect(link.getAttribute('href')).toBe('https://x.com/acme/status/1790000000000000021');
            expect(link.textContent).toBe('View on X');
            expect(link.rel).toBe('noopener noreferrer nofollow');
            expect(sent.querySelector('time.delivered-at').getAttribute('datetime')).toBe('2026-03-03T09:20:05.000Z');
            // The receipt holds the reply's permalink; the row does not repeat it.
            expect(rowWith(element, 'ship to Portugal in 3 to 5 days').querySelector('a.permalink')).toBeNull();
            expect(rowWith(element, 'Do you ship to Portugal?').querySelector('.reply-state')).toBeNull();

            const failed = receiptOf(rowWith(element, 'your refund went out today'));
            expect(failed.querySelector('.delivery-state').textContent).toBe('Not delivered to X after 3 attempts');
            expect(failed.querySelector('.delivery-reason').textContent).toBe(
                'Reason given: Refused: the post you replied to was deleted.'
            );
            expect(failed.querySelector('.delivery-reason span[dir="auto"]').textContent).toBe(
                'Refused: the post you replied to was deleted.'
            );
            expect(failed.querySelector('.delivery-retry')).not.toBeNull();
            expect(failed.querySelector('.delivery-private')).not.toBeNull();
            expect(rowWith(element, 'Still no refund').querySelector('.reply-state').textContent).toBe(
                'Reply not delivered'
            );
            await expect(element).toBeAccessible();
        });

        it('says a reply is queued even when the filter hides the reply itself', async () => {
            const element = createTimeline({ pageSize: 10 });
            // What the server answers under "Needs response": only the open question; our queued
            // reply to it arrives in the undelivered connection.
            const query = deliveryPage.uiapi.query;
            const [queuedReply, openQuestion] = query.Social_Interaction__c.edges;
            const needsResponse = {
                uiapi: {
                    query: {
                        ...query,
                        Social_Interaction__c: {
                            ...query.Social_Interaction__c,
                            edges: [openQuestion],
                            totalCount: 1
                        },
                        undelivered: { edges: [queuedReply] }
                    }
                }
            };
            await emitTimeline(needsResponse);
            await flushPromises();
            const rows = interactionsOf(element);
            expect(rows).toHaveLength(1);
            expect(rows[0].querySelector('.reply-state').textContent).toBe('Reply queued');
        });

        it('retries a failed reply: back in the queue, and the timeline re-reads', async () => {
            updateRecord.mockResolvedValue({});
            const element = createTimeline({ pageSize: 10 });
            await emitTimeline(deliveryPage);
            await flushPromises();
            const refreshes = [];
            document.body.addEventListener('lightning__refresh', (event) => refreshes.push(event));
            receiptOf(rowWith(element, 'your refund went out today')).querySelector('.delivery-retry').click();
            await flushPromises();
            // The fixture's node has no LastModifiedDate: the retry is then unconditional.
            expect(updateRecord.mock.calls[0][0]).toEqual({
                fields: {
                    Id: 'a01HU0000000031AAA',
                    Delivery_Status__c: 'Queued',
                    Delivery_Error__c: null,
                    Delivery_Attempts__c: 0
                }
            });
            expect(refreshes).toHaveLength(1);
        });
    });

    describe('threads cut by a page boundary', () => {
        const headingsOf = (element) =>
            $$(element, 'c-social-thread').map((thread) => [
                thread.shadowRoot.querySelector('.thread-heading').textContent,
                thread.shadowRoot.querySelector('.thread-count').textContent
            ]);
        const membersVariables = () => wireConfigs().find(isThreadMembersConfig)?.variables;
        // Page 2 brings the thread's head: our DM that started it the evening before.
        const head = {
            ...firstPage.uiapi.query.Social_Interaction__c.edges[1].node,
            Id: 'a01HU0000000000AAA',
            External_Id__c: { value: 'facebook:1790000000000000000' },
            Posted_At__c: { value: '2026-03-03T18:00:00.000Z' }
        };
        const secondConnection = secondPage.uiapi.query.Social_Interaction__c;
        const pageWithHead = {
            uiapi: {
                query: {
                    ...secondPage.uiapi.query,
                    Social_Interaction__c: { ...secondConnection, edges: [{ node: head }, ...secondConnection.edges] }
                }
            }
        };

        it('labels a thread as partial until its head is read, then names who started it and counts it whole', async () => {
            const element = createTimeline({ pageSize: 4 });
            await emitTimeline(firstPage);
            await flushPromises();
            // Page 1 ends with the customer's post: guessing from it would say "started by".
            expect(headingsOf(element)).toEqual([['Conversation with @ana_ruiz', '4+ messages']]);
            expect(membersVariables()).toEqual({
                where: { and: [CONTACT_SCOPE, { Thread_Key__c: { in: ['x:order-4411'] } }] }
            });

            graphql.emit(threadMembers, isThreadMembersConfig);
            await flushPromises();
            expect(headingsOf(element)).toEqual([['Conversation we started with @ana_ruiz', '4 of 5 messages shown']]);

            $(element, 'lightning-button.load-more').click();
            await emitTimeline(pageWithHead);
            await flushPromises();
            expect(headingsOf(element)).toEqual([
                ['Conversation we started with @ana_ruiz', '5 messages'],
                ['Conversation started by @ana_ruiz', '1 message'],
                ['Conversation started by @ana_ruiz', '2 messages']
            ]);
            // Everything is loaded and shown: no thread can be cut, nothing more is asked.
            expect(membersVariables().where.and[1]).toEqual({ Thread_Key__c: { in: ['x:order-4411'] } });
            await expect(element).toBeAccessible();
        });

        it('keeps the page limits and ignores the rep filter when it reads whole threads', async () => {
            window.localStorage.setItem(
                `socialBridge.timelineFilter.${USER_ID}.Contact`,
                JSON.stringify({ direction: 'Inbound' })
            );
            createTimeline({ pageSize: 4, showPrivate: false });
            await emitTimeline(firstPage);
            await flushPromises();
            expect(membersVariables()).toEqual({
                where: {
                    and: [
                        { and: [CONTACT_SCOPE, { Visibility__c: { eq: 'Public' } }] },
                        { Thread_Key__c: { in: ['x:order-4411'] } }
                    ]
                }
            });
        });

        it('stays labelled as partial when the thread members cannot be read', async () => {
            const element = createTimeline({ pageSize: 4 });
            await emitTimeline(firstPage);
            await flushPromises();
            graphql.emitErrors([{ message: 'Request failed' }], isThreadMembersConfig);
            await flushPromises();
            expect(headingsOf(element)).toEqual([['Conversation with @ana_ruiz', '4+ messages']]);
        });
    });

    describe('at volume (issue 19 items 1 and 2)', () => {
        const isOldestConfig = (config) => Boolean(config && config.variables && 'count' in config.variables);
        /** The rep picks a day in "Jump to date" and presses Go. */
        async function jumpToDate(element, day) {
            const date = $(element, 'lightning-input.jump-date');
            date.value = day;
            date.dispatchEvent(new CustomEvent('change'));
            await flushPromises();
            $(element, 'lightning-button.jump-go').click();
            await flushPromises();
        }
        /** The oldest query's answer: ids and dates only, oldest first. */
        function emitOldest(dates) {
            graphql.emit(
                {
                    uiapi: {
                        query: {
                            Social_Interaction__c: {
                                edges: dates.map((value, i) => ({ node: { Id: `a0${i}`, Posted_At__c: { value } } }))
                            }
                        }
                    }
                },
                isOldestConfig
            );
        }
        // n one-message threads, newest first, from `start`: a long history for windowing tests.
        async function loadPages(element, pages, pageSize) {
            for (let page = 1; page < pages; page += 1) {
                $(element, 'lightning-button.load-more').click();
                // eslint-disable-next-line no-await-in-loop
                await flushPromises();
                // eslint-disable-next-line no-await-in-loop
                await emitTimeline(
                    historyPage(page * pageSize, pageSize, {
                        total: 5000,
                        hasNextPage: true,
                        endCursor: `c${(page + 1) * pageSize}`
                    })
                );
                // eslint-disable-next-line no-await-in-loop
                await flushPromises();
            }
        }

        it('extends the view on "Load more": threads already rendered keep their DOM and view model', async () => {
            const element = createTimeline({ pageSize: 50 });
            await emitTimeline(historyPage(0, 200, { total: 5000, hasNextPage: true, endCursor: 'c200' }));
            await flushPromises();
            const firstRendered = $(element, 'c-social-thread');
            const firstView = firstRendered.thread;
            $(element, 'lightning-button.load-more').click();
            await flushPromises();
            expect($$(element, 'c-social-thread')).toHaveLength(100);
            expect($(element, 'c-social-thread')).toBe(firstRendered);
            expect(firstRendered.thread).toBe(firstView);
        });

        it('renders a bounded window however many are loaded, with handles to move it', async () => {
            const element = createTimeline({ pageSize: 200 });
            await emitTimeline(historyPage(0, 200, { total: 5000, hasNextPage: true, endCursor: 'c200' }));
            await flushPromises();
            await loadPages(element, 4, 200);
            expect($(element, '.summary').textContent).toBe('Showing 800 of 5,000 interactions');
            // 800 revealed, 100 rendered: each page passed the 200 limit, so the window dropped to
            // the newest 100. The 700 above are behind a handle, reachable by keyboard.
            expect($$(element, 'c-social-thread')).toHaveLength(100);
            const items = $$(element, 'li.thread-item');
            expect(items[0].getAttribute('aria-posinset')).toBe('701');
            expect(items[0].getAttribute('aria-setsize')).toBe('800');
            expect($(element, 'lightning-button.show-newer').label).toBe('Show newer conversations (700 above)');
            expect($(element, 'lightning-button.show-older')).toBeNull();

            $(element, 'lightning-button.show-newer').click();
            await flushPromises();
            expect($$(element, 'li.thread-item')[0].getAttribute('aria-posinset')).toBe('501');
            expect($$(element, 'c-social-thread')).toHaveLength(200);
            expect($(element, 'lightning-button.show-older').label).toBe('Show older conversations (100 below)');
            // "Load more" continues below the newest revealed: it waits until the window is back there.
            expect($(element, 'lightning-button.load-more')).toBeNull();
            $(element, 'lightning-button.show-older').click();
            await flushPromises();
            expect($$(element, 'li.thread-item')[0].getAttribute('aria-posinset')).toBe('701');
            expect($(element, 'lightning-button.load-more')).not.toBeNull();
        });

        it('jumps to a date in one request and keeps the total true', async () => {
            const element = createTimeline();
            await emitTimeline(historyPage(0, 200, { total: 5000, hasNextPage: true, endCursor: 'c200' }));
            await flushPromises();
            await jumpToDate(element, '2026-02-01');
            const endOfDay = new Date(new Date(2026, 1, 2).getTime() - 1).toISOString();
            expect(timelineVariables().after).toBeNull();
            expect(timelineVariables().first).toBe(200);
            expect(timelineVariables().where).toEqual({
                and: [CONTACT_SCOPE, { Posted_At__c: { lte: { value: endOfDay } } }]
            });
            // The jump's own count is what is posted on or before the day; the rest are newer.
            await emitTimeline(historyPage(4000, 200, { total: 1000, hasNextPage: true, endCursor: 'j200' }));
            await flushPromises();
            expect($(element, '.summary').textContent).toMatch(
                /^Showing 3 of 5,000 interactions, from .+ back \(4,000 newer above\)$/
            );
            $(element, 'lightning-button.jump-newest').click();
            await flushPromises();
            expect(timelineVariables().where).toEqual(CONTACT_SCOPE);
            expect($(element, 'lightning-button.jump-newest')).toBeNull();
        });

        it('pages newer from a jump point, a page at a time, and the count stays true', async () => {
            const element = createTimeline();
            await emitTimeline(historyPage(0, 200, { total: 5000, hasNextPage: true, endCursor: 'c200' }));
            await flushPromises();
            await jumpToDate(element, '2026-02-01');
            const endOfDay = timelineVariables().where.and[1].Posted_At__c.lte.value;
            // 1,000 at or before the jump (4000 to 4999), 4,000 newer.
            await emitTimeline(historyPage(4000, 200, { total: 1000, hasNextPage: true, endCursor: 'j200' }));
            await flushPromises();
            // Nothing newer is asked for until the rep wants it.
            expect(wireConfigs().find(isNewerConfig)).toBeUndefined();
            const loadNewer = $(element, 'lightning-button.load-newer');
            expect(loadNewer.label).toBe('Load newer');

            loadNewer.click();
            await flushPromises();
            // The same query and paging rules, oldest first, after the jump point only.
            const newerConfig = () => wireConfigs().find(isNewerConfig);
            expect(newerConfig().variables).toEqual({
                where: { and: [CONTACT_SCOPE, { Posted_At__c: { gt: { value: endOfDay } } }] },
                first: 200,
                after: null,
                upperBound: 50000,
                order: 'ASC',
                undelivered: undeliveredRepliesWhere(CONTACT_SCOPE)
            });
            expect($(element, 'lightning-button.load-newer').label).toBe('Loading newer…');
            // 3999 back to 3800: the 200 nearest the jump, oldest first.
            const newerPage = historyPage(3800, 200, { total: 4000, hasNextPage: true, endCursor: 'n200' });
            newerPage.uiapi.query.Social_Interaction__c.edges.reverse();
            await flushPromises();
            graphql.emit(newerPage, isNewerConfig);
            await flushPromises();
            // Three newer on top of the three from the jump: 3997, 3998, 3999, then 4000...
            const keys = () => $$(element, 'c-social-thread').map((thread) => thread.thread.key);
            expect(keys()).toEqual(['x:t3997', 'x:t3998', 'x:t3999', 'x:t4000', 'x:t4001', 'x:t4002']);
            expect($(element, '.summary').textContent).toMatch(
                /^Showing 6 of 5,000 interactions, from .+ back \(3,997 newer above\)$/
            );
            expect($(element, 'lightning-button.load-newer').label).toBe('Load newer');

            // The next newer page is already loaded: revealed without a request.
            $(element, 'lightning-button.load-newer').click();
            await flushPromises();
            expect(keys().slice(0, 4)).toEqual(['x:t3994', 'x:t3995', 'x:t3996', 'x:t3997']);
            expect($(element, '.summary').textContent).toMatch(/\(3,994 newer above\)$/);
            expect(newerConfig().variables.after).toBeNull();
            // "Load more" still continues older from the jump, below.
            expect(timelineVariables().where).toEqual({
                and: [CONTACT_SCOPE, { Posted_At__c: { lte: { value: endOfDay } } }]
            });
            await expect(element).toBeAccessible();

            // Back to newest ends it.
            $(element, 'lightning-button.jump-newest').click();
            await flushPromises();
            expect(wireConfigs().find(isNewerConfig)).toBeUndefined();
            expect($(element, 'lightning-button.load-newer')).toBeNull();
        });

        it('asks for the next newer page with the cursor, and reads plainly once the newest is reached', async () => {
            const element = createTimeline();
            await emitTimeline(historyPage(0, 200, { total: 8, hasNextPage: false, endCursor: 'c8' }));
            await flushPromises();
            $(element, 'lightning-button.jump-oldest').click();
            await flushPromises();
            emitOldest([7, 6, 5].map((n) => new Date(NOW - n * 60000).toISOString()));
            await flushPromises();
            await emitTimeline(historyPage(5, 3, { total: 3, hasNextPage: false, endCursor: 'o3' }));
            await flushPromises();
            expect($(element, '.summary').textContent).toMatch(/\(5 newer above\)$/);
            $(element, 'lightning-button.load-newer').click();
            await flushPromises();
            const first = historyPage(2, 3, { total: 5, hasNextPage: true, endCursor: 'n3' });
            first.uiapi.query.Social_Interaction__c.edges.reverse();
            graphql.emit(first, isNewerConfig);
            await flushPromises();
            expect($(element, '.summary').textContent).toMatch(/\(2 newer above\)$/);
            $(element, 'lightning-button.load-newer').click();
            await flushPromises();
            expect(wireConfigs().find(isNewerConfig).variables.after).toBe('n3');
            const second = historyPage(0, 2, { total: 5, hasNextPage: false, endCursor: 'n5' });
            second.uiapi.query.Social_Interaction__c.edges.reverse();
            graphql.emit(second, isNewerConfig);
            await flushPromises();
            // Everything is shown, newest first: the summary reads as it does without a jump.
            expect($(element, '.summary').textContent).toBe('Showing 8 of 8 interactions');
            expect($(element, 'lightning-button.load-newer')).toBeNull();
            expect($$(element, 'c-social-thread').map((thread) => thread.thread.key)).toEqual([
                'x:t0',
                'x:t1',
                'x:t2',
                'x:t3',
                'x:t4',
                'x:t5',
                'x:t6',
                'x:t7'
            ]);
        });

        it('reaches the oldest in one step: the date of the oldest page, then one page from there', async () => {
            const element = createTimeline();
            await emitTimeline(historyPage(0, 200, { total: 5000, hasNextPage: true, endCursor: 'c200' }));
            await flushPromises();
            $(element, 'lightning-button.jump-oldest').click();
            await flushPromises();
            const oldest = wireConfigs().find(isOldestConfig);
            expect(oldest.variables).toEqual({ where: CONTACT_SCOPE, count: 3 });
            const dates = [4999, 4998, 4997].map((n) => new Date(NOW - n * 60000).toISOString());
            emitOldest(dates);
            await flushPromises();
            expect(timelineVariables().where).toEqual({
                and: [CONTACT_SCOPE, { Posted_At__c: { lte: { value: dates[2] } } }]
            });
            await emitTimeline(historyPage(4997, 3, { total: 3, hasNextPage: false, endCursor: 'o3' }));
            await flushPromises();
            expect($(element, '.summary').textContent).toMatch(
                /^Showing 3 of 5,000 interactions, from .+ \(4,997 newer above\)$/
            );
            expect($(element, '.reached-oldest')).not.toBeNull();
            expect($$(element, 'c-social-thread')).toHaveLength(3);
            await expect(element).toBeAccessible();
        });
    });

    describe('accessibility', () => {
        it('is accessible with data', async () => {
            const element = createTimeline({ pageSize: 10 });
            await emitTimeline(firstPage);
            await flushPromises();
            await expect(element).toBeAccessible();
        });

        it('is accessible when empty', async () => {
            const element = createTimeline();
            await emitTimeline(emptyPage);
            await flushPromises();
            await expect(element).toBeAccessible();
        });

        it('is accessible with an error', async () => {
            const element = createTimeline();
            await emitTimelineErrors(timelineErrors);
            await flushPromises();
            await expect(element).toBeAccessible();
        });
    });
    // Issue #15 item 3: an admin turns a channel off (Social_Channel__c.Enabled__c = false); its
    // messages leave the timeline, the counts stay true, and a line says how many and why.
    describe('channels turned off', () => {
        const FACEBOOK_OFF = { and: [CONTACT_SCOPE, { Network__c: { nin: ['facebook'] } }] };
        const isHiddenCountConfig = (config) => Boolean(config && config.variables && config.variables.hidden);
        const hiddenCountConfig = () => wireConfigs().find(isHiddenCountConfig);

        /** The page as the server gives it with these channels turned off (and only others' messages). */
        function pageWith(disabled, { keepDisabledMessages = false } = {}) {
            const page = JSON.parse(JSON.stringify(firstPage));
            const query = page.uiapi.query;
            query.Social_Channel__c.edges.forEach(({ node }) => {
                node.Enabled__c.value = !disabled.includes(node.Network_Key__c.value);
            });
            if (!keepDisabledMessages) {
                const connection = query.Social_Interaction__c;
                connection.edges = connection.edges.filter(({ node }) => !disabled.includes(node.Network__c.value));
                connection.totalCount = connection.edges.length;
                connection.pageInfo = { hasNextPage: false, endCursor: null };
            }
            return page;
        }
        const hiddenCount = (totalCount) => ({ uiapi: { query: { Social_Interaction__c: { totalCount } } } });

        it('hides their messages, keeps the count true and says how many are hidden and why', async () => {
            const element = createTimeline();
            await flushPromises();
            expect(timelineVariables().where).toEqual(CONTACT_SCOPE);
            expect(hiddenCountConfig()).toBeUndefined();

            // The answer says Facebook is off, but the request did not leave it out: not shown, asked again.
            await emitTimeline(pageWith(['facebook'], { keepDisabledMessages: true }));
            await flushPromises();
            expect($$(element, 'c-social-thread')).toHaveLength(0);
            expect(timelineVariables().where).toEqual(FACEBOOK_OFF);
            expect(hiddenCountConfig().variables).toEqual({
                hidden: { and: [CONTACT_SCOPE, { Network__c: { in: ['facebook'] } }] }
            });

            await emitTimeline(pageWith(['facebook']));
            graphql.emit(hiddenCount(12), isHiddenCountConfig);
            await flushPromises();
            expect($(element, '.summary').textContent).toBe('Showing 2 of 2 interactions');
            expect($(element, '.hidden-channels').textContent.trim()).toBe(
                '12 messages from disabled channels (Facebook) are hidden. An admin turned these channels off.'
            );
            expect(interactionsOf(element)).toHaveLength(2);
            expect(interactionsOf(element).every((row) => !row.textContent.includes('Facebook'))).toBe(true);
            const filters = $(element, 'c-social-timeline-filters').shadowRoot;
            expect(filters.querySelector('.channel').options.map((o) => o.value)).not.toContain('facebook');
            await expect(element).toBeAccessible();
        });

        it('remembers them, so the next page load asks once, leaving them out from the start', async () => {
            const first = createTimeline();
            await emitTimeline(pageWith(['facebook'], { keepDisabledMessages: true }));
            await flushPromises();
            document.body.removeChild(first);

            const element = createTimeline();
            await flushPromises();
            expect(timelineVariables().where).toEqual(FACEBOOK_OFF);
            const requested = timelineConfig();
            await emitTimeline(pageWith(['facebook']));
            graphql.emit(hiddenCount(1), isHiddenCountConfig);
            await flushPromises();
            expect(timelineConfig()).toBe(requested);
            expect($$(element, 'c-social-thread')).toHaveLength(1);
            expect($(element, '.hidden-channels').textContent.trim()).toBe(
                '1 message from a disabled channel (Facebook) is hidden. An admin turned this channel off.'
            );
        });

        it('ignores a remembered choice of a channel now turned off', async () => {
            window.localStorage.setItem(
                `socialBridge.timelineFilter.${USER_ID}.Contact`,
                JSON.stringify({ ...EMPTY_FILTER, channel: 'facebook' })
            );
            window.localStorage.setItem('socialBridge.disabledChannels', JSON.stringify(['facebook']));
            createTimeline();
            await flushPromises();
            expect(timelineVariables().where).toEqual(FACEBOOK_OFF);
        });

        it('shows them again once the admin turns the channel back on', async () => {
            window.localStorage.setItem('socialBridge.disabledChannels', JSON.stringify(['facebook']));
            const element = createTimeline();
            await flushPromises();
            expect(timelineVariables().where).toEqual(FACEBOOK_OFF);
            graphql.emit(hiddenCount(2), isHiddenCountConfig);
            await emitTimeline(pageWith([]));
            await flushPromises();
            expect(timelineVariables().where).toEqual(CONTACT_SCOPE);
            expect(hiddenCountConfig()).toBeUndefined();
            expect(JSON.parse(window.localStorage.getItem('socialBridge.disabledChannels'))).toEqual([]);
            await emitTimeline(firstPage);
            await flushPromises();
            expect($(element, '.hidden-channels')).toBeNull();
            expect($(element, '.summary').textContent).toBe('Showing 3 of 7 interactions');
        });

        it('says nothing is hidden when the count cannot be read, and still hides them', async () => {
            window.localStorage.setItem('socialBridge.disabledChannels', JSON.stringify(['facebook']));
            const element = createTimeline();
            await emitTimeline(pageWith(['facebook']));
            graphql.emitErrors([{ message: 'No access' }], isHiddenCountConfig);
            await flushPromises();
            expect($(element, '.hidden-channels')).toBeNull();
            expect(timelineVariables().where).toEqual(FACEBOOK_OFF);
            expect($$(element, 'c-social-thread')).toHaveLength(1);
        });

        it('keeps loading, showing none of them, when a refresh names a channel turned off', async () => {
            const refresh = jest.fn(() => {
                graphql.emit(pageWith(['facebook'], { keepDisabledMessages: true }), isTimelineConfig);
                return Promise.resolve();
            });
            const element = createTimeline();
            await emitTimeline(firstPage, refresh);
            await flushPromises();
            expect($$(element, 'c-social-thread')).toHaveLength(1);
            const [, handler] = registerRefreshHandler.mock.calls[0];
            await expect(handler.call(undefined)).resolves.toBe(true);
            await flushPromises();
            expect(refresh).toHaveBeenCalledTimes(1);
            expect($$(element, 'c-social-thread')).toHaveLength(0);
            expect($(element, '.empty-message')).toBeNull();
            expect($(element, 'lightning-spinner')).not.toBeNull();
            expect(timelineVariables().where).toEqual(FACEBOOK_OFF);
            await emitTimeline(pageWith(['facebook']));
            await flushPromises();
            expect($(element, 'lightning-spinner')).toBeNull();
            expect($(element, '.summary').textContent).toBe('Showing 2 of 2 interactions');
        });

        it('counts the hidden ones again when the page refreshes', async () => {
            window.localStorage.setItem('socialBridge.disabledChannels', JSON.stringify(['facebook']));
            const refreshPage = jest.fn().mockResolvedValue(undefined);
            const refreshCount = jest.fn().mockResolvedValue(undefined);
            const element = createTimeline();
            await emitTimeline(pageWith(['facebook']), refreshPage);
            graphql.emit(hiddenCount(3), isHiddenCountConfig, refreshCount);
            await flushPromises();
            const [, handler] = registerRefreshHandler.mock.calls[0];
            await expect(handler.call(undefined)).resolves.toBe(true);
            expect(refreshPage).toHaveBeenCalledTimes(1);
            expect(refreshCount).toHaveBeenCalledTimes(1);
            graphql.emit(hiddenCount(4), isHiddenCountConfig);
            await flushPromises();
            expect($(element, '.hidden-channels').textContent).toContain(
                '4 messages from disabled channels (Facebook)'
            );
        });
    });
});
