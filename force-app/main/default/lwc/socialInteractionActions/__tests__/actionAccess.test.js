import { REPLY_FIELDS, maySave, objectInfosByName } from '../actionAccess';
import { outboundReplyInput } from '../../socialReplyComposer/replyRecord';
import REP_OBJECT_INFOS from './data/objectInfosRep.json';

describe('actionAccess', () => {
    it('checks the same fields a reply writes', () => {
        const input = outboundReplyInput(
            { network: 'x', externalId: 'x:1', threadKey: 'x:1', identityId: null, contactId: null },
            { body: 'Thanks', visibility: 'Public', now: new Date(0), uuid: 'u' }
        );
        expect([...REPLY_FIELDS].sort()).toEqual(Object.keys(input.fields).sort());
    });

    it('keeps only the objects object info answered 200 for', () => {
        const infos = objectInfosByName({
            results: [
                { statusCode: 200, result: { apiName: 'Case', createable: true, fields: {} } },
                { statusCode: 404, result: [{ errorCode: 'NOT_FOUND', message: 'no access' }] }
            ]
        });
        expect(Object.keys(infos)).toEqual(['Case']);
    });

    it('needs the object and every named field to be writable', () => {
        const infos = objectInfosByName(REP_OBJECT_INFOS);
        expect(maySave(infos, 'Social_Interaction__c', ['Id', 'Status__c', 'Status_Reason__c'], 'update')).toBe(true);
        // Read-only for reps (docs/permission-sets.md): what the network reported.
        expect(maySave(infos, 'Social_Interaction__c', ['Status__c', 'Sentiment__c'], 'update')).toBe(false);
        expect(maySave(infos, 'Social_Interaction__c', ['Not_A_Field__c'], 'update')).toBe(false);
        expect(maySave(infos, 'Contact', ['LastName'], 'create')).toBe(false);
    });
});
