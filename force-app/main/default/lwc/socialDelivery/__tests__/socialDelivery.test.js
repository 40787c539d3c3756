import {
    DELIVERY_STATUS,
    REPLY_STATE,
    answeredBy,
    isFailed,
    isPending,
    replacedReplyInput,
    replyStateByInbound,
    retryInput,
    undeliveredRepliesWhere
} from 'c/socialDelivery';

const reply = (id, deliveryStatus, extra = {}) => ({
    id,
    direction: 'Outbound',
    inReplyTo: 'x:1',
    deliveryStatus,
    status: 'Responded',
    ...extra
});

describe('socialDelivery', () => {
    it.each([
        [DELIVERY_STATUS.QUEUED, true, false],
        [DELIVERY_STATUS.SENDING, true, false],
        [DELIVERY_STATUS.SENT, false, false],
        [DELIVERY_STATUS.FAILED, false, true],
        [null, false, false]
    ])('an outbound reply %s is pending: %s, failed: %s', (status, pending, failed) => {
        expect(isPending(reply('r', status))).toBe(pending);
        expect(isFailed(reply('r', status))).toBe(failed);
        // Delivery states belong to replies: an inbound never is one.
        expect(isPending({ ...reply('r', status), direction: 'Inbound' })).toBe(false);
        expect(isFailed({ ...reply('r', status), direction: 'Inbound' })).toBe(false);
    });

    it.each([
        ['one queued reply', [reply('a', 'Queued')], REPLY_STATE.QUEUED],
        ['one claimed reply', [reply('a', 'Sending')], REPLY_STATE.QUEUED],
        ['a failed reply', [reply('a', 'Failed')], REPLY_STATE.FAILED],
        ['a failed reply and a queued retry', [reply('a', 'Failed'), reply('b', 'Queued')], REPLY_STATE.QUEUED],
        ['one reply delivered', [reply('a', 'Queued'), reply('b', 'Sent')], REPLY_STATE.SENT],
        ['a failed reply the rep closed', [reply('a', 'Failed', { status: 'Closed' })], undefined],
        ['an inbound, not a reply', [{ ...reply('a', 'Queued'), direction: 'Inbound' }], undefined]
    ])('an inbound answered by %s shows %s', (name, interactions, expected) => {
        expect(replyStateByInbound(interactions).get('x:1')).toBe(expected);
    });

    it('asks for our undelivered replies in a scope, however old, as a filter variable', () => {
        expect(undeliveredRepliesWhere({ Lead__c: { eq: '00Q1' } })).toEqual({
            and: [
                { Lead__c: { eq: '00Q1' } },
                { Direction__c: { eq: 'Outbound' } },
                { Delivery_Status__c: { in: ['Queued', 'Sending', 'Failed'] } },
                { Status__c: { ne: 'Closed' } }
            ]
        });
    });

    it('writes a retry as the contract says: queued, no error, attempts from zero', () => {
        expect(retryInput(reply('a01', 'Failed', { deliveryError: 'gone' }))).toEqual({
            fields: { Id: 'a01', Delivery_Status__c: 'Queued', Delivery_Error__c: null, Delivery_Attempts__c: 0 }
        });
    });

    it('closes a replaced reply with the reason', () => {
        expect(replacedReplyInput({ id: 'a01' }, 'Replaced')).toEqual({
            fields: { Id: 'a01', Status__c: 'Closed', Status_Reason__c: 'Replaced' }
        });
    });

    it('answers the same message as the reply did', () => {
        const answered = answeredBy(
            reply('a01', 'Failed', {
                network: 'x',
                visibility: 'Public',
                threadKey: 'x:0',
                identityId: 'i',
                contactId: 'c',
                leadId: null,
                accountId: 'acc',
                caseId: null
            })
        );
        expect(answered).toMatchObject({
            externalId: 'x:1',
            network: 'x',
            threadKey: 'x:0',
            identityId: 'i',
            contactId: 'c',
            accountId: 'acc'
        });
    });
});
