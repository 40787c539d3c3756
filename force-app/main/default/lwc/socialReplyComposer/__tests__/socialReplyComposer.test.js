import { createElement } from '@lwc/engine-dom';
import SocialReplyComposer from 'c/socialReplyComposer';
import { createRecord, updateRecord } from 'lightning/uiRecordApi';
import { answeredBy } from 'c/socialDelivery';
import flushPromises from '../../../../../test/flushPromises';
import recordError from '../../../../../test/recordError';
import INBOUND from './data/inboundQuestion.json';

const FAILED_REPLY = {
    id: 'a01000000000050AAA',
    lastModifiedDate: '2026-03-03T09:21:00.000Z',
    externalId: 'x:local-5b1d',
    network: 'x',
    direction: 'Outbound',
    visibility: 'Public',
    body: 'Sorry about that! Could you tell us your order number?',
    threadKey: 'x:1890000',
    inReplyTo: 'x:1890001',
    identityId: INBOUND.identityId,
    contactId: INBOUND.contactId,
    leadId: null,
    accountId: INBOUND.accountId,
    caseId: null,
    status: 'Responded',
    deliveryStatus: 'Failed',
    deliveryError: 'The post you replied to was deleted.'
};
const X = { name: 'X', networkKey: 'x', replyLimit: 280, lengthCounting: 'X_Weighted', supportsPrivate: true };
const COMMUNITY = {
    name: 'Community',
    networkKey: 'community',
    replyLimit: 10,
    lengthCounting: 'Characters',
    supportsPrivate: false
};

function createComposer(props = {}) {
    const element = createElement('c-social-reply-composer', { is: SocialReplyComposer });
    Object.assign(element, { record: INBOUND, channel: X, ...props });
    const toasts = [];
    const refreshes = [];
    const sent = jest.fn();
    element.addEventListener('lightning__showtoast', (event) => toasts.push(event.detail));
    element.addEventListener('lightning__refresh', (event) => refreshes.push(event));
    element.addEventListener('sent', sent);
    document.body.appendChild(element);
    return { element, toasts, refreshes, sent };
}
const $ = (element, selector) => element.shadowRoot.querySelector(selector);

async function type(element, text) {
    const textarea = $(element, '.reply-body');
    textarea.value = text;
    textarea.dispatchEvent(new CustomEvent('input'));
    await flushPromises();
}

