// One normaliser for every error shape our components meet: GraphQL wire errors
// ([{ message, locations, path, extensions }]), UI API record write errors (body with
// output.errors / fieldErrors / pageErrors), fetch responses, JS errors and plain strings.

function messagesOfBody(body) {
    if (!body) {
        return [];
    }
    if (Array.isArray(body)) {
        return body.map((entry) => entry && entry.message).filter(Boolean);
    }
    const collected = [];
    const fieldMessages = (fieldErrors) =>
        Object.entries(fieldErrors || {}).flatMap(([field, errors]) =>
            (errors || []).map((entry) => (entry && entry.message ? `${field}: ${entry.message}` : null))
        );
    collected.push(...(body.pageErrors || []).map((entry) => entry && entry.message));
    collected.push(...fieldMessages(body.fieldErrors));
    if (body.output) {
        collected.push(...(body.output.errors || []).map((entry) => entry && entry.message));
        collected.push(...fieldMessages(body.output.fieldErrors));
    }
    if (!collected.filter(Boolean).length && typeof body.message === 'string') {
        collected.push(body.message);
    }
    return collected.filter(Boolean);
}

/**
 * @param {*} errors one error or an array of them, in any of the shapes above
 * @returns {string[]} distinct, non-empty messages
 */
export function reduceErrors(errors) {
    const list = Array.isArray(errors) ? errors : [errors];
    const messages = list
        .filter((error) => error !== null && error !== undefined && error !== '')
        .flatMap((error) => {
            if (typeof error === 'string') {
                return [error];
            }
            const fromBody = messagesOfBody(error.body);
            if (fromBody.length) {
                return fromBody;
            }
            if (typeof error.message === 'string' && error.message) {
                return [error.message];
            }
            if (typeof error.statusText === 'string' && error.statusText) {
                return [error.statusText];
            }
            return [];
        });
    return [...new Set(messages)];
}

/**
 * Whether a save was refused because the record changed after the version it was conditional on:
 * HTTP 412 from If-Unmodified-Since (updateRecord's clientOptions.ifUnmodifiedSince; REST API
 * Developer Guide, "Conditional Requests").
 */
export function isConflict(error) {
    const body = error && error.body;
    const entries = Array.isArray(body) ? body : [body];
    return Boolean(
        (error && error.status === 412) || entries.some((entry) => entry && entry.errorCode === 'PRECONDITION_FAILED')
    );
}

/**
 * Whether a save was refused because a unique field already holds the value on another record
 * (DUPLICATE_VALUE), in a record error's output (User Interface API Developer Guide, "Error with
 * Output": output.errors and output.fieldErrors) or a plain error list.
 */
export function isDuplicateValue(error) {
    const body = error && error.body;
    const output = (body && body.output) || {};
    const entries = [
        ...(Array.isArray(body) ? body : []),
        ...(output.errors || []),
        ...Object.values(output.fieldErrors || {}).flat()
    ];
    return entries.some((entry) => entry && entry.errorCode === 'DUPLICATE_VALUE');
}
