import { VISIBILITY, newUuid, outboundReplyInput } from '../replyRecord';
import inbound from './data/inboundQuestion.json';

const NOW = new Date('2026-03-04T12:00:00.000Z');

describe('replyRecord', () => {
    it('builds a queued public reply linked to the inbound and its person', () => {
        const input = outboundReplyInput(inbound, { body: 'Hi', visibility: VISIBILITY.PUBLIC, now: NOW, uuid: 'u-1' });
        expect(input).toEqual({
            apiName: 'Social_Interaction__c',
            fields: {
                External_Id__c: 'x:local-u-1',
                Network__c: 'x',
                Direction__c: 'Outbound',
                Visibility__c: 'Public',
                Kind__c: 'Reply',
                Body__c: 'Hi',
                Thread_Key__c: 'x:1890000',
                In_Reply_To__c: 'x:1890001',
                Identity__c: 'a02000000000001AAA',
                Contact__c: '003000000000001AAA',
                Lead__c: null,
                Account__c: '001000000000001AAA',
                Case__c: null,
                Posted_At__c: '2026-03-04T12:00:00.000Z',
                Delivery_Status__c: 'Queued',
                Status__c: 'Responded'
            }
        });
    });

    it('builds a direct message without the personal-data flag, which reps cannot edit', () => {
        const { fields } = outboundReplyInput(
            { ...inbound, threadKey: null },
            { body: 'card 4111…', visibility: VISIBILITY.PRIVATE, now: NOW, uuid: 'u-2' }
        );
        expect(fields.Kind__c).toBe('Direct Message');
        expect(fields.Visibility__c).toBe('Private');
        expect(fields.Thread_Key__c).toBe('x:1890001');
        expect(fields).not.toHaveProperty('Contains_Personal_Data__c');
    });

    it('makes v4 UUIDs with or without crypto.randomUUID', () => {
        const v4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
        const fromBytes = newUuid({ getRandomValues: (bytes) => bytes.fill(255) });
        expect(fromBytes).toMatch(v4);
        expect(newUuid({ randomUUID: () => 'given' })).toBe('given');
    });
});
