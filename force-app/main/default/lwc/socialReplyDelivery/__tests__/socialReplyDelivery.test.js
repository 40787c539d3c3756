import { createElement } from '@lwc/engine-dom';
import SocialReplyDelivery from 'c/socialReplyDelivery';
import { updateRecord } from 'lightning/uiRecordApi';
import { deliveryView } from 'c/socialTimelineView';
import flushPromises from '../../../../../test/flushPromises';
import recordError from '../../../../../test/recordError';

const NOW = Date.parse('2026-03-04T12:00:00.000Z');
const X = { name: 'X', networkKey: 'x', replyLimit: 280, lengthCounting: 'X_Weighted', supportsPrivate: true };
const COMMUNITY = { name: 'Community', networkKey: 'community', supportsPrivate: false };
const FAILED = {
    id: 'a01HU0000000031AAA',
    lastModifiedDate: '2026-03-03T09:21:00.000Z',
    externalId: 'x:local-8d1f3a20',
    network: 'x',
    direction: 'Outbound',
    visibility: 'Public',
    body: 'Sorry Ana, your refund went out today.',
    threadKey: 'x:1790000000000000030',
    inReplyTo: 'x:1790000000000000030',
    identityId: 'a00HU000000Ana1AAA',
    contactId: '003HU000001AnaRAA',
    leadId: null,
    accountId: '001HU000001AcmeAAA',
    caseId: null,
    status: 'Responded',
    postedAt: NOW - 60 * 60000,
    deliveryStatus: 'Failed',
    deliveryError: 'Refused: the post you replied to was deleted.',
    deliveryAttempts: 1
};

function createReceipt(record = FAILED, channel = X) {
    const element = createElement('c-social-reply-delivery', { is: SocialReplyDelivery });
    Object.assign(element, { record, channel, delivery: deliveryView(record, { [channel.networkKey]: channel }, NOW) });
    const toasts = [];
    const refreshes = [];
    element.addEventListener('lightning__showtoast', (event) => toasts.push(event.detail));
    element.addEventListener('lightning__refresh', (event) => refreshes.push(event));
    document.body.appendChild(element);
    return { element, toasts, refreshes };
}
const $ = (element, selector) => element.shadowRoot.querySelector(selector);

describe('c-social-reply-delivery', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
    });

    it('retries a failed reply: queued again, a toast, and the page re-reads', async () => {
        updateRecord.mockResolvedValue({ id: FAILED.id, fields: {} });
        const { element, toasts, refreshes } = createReceipt();
        await expect(element).toBeAccessible();
        $(element, '.delivery-retry').click();
        await flushPromises();
        expect(updateRecord).toHaveBeenCalledWith(
            {
                fields: {
                    Id: FAILED.id,
                    Delivery_Status__c: 'Queued',
                    Delivery_Error__c: null,
                    Delivery_Attempts__c: 0
                }
            },
            { ifUnmodifiedSince: FAILED.lastModifiedDate }
        );
        expect(toasts).toEqual([
            expect.objectContaining({ title: 'Reply queued again for delivery on X.', variant: 'success' })
        ]);
        expect(refreshes).toHaveLength(1);
    });

    it('says why a retry was not saved, and keeps the Retry', async () => {
        updateRecord.mockRejectedValue(
            recordError({}, [
                { errorCode: 'INSUFFICIENT_ACCESS', message: 'You do not have access to edit this record.' }
            ])
        );
        const { element, toasts, refreshes } = createReceipt();
        $(element, '.delivery-retry').click();
        await flushPromises();
        expect($(element, '.delivery-error').textContent).toBe(
            'Could not save: You do not have access to edit this record.'
        );
        expect($(element, '.delivery-retry').disabled).toBe(false);
        expect(toasts).toEqual([]);
        expect(refreshes).toEqual([]);
        await expect(element).toBeAccessible();
    });

    it('offers a private reply instead: the composer answers the same message with the same text', async () => {
        const { element } = createReceipt();
        $(element, '.delivery-private').click();
        await flushPromises();
        const composer = $(element, 'c-social-reply-composer');
        expect(composer.replaces).toEqual(FAILED);
        expect(composer.record).toMatchObject({ externalId: FAILED.inReplyTo, threadKey: FAILED.threadKey });
        expect(composer.shadowRoot.querySelector('.reply-body').value).toBe(FAILED.body);
        expect(composer.shadowRoot.querySelector('.reply-private').checked).toBe(true);
        composer.dispatchEvent(new CustomEvent('cancel'));
        await flushPromises();
        expect($(element, 'c-social-reply-composer')).toBeNull();
    });

    it('offers no private reply where the channel has none, nor for a reply already private', async () => {
        const community = { ...FAILED, network: 'community' };
        expect($(createReceipt(community, COMMUNITY).element, '.delivery-private')).toBeNull();
        const direct = { ...FAILED, visibility: 'Private' };
        expect($(createReceipt(direct).element, '.delivery-private')).toBeNull();
    });

    it('shows a reply queued again after a try the receiver asked to repeat, with what it said, and no Retry', async () => {
        const requeued = {
            ...FAILED,
            deliveryStatus: 'Queued',
            deliveryError: 'receiver answered 503: busy',
            deliveryAttempts: 2
        };
        const { element } = createReceipt(requeued);
        expect($(element, '.delivery-state').textContent).toBe('Queued for delivery');
        expect($(element, '.delivery-reason').textContent).toBe('Last try: receiver answered 503: busy');
        expect($(element, '.delivery-retry')).toBeNull();
        expect($(element, '.delivery-private')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('shows a sent reply with its permalink as a link, never as markup', async () => {
        const sent = {
            ...FAILED,
            deliveryStatus: 'Sent',
            deliveryError: null,
            permalink: 'https://x.com/acme/status/1790000000000000031?a=<b>x</b>',
            deliveredAt: NOW - 2 * 60000
        };
        const { element } = createReceipt(sent);
        const link = $(element, 'a.delivery-permalink');
        // The URL only ever reaches the href attribute, normalised (c/socialBodyText.safeHref).
        expect(link.getAttribute('href')).toBe('https://x.com/acme/status/1790000000000000031?a=%3Cb%3Ex%3C/b%3E');
        expect(link.textContent).toBe('View on X');
        expect(link.querySelector('b')).toBeNull();
        expect($(element, '.delivered-at').textContent).toBe('2 min ago');
        expect($(element, '.delivery-retry')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('queues nothing twice: a reply another rep already retried answers a conflict, and the page re-reads', async () => {
        updateRecord.mockRejectedValue({
            status: 412,
            body: [{ errorCode: 'PRECONDITION_FAILED', message: 'modified' }]
        });
        const { element, toasts, refreshes } = createReceipt();
        $(element, '.delivery-retry').click();
        await flushPromises();
        expect(element.shadowRoot.textContent).toContain('Someone else changed this message');
        expect(toasts).toEqual([]);
        expect(refreshes).toHaveLength(1);
    });
});
