import {
    EMPTY_FILTER,
    buildWhere,
    disabledChannelsWhere,
    isFiltered,
    matchesSearch,
    normaliseFilter,
    parseChannelList,
    presetFilter,
    readStoredFilter,
    recordScope,
    startOfDay,
    storageKey,
    writeStoredFilter
} from 'c/socialTimelineFilter';

const CONTACT = '003000000000001AAA';

describe('c/socialTimelineFilter', () => {
    // Only confirmed identities put messages on a record (docs/interactions.md step 2), and they do
    // through the identity's current link (one write re-homes them), read through the parent
    // relationship filters the GraphQL API documents
    // (https://developer.salesforce.com/docs/platform/graphql/guide/filter-parent.html).
    const LEAD = '00Q000000000001AAA';
    const ACCOUNT = '001000000000001AAA';
    const person = (own, throughIdentity) => ({
        or: [
            { and: [{ Identity__c: { eq: null } }, own] },
            { Identity__r: { and: [{ Link_Status__c: { eq: 'Linked' } }, throughIdentity] } }
        ]
    });
    const contactScope = (id) => {
        const self = { or: [{ Contact__c: { eq: id } }, { Lead__r: { ConvertedContactId: { eq: id } } }] };
        return person(self, self);
    };

    it.each([
        ['Contact', CONTACT, null, contactScope(CONTACT)],
        ['Lead', LEAD, null, person({ Lead__c: { eq: LEAD } }, { Lead__c: { eq: LEAD } })],
        [
            'Account',
            ACCOUNT,
            null,
            person(
                { or: [{ Account__c: { eq: ACCOUNT } }, { Lead__r: { ConvertedAccountId: { eq: ACCOUNT } } }] },
                {
                    or: [
                        { Contact__r: { AccountId: { eq: ACCOUNT } } },
                        { Lead__r: { ConvertedAccountId: { eq: ACCOUNT } } }
                    ]
                }
            )
        ],
        ['Case', '500000000000001AAA', null, { Case__c: { eq: '500000000000001AAA' } }],
        [
            'Case',
            '500000000000001AAA',
            CONTACT,
            { or: [{ Case__c: { eq: '500000000000001AAA' } }, contactScope(CONTACT)] }
        ],
        ['Opportunity', '006000000000001AAA', null, null],
        ['Contact', undefined, null, null]
    ])('scope on a %s page', (objectApiName, recordId, caseContactId, expected) => {
        expect(recordScope(objectApiName, recordId, caseContactId)).toEqual(expected);
    });

    it('is the bare scope when nothing is filtered', () => {
        const scope = recordScope('Contact', CONTACT);
        expect(buildWhere({ scope, filter: EMPTY_FILTER })).toEqual(scope);
    });

    it('ANDs every chosen filter as input values, never as query text', () => {
        const scope = recordScope('Contact', CONTACT);
        const where = buildWhere({
            scope,
            filter: {
                ...EMPTY_FILTER,
                channel: 'x',
                direction: 'Inbound',
                visibility: 'Public',
                status: 'open',
                from: '2026-03-01',
                to: '2026-03-04'
            },
            allowedChannels: ['x', 'facebook'],
            showPrivate: true,
            postedAtOrBefore: '2026-03-03T10:00:00.000Z'
        });
        expect(where.and[0]).toBe(scope);
        expect(where.and).toEqual(
            expect.arrayContaining([
                { Network__c: { eq: 'x' } },
                { Direction__c: { eq: 'Inbound' } },
                { Visibility__c: { eq: 'Public' } },
                { Status__c: { in: ['New', 'Needs_Response'] } },
                { Posted_At__c: { gte: { value: startOfDay('2026-03-01') } } },
                { Posted_At__c: { lt: { value: startOfDay('2026-03-05') } } },
                { Posted_At__c: { lte: { value: '2026-03-03T10:00:00.000Z' } } }
            ])
        );
    });

    it('keeps the page to the admin channels and to public messages when private ones are hidden', () => {
        const scope = recordScope('Lead', '00Q000000000001AAA');
        expect(
            buildWhere({
                scope,
                filter: { ...EMPTY_FILTER, channel: 'reddit' },
                allowedChannels: ['x'],
                showPrivate: false
            })
        ).toEqual({
            and: [scope, { Network__c: { in: ['x'] } }, { Visibility__c: { eq: 'Public' } }]
        });
        expect(buildWhere({ scope, filter: { ...EMPTY_FILTER, visibility: 'Private' }, showPrivate: false })).toEqual({
            and: [scope, { Visibility__c: { eq: 'Public' } }]
        });
    });

    // Channels an admin turned off never show, whatever the rep chose or remembered (issue #15 item 3).
    describe('channels turned off', () => {
        const scope = recordScope('Contact', CONTACT);
        const facebookOff = { disabledChannels: ['facebook'] };

        it.each([
            ['no channel chosen', EMPTY_FILTER, [], [{ Network__c: { nin: ['facebook'] } }]],
            ['an enabled channel chosen', { ...EMPTY_FILTER, channel: 'x' }, [], [{ Network__c: { eq: 'x' } }]],
            [
                'a remembered channel now turned off',
                { ...EMPTY_FILTER, channel: 'facebook' },
                [],
                [{ Network__c: { nin: ['facebook'] } }]
            ],
            [
                'the page limited to some channels',
                { ...EMPTY_FILTER, channel: 'facebook' },
                ['x', 'facebook'],
                [{ Network__c: { in: ['x', 'facebook'] } }, { Network__c: { nin: ['facebook'] } }]
            ]
        ])('leaves them out with %s', (_, filter, allowedChannels, channelClauses) => {
            expect(buildWhere({ scope, filter, allowedChannels, ...facebookOff })).toEqual({
                and: [scope, ...channelClauses]
            });
        });

        it('counts what they hide within the page limits, not the rep filter', () => {
            expect(disabledChannelsWhere({ scope, ...facebookOff })).toEqual({
                and: [scope, { Network__c: { in: ['facebook'] } }]
            });
            expect(
                disabledChannelsWhere({
                    scope,
                    allowedChannels: ['x', 'facebook'],
                    showPrivate: false,
                    disabledChannels: ['facebook', 'reddit']
                })
            ).toEqual({ and: [scope, { Visibility__c: { eq: 'Public' } }, { Network__c: { in: ['facebook'] } }] });
        });

        it('counts nothing when no channel the page shows is off', () => {
            expect(disabledChannelsWhere({ scope, disabledChannels: [] })).toBeNull();
            expect(disabledChannelsWhere({ scope, allowedChannels: ['x'], ...facebookOff })).toBeNull();
            expect(disabledChannelsWhere({ scope: null, ...facebookOff })).toBeNull();
        });
    });

    it('treats a specific status literally', () => {
        const scope = recordScope('Contact', CONTACT);
        expect(buildWhere({ scope, filter: { ...EMPTY_FILTER, status: 'Closed' } }).and[1]).toEqual({
            Status__c: { eq: 'Closed' }
        });
    });

    it('ignores invalid dates', () => {
        const scope = recordScope('Contact', CONTACT);
        expect(buildWhere({ scope, filter: { ...EMPTY_FILTER, from: '03/01/2026', to: 'soon' } })).toEqual(scope);
        expect(startOfDay('')).toBeNull();
    });

    it.each([
        ['pricing', true],
        ['ANA', true],
        ['facebook', true],
        ['refund', false],
        ['', true]
    ])('search "%s" matches: %s', (search, expected) => {
        const interaction = {
            body: 'What is the pricing?',
            authorHandle: 'ana_ruiz',
            network: 'facebook',
            contactName: null
        };
        expect(matchesSearch(interaction, search)).toBe(expected);
    });

    it('parses the channel list property', () => {
        expect(parseChannelList(' X, facebook;;Reddit ')).toEqual(['x', 'facebook', 'reddit']);
        expect(parseChannelList(undefined)).toEqual([]);
    });

    it('builds presets and normalises stored filters', () => {
        expect(presetFilter('needs_response').status).toBe('open');
        expect(presetFilter('private').visibility).toBe('Private');
        expect(presetFilter('nonsense')).toEqual(EMPTY_FILTER);
        expect(normaliseFilter({ channel: 'x', evil: '<script>', status: 3 })).toEqual({
            ...EMPTY_FILTER,
            channel: 'x'
        });
        expect(isFiltered(EMPTY_FILTER)).toBe(false);
        expect(isFiltered({ ...EMPTY_FILTER, search: 'a' })).toBe(true);
    });

    it('remembers the filter per user and page, surviving broken storage', () => {
        const store = new Map();
        const storage = { getItem: (k) => store.get(k) ?? null, setItem: (k, v) => store.set(k, v) };
        const key = storageKey('005000000000001AAA', 'Contact');
        expect(key).toBe('socialBridge.timelineFilter.005000000000001AAA.Contact');
        expect(readStoredFilter(storage, key)).toBeNull();
        expect(writeStoredFilter(storage, key, { channel: 'x' })).toBe(true);
        expect(readStoredFilter(storage, key)).toEqual({ ...EMPTY_FILTER, channel: 'x' });
        store.set(key, '{not json');
        expect(readStoredFilter(storage, key)).toBeNull();
        const full = {
            getItem: () => null,
            setItem: () => {
                throw new Error('QuotaExceededError');
            }
        };
        expect(writeStoredFilter(full, key, EMPTY_FILTER)).toBe(false);
    });
});