describe('c-social-reply-composer', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
    });

    it('counts the way X does as the rep types, and blocks a reply over the limit', async () => {
        const { element } = createComposer();
        await type(element, 'Thanks! https://example.com/help/articles/1234 你好');
        expect($(element, '.reply-counter').textContent).toBe(`${8 + 23 + 1 + 4} of 280 characters`);
        expect($(element, '.reply-send').disabled).toBe(false);
        await type(element, 'a'.repeat(281));
        expect($(element, '.reply-counter').textContent).toBe('281 of 280 characters: shorten it by 1 for X.');
        expect($(element, '.reply-counter').className).toContain('counter_over');
        expect($(element, '.reply-send').disabled).toBe(true);
        await expect(element).toBeAccessible();
    });

    it('drops the public limit for a private message', async () => {
        const { element } = createComposer();
        await type(element, 'a'.repeat(300));
        const privateRadio = $(element, '.reply-private');
        privateRadio.checked = true;
        privateRadio.dispatchEvent(new CustomEvent('change'));
        await flushPromises();
        expect($(element, '.reply-counter').textContent).toBe('300 characters');
        expect($(element, '.reply-send').disabled).toBe(false);
    });

    it('lists personal data in a public reply, blocks it, and sends privately in one click', async () => {
        createRecord.mockResolvedValue({ id: 'a01000000000099AAA', fields: {} });
        const { element, toasts, refreshes, sent } = createComposer();
        await type(element, 'Your card 4111 1111 1111 1111 is blocked, call +44 20 7946 0958');
        const warning = $(element, '.personal-data-warning');
        expect(warning).not.toBeNull();
        expect([...warning.querySelectorAll('.personal-data-item')].map((item) => item.textContent)).toEqual([
            'Card number: …1111',
            'Phone number: …0958'
        ]);
        expect($(element, '.reply-send').disabled).toBe(true);
        await expect(element).toBeAccessible();

        $(element, '.reply-send-private').click();
        await flushPromises();
        const { fields } = createRecord.mock.calls[0][0];
        expect(fields).toMatchObject({
            Visibility__c: 'Private',
            Kind__c: 'Direct Message',
            Direction__c: 'Outbound',
            Delivery_Status__c: 'Queued',
            In_Reply_To__c: 'x:1890001'
        });
        expect(fields.External_Id__c).toMatch(/^x:local-[0-9a-f-]{36}$/);
        // The inbound is answered when the reply is delivered, not when it is queued.
        expect(updateRecord).not.toHaveBeenCalled();
        expect(toasts).toEqual([
            expect.objectContaining({ title: 'Reply queued for delivery on X.', variant: 'success' })
        ]);
        expect(refreshes).toHaveLength(1);
        expect(sent).toHaveBeenCalledTimes(1);
    });

    it('says there is no private option where the channel has none', async () => {
        const { element } = createComposer({ channel: COMMUNITY });
        await type(element, 'mail me: ana@example.com');
        expect($(element, '.reply-private')).toBeNull();
        expect($(element, '.reply-send-private')).toBeNull();
        expect($(element, '.no-private').textContent).toBe(
            'Community has no private messages: remove the personal data before replying.'
        );
        expect($(element, '.reply-send').disabled).toBe(true);
    });

    it('queues a public reply and leaves the inbound unanswered until delivery', async () => {
        createRecord.mockResolvedValue({ id: 'a01000000000099AAA', fields: {} });
        const { element, toasts, refreshes } = createComposer();
        await type(element, 'We are on it, sorry for the wait.');
        $(element, '.reply-send').click();
        await flushPromises();
        expect(createRecord).toHaveBeenCalledWith({
            apiName: 'Social_Interaction__c',
            fields: expect.objectContaining({
                Visibility__c: 'Public',
                Kind__c: 'Reply',
                Body__c: 'We are on it, sorry for the wait.',
                Thread_Key__c: 'x:1890000',
                Contact__c: INBOUND.contactId,
                Account__c: INBOUND.accountId,
                Status__c: 'Responded'
            })
        });
        expect(updateRecord).not.toHaveBeenCalled();
        expect(toasts).toEqual([
            expect.objectContaining({ title: 'Reply queued for delivery on X.', variant: 'success' })
        ]);
        expect(refreshes).toHaveLength(1);
        expect($(element, '.reply-body').value).toBe('');
    });

    it('shows a validation error next to the text and saves nothing else', async () => {
        createRecord.mockRejectedValue(
            recordError({
                Body__c: [{ errorCode: 'STRING_TOO_LONG', field: 'Body__c', message: 'Body: data value too large' }]
            })
        );
        const { element, toasts, refreshes } = createComposer();
        await type(element, 'Hello');
        $(element, '.reply-send').click();
        await flushPromises();
        expect($(element, '.body-error').textContent).toBe('Body: data value too large');
        expect($(element, '.reply-error')).toBeNull();
        expect(updateRecord).not.toHaveBeenCalled();
        expect(toasts).toEqual([]);
        expect(refreshes).toEqual([]);
        expect($(element, '.reply-body').value).toBe('Hello');
        await expect(element).toBeAccessible();
    });

    it('shows a page-level failure (e.g. no access) with what to do', async () => {
        createRecord.mockRejectedValue(
            recordError({}, [
                { errorCode: 'INSUFFICIENT_ACCESS', message: 'You do not have access to create this record.' }
            ])
        );
        const { element } = createComposer();
        await type(element, 'Hello');
        $(element, '.reply-send').click();
        await flushPromises();
        expect($(element, '.reply-error').textContent).toBe(
            'Could not save: You do not have access to create this record.'
        );
    });

    it('replaces a failed public reply: its text, private, then the failed reply closed', async () => {
        createRecord.mockResolvedValue({ id: 'a01000000000099AAA', fields: {} });
        updateRecord.mockResolvedValue({ id: FAILED_REPLY.id, fields: {} });
        const { element, toasts, refreshes, sent } = createComposer({
            record: answeredBy(FAILED_REPLY),
            replaces: FAILED_REPLY
        });
        await flushPromises();
        expect($(element, '.reply-body').value).toBe(FAILED_REPLY.body);
        expect($(element, '.reply-private').checked).toBe(true);
        $(element, '.reply-send').click();
        await flushPromises();
        expect(createRecord.mock.calls[0][0].fields).toMatchObject({
            Visibility__c: 'Private',
            Kind__c: 'Direct Message',
            Body__c: FAILED_REPLY.body,
            In_Reply_To__c: 'x:1890001',
            Thread_Key__c: 'x:1890000',
            Contact__c: INBOUND.contactId
        });
        expect(updateRecord).toHaveBeenCalledWith(
            { fields: { Id: FAILED_REPLY.id, Status__c: 'Closed', Status_Reason__c: 'Replaced by a private reply' } },
            { ifUnmodifiedSince: FAILED_REPLY.lastModifiedDate }
        );
        expect(toasts[0]).toMatchObject({ title: 'Reply queued for delivery on X.', variant: 'success' });
        expect(refreshes).toHaveLength(1);
        expect(sent).toHaveBeenCalledTimes(1);
        await expect(element).toBeAccessible();
    });

    it('says what is left when closing the replaced reply fails', async () => {
        createRecord.mockResolvedValue({ id: 'a01000000000099AAA', fields: {} });
        updateRecord.mockRejectedValue(
            recordError({}, [{ errorCode: 'ENTITY_IS_LOCKED', message: 'This record is locked.' }])
        );
        const { element, toasts, refreshes, sent } = createComposer({
            record: answeredBy(FAILED_REPLY),
            replaces: FAILED_REPLY
        });
        await flushPromises();
        $(element, '.reply-send').click();
        await flushPromises();
        expect($(element, '.reply-partial').textContent).toContain(
            'Your private reply is queued, but the reply that was not delivered is still open: This record is locked. Close it from its actions.'
        );
        expect(toasts[0]).toMatchObject({ title: 'Private reply queued; failed reply still open', variant: 'warning' });
        expect(refreshes).toHaveLength(1);
        expect(sent).not.toHaveBeenCalled();
        await expect(element).toBeAccessible();
    });

    it('tells the rep when a reply to the message is already on its way, and still lets them send', async () => {
        const { element } = createComposer({ replyPending: true });
        await flushPromises();
        expect($(element, '.reply-pending').textContent.trim()).toBe(
            'A reply to this message is already queued for delivery. Send another only if it adds something: the customer will get both.'
        );
        await type(element, 'One more thing: tracking is 4411.');
        expect($(element, '.reply-send').disabled).toBe(false);
        await expect(element).toBeAccessible();
        expect($(createComposer().element, '.reply-pending')).toBeNull();
    });

    it('answers a direct message privately by default', async () => {
        const { element } = createComposer({ record: { ...INBOUND, visibility: 'Private' } });
        await flushPromises();
        expect($(element, '.reply-private').checked).toBe(true);
        await type(element, 'card 4111 1111 1111 1111');
        expect($(element, '.personal-data-warning')).toBeNull();
    });
});
