import { channelsByKey, nodesOf, toChannel, toInteraction } from 'c/socialInteractionModel';

const firstPage = require('../../socialTimeline/__tests__/data/timelineFirstPage.json');

describe('c/socialInteractionModel', () => {
    it('reads a GraphQL interaction node into a plain interaction', () => {
        const [question] = nodesOf(firstPage.uiapi.query.Social_Interaction__c, toInteraction);
        expect(question).toMatchObject({
            id: 'a01HU0000000007AAA',
            network: 'x',
            direction: 'Inbound',
            visibility: 'Public',
            intent: 'Question',
            status: 'Needs_Response',
            statusLabel: 'Needs Response',
            postedAt: Date.parse('2026-03-04T11:40:00.000Z'),
            responseDueAt: Date.parse('2026-03-04T12:40:00.000Z'),
            firstResponseAt: null,
            threadKey: 'x:order-4411',
            contactName: 'Ana Ruiz',
            authorHandle: 'ana_ruiz',
            containsPersonalData: false,
            authorIsAdvocate: false
        });
    });

    it('tolerates missing relationships, fields and connections', () => {
        const interaction = toInteraction({
            Id: 'a01',
            Network__c: { value: ' X ' },
            Posted_At__c: { value: 'not a date' }
        });
        expect(interaction).toMatchObject({
            id: 'a01',
            network: 'x',
            postedAt: null,
            body: '',
            authorHandle: null,
            contactName: null
        });
        expect(nodesOf(undefined, toInteraction)).toEqual([]);
        expect(nodesOf({ edges: [null, { node: null }] }, toInteraction)).toEqual([]);
    });

    it('reads channels, treating an unset Enabled__c as enabled and false as turned off', () => {
        const channels = nodesOf(firstPage.uiapi.query.Social_Channel__c, toChannel);
        expect(channels.map((c) => [c.networkKey, c.enabled, c.slaMinutes])).toEqual([
            ['x', true, 60],
            ['facebook', true, 240],
            ['community', true, 1440],
            ['reddit', true, null]
        ]);
        expect(
            toChannel({ Id: 'a03', Network_Key__c: { value: 'reddit' }, Enabled__c: { value: false } })
        ).toMatchObject({
            networkKey: 'reddit',
            enabled: false
        });
        expect(toChannel({ Id: 'a02', Network_Key__c: { value: 'YouTube' } })).toMatchObject({
            networkKey: 'youtube',
            enabled: true
        });
        expect(Object.keys(channelsByKey(channels))).toEqual(['x', 'facebook', 'community', 'reddit']);
    });
});
