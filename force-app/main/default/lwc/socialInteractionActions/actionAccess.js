// Which of the interaction actions the signed-in user may take, from lightning/uiObjectInfoApi's
// object info: an action is offered only when its object is createable/updateable for the user and
// so is every field the record input it saves names (the UI API refuses a whole save when one field
// is read-only for the user). Pure: object infos in, yes/no out.
import { advocateInput, caseInput, caseLinkInput, statusInput, taskInput } from './actionRecords';

/** The objects the actions write, asked for in one getObjectInfos call. */
export const ACTION_OBJECTS = Object.freeze(['Social_Interaction__c', 'Social_Identity__c', 'Case', 'Task']);

/**
 * The fields a reply (socialReplyComposer's outboundReplyInput) sets on its new interaction; a jest
 * test keeps this list and the composer's input the same.
 */
export const REPLY_FIELDS = Object.freeze([
    'External_Id__c',
    'Network__c',
    'Direction__c',
    'Visibility__c',
    'Kind__c',
    'Body__c',
    'Thread_Key__c',
    'In_Reply_To__c',
    'Identity__c',
    'Contact__c',
    'Lead__c',
    'Account__c',
    'Case__c',
    'Posted_At__c',
    'Delivery_Status__c',
    'Status__c'
]);

/** getObjectInfos data → object info by API name, for the objects the user can access (200 entries). */
export function objectInfosByName(data) {
    const infos = {};
    ((data && data.results) || []).forEach((entry) => {
        if (entry && entry.statusCode === 200 && entry.result) {
            infos[entry.result.apiName] = entry.result;
        }
    });
    return infos;
}

/** Whether the user may create ('create') or update ('update') `apiName` with these field names. */
export function maySave(infos, apiName, fieldNames, mode) {
    const info = infos && infos[apiName];
    const flag = mode === 'create' ? 'createable' : 'updateable';
    if (!info || !info[flag]) {
        return false;
    }
    return fieldNames
        .filter((name) => name !== 'Id')
        .every((name) => Boolean(info.fields && info.fields[name] && info.fields[name][flag]));
}

const namesOf = (input) => Object.keys(input.fields);

/**
 * The actions this user may take on this interaction, by action name (reply, respond, close, reopen,
 * case, task, advocate). Whether an action applies to the message at all is the component's call.
 */
export function permittedActions(infos, record, channel, userId) {
    const now = new Date();
    const interaction = 'Social_Interaction__c';
    const status = (action) =>
        maySave(infos, interaction, namesOf(statusInput(record, action, 'reason', now)), 'update');
    return {
        reply: maySave(infos, interaction, REPLY_FIELDS, 'create'),
        respond: status('respond'),
        close: status('close'),
        reopen: status('reopen'),
        case:
            maySave(infos, 'Case', namesOf(caseInput(record, channel)), 'create') &&
            maySave(infos, interaction, namesOf(caseLinkInput(record, 'case')), 'update'),
        task: maySave(
            infos,
            'Task',
            namesOf(taskInput(record, { subject: 'task', dueDate: null, ownerId: userId })),
            'create'
        ),
        advocate: maySave(infos, 'Social_Identity__c', namesOf(advocateInput(record, 'note')), 'update')
    };
}
