// The error lightning/uiRecordApi rejects a failed createRecord / updateRecord with (a UI API
// RecordError: errors for the whole record, fieldErrors by field), for tests of save failures.
export default function recordError(fieldErrors = {}, errors = []) {
    return {
        status: 400,
        body: { enhancedErrorType: 'RecordError', message: 'An error occurred', output: { errors, fieldErrors } }
    };
}
