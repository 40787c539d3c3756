// lightning/uiRecordApi for the preview: record writes and reads through the local org's UI API
// records resource, rejecting with the same fetch-response shape Lightning Data Service uses.
import { callOrg, fetchError } from './transport';

async function send(method, path, body, headers) {
    const result = await callOrg(method, path, body, headers);
    if (!result.ok) {
        throw fetchError(result);
    }
    return result.body;
}

export function createRecord({ apiName, fields }) {
    return send('POST', '/ui-api/records', { apiName, fields });
}

/**
 * clientOptions.ifUnmodifiedSince (the record's LastModifiedDate value) goes out as the
 * If-Unmodified-Since header, as Lightning Data Service sends it: a record changed since then answers
 * 412 and is not written (https://developer.salesforce.com/docs/platform/lwc/guide/reference-update-record.html).
 */
export function updateRecord({ fields }, clientOptions) {
    const { Id, ...values } = fields;
    const since = clientOptions?.ifUnmodifiedSince;
    return send(
        'PATCH',
        `/ui-api/records/${encodeURIComponent(Id)}`,
        { fields: values },
        since ? { 'If-Unmodified-Since': since } : {}
    );
}

export function deleteRecord(recordId) {
    return send('DELETE', `/ui-api/records/${encodeURIComponent(recordId)}`);
}

export function notifyRecordUpdateAvailable() {
    return Promise.resolve();
}

function fieldPath(field) {
    return typeof field === 'string' ? field.split('.').slice(1) : field.fieldApiName.split('.');
}

/** Follows `Contact.Account.Name` through the UI API record shape: fields.Account.value.fields.Name. */
function fieldEntry(record, field) {
    const path = fieldPath(field);
    let current = record;
    for (const [index, part] of path.entries()) {
        const entry = current?.fields?.[part];
        if (index === path.length - 1) {
            return entry;
        }
        current = entry?.value;
    }
    return undefined;
}

export function getFieldValue(record, field) {
    return fieldEntry(record, field)?.value;
}

export function getFieldDisplayValue(record, field) {
    return fieldEntry(record, field)?.displayValue;
}

function fieldName(field) {
    return typeof field === 'string' ? field : `${field.objectApiName}.${field.fieldApiName}`;
}

function fieldNames(list) {
    return (list ?? []).map(fieldName);
}

export class getRecord {
    constructor(dataCallback) {
        this.dataCallback = dataCallback;
    }

    connect() {}

    disconnect() {}

    async update(config) {
        if (!config.recordId) {
            return;
        }
        // Optional fields go separately: the UI API skips those the user cannot see instead of failing.
        const query = new URLSearchParams({
            fields: fieldNames(config.fields).join(','),
            optionalFields: fieldNames(config.optionalFields).join(',')
        });
        const result = await callOrg('GET', `/ui-api/records/${encodeURIComponent(config.recordId)}?${query}`);
        this.dataCallback(
            result.ok ? { data: result.body, error: undefined } : { data: undefined, error: fetchError(result) }
        );
    }
}
