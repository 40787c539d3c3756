import { isDuplicateValue, reduceErrors } from 'c/errorMessages';

describe('c/errorMessages', () => {
    it.each([
        [
            'a GraphQL wire error list',
            [{ message: 'Invalid field Foo__c', locations: [], path: ['uiapi'] }],
            ['Invalid field Foo__c']
        ],
        ['a UI API read error', { body: [{ message: 'Record not found' }] }, ['Record not found']],
        ['page errors', { body: { pageErrors: [{ message: 'Locked' }] } }, ['Locked']],
        ['field errors', { body: { fieldErrors: { Handle__c: [{ message: 'too long' }] } } }, ['Handle__c: too long']],
        [
            'UI API write errors before the generic message',
            {
                body: {
                    message: 'An error occurred',
                    output: { errors: [{ message: 'No access' }], fieldErrors: { Contact__c: [{ message: 'bad id' }] } }
                }
            },
            ['No access', 'Contact__c: bad id']
        ],
        ['a body with only a message', { body: { message: 'Server down' } }, ['Server down']],
        ['a JS error', new TypeError('x is undefined'), ['x is undefined']],
        ['a fetch response', { status: 503, statusText: 'Service Unavailable' }, ['Service Unavailable']],
        ['a plain string', 'Timed out', ['Timed out']],
        ['duplicates and empties', [null, undefined, '', 'Same', { message: 'Same' }, {}], ['Same']]
    ])('reads %s', (_name, errors, expected) => {
        expect(reduceErrors(errors)).toEqual(expected);
    });

    // Shapes from the User Interface API Developer Guide ("Error with Output" for a record save,
    // an error list otherwise).
    const entry = (errorCode) => ({ errorCode, message: errorCode });
    it.each([
        [
            'a field error on the unique key',
            { body: { output: { errors: [], fieldErrors: { Key__c: [entry('DUPLICATE_VALUE')] } } } },
            true
        ],
        ['a record error', { body: { output: { errors: [entry('DUPLICATE_VALUE')], fieldErrors: {} } } }, true],
        ['an error list', { body: [entry('DUPLICATE_VALUE')] }, true],
        [
            'another field error',
            { body: { output: { errors: [], fieldErrors: { Key__c: [entry('REQUIRED_FIELD_MISSING')] } } } },
            false
        ],
        ['no access', { status: 403, body: [entry('INSUFFICIENT_ACCESS_OR_READONLY')] }, false],
        ['a network failure', new TypeError('Failed to fetch'), false],
        ['nothing', undefined, false]
    ])('says whether %s is a duplicate value', (_name, error, expected) => {
        expect(isDuplicateValue(error)).toBe(expected);
    });
});
