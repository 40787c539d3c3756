// The channels an admin turned off, how requests leave them out, and what the browser remembers of
// them between page loads. The `nin`/`in` operators are the UI API's string operators (the
// independent schema in test/contracts/uiapi, from the GraphQL API's "Filter" reference:
// https://developer.salesforce.com/docs/platform/graphql/guide/filter-fields.html); the queries
// with these filters run against the local org in test/lwc-queries.
import {
    disabledChannelKeys,
    onlyChannels,
    rememberDisabledChannels,
    rememberedDisabledChannels,
    sameChannelKeys,
    withoutChannels
} from 'c/socialDisabledChannels';

const channel = (networkKey, enabled) => ({ networkKey, enabled });
const SCOPE = { Contact__c: { eq: '003HU000001AnaRAA' } };

/** A Storage stand-in whose writes can be made to fail, as a full quota or private mode does. */
function memoryStorage({ failing = false } = {}) {
    const values = new Map();
    return {
        getItem: (key) => (values.has(key) ? values.get(key) : null),
        setItem: (key, value) => {
            if (failing) {
                throw new Error('QuotaExceededError');
            }
            values.set(key, String(value));
        }
    };
}

describe('c/socialDisabledChannels', () => {
    it.each([
        ['none turned off', [channel('x', true), channel('facebook', true)], []],
        ['one turned off', [channel('x', true), channel('facebook', false)], ['facebook']],
        [
            'sorted, each once',
            [channel('reddit', false), channel('facebook', false), channel('reddit', false)],
            ['facebook', 'reddit']
        ],
        ['a channel without a key is not a channel', [channel('', false), channel('x', false)], ['x']],
        ['no channels read', undefined, []]
    ])('names the channels turned off: %s', (_, channels, expected) => {
        expect(disabledChannelKeys(channels)).toEqual(expected);
    });

    it.each([
        [[], [], true],
        [['facebook'], ['facebook'], true],
        [['facebook'], [], false],
        [['facebook', 'reddit'], ['facebook', 'x'], false]
    ])('compares key lists %j and %j', (first, second, same) => {
        expect(sameChannelKeys(first, second)).toBe(same);
    });

    it('leaves the disabled channels out of a request, and nothing when none is off', () => {
        expect(withoutChannels(SCOPE, [])).toBe(SCOPE);
        expect(withoutChannels(SCOPE, ['facebook'])).toEqual({ and: [SCOPE, { Network__c: { nin: ['facebook'] } }] });
        // An `and` is extended, not nested.
        expect(withoutChannels({ and: [SCOPE, { Direction__c: { eq: 'Inbound' } }] }, ['facebook'])).toEqual({
            and: [SCOPE, { Direction__c: { eq: 'Inbound' } }, { Network__c: { nin: ['facebook'] } }]
        });
        expect(onlyChannels(SCOPE, ['facebook', 'reddit'])).toEqual({
            and: [SCOPE, { Network__c: { in: ['facebook', 'reddit'] } }]
        });
    });

    it('remembers the keys for the next page load', () => {
        const storage = memoryStorage();
        expect(rememberedDisabledChannels(storage)).toEqual([]);
        rememberDisabledChannels(storage, ['facebook', 'reddit']);
        expect(rememberedDisabledChannels(storage)).toEqual(['facebook', 'reddit']);
        rememberDisabledChannels(storage, []);
        expect(rememberedDisabledChannels(storage)).toEqual([]);
    });

    it.each([
        ['no storage', null],
        ['a value that is not JSON', { getItem: () => '{not json' }],
        ['a value that is not a list', { getItem: () => '{"facebook":true}' }],
        [
            'storage that throws',
            {
                getItem: () => {
                    throw new Error('SecurityError');
                }
            }
        ]
    ])('starts from none remembered with %s', (_, storage) => {
        expect(rememberedDisabledChannels(storage)).toEqual([]);
    });

    it('keeps only non-empty text keys from what is stored, sorted', () => {
        const storage = { getItem: () => JSON.stringify(['reddit', 7, '', null, 'facebook', 'reddit']) };
        expect(rememberedDisabledChannels(storage)).toEqual(['facebook', 'reddit']);
    });

    it('does not fail when storage refuses the write', () => {
        expect(() => rememberDisabledChannels(memoryStorage({ failing: true }), ['facebook'])).not.toThrow();
        expect(() => rememberDisabledChannels(null, ['facebook'])).not.toThrow();
    });
});
