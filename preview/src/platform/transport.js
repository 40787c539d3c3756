// How the preview's platform modules reach the local org: same-origin requests that the preview
// server forwards to the org with the access token, so the browser never holds a token.
const API_VERSION = 'v62.0';

export async function callOrg(method, path, body, headers = {}) {
    const response = await fetch(`/services/data/${API_VERSION}${path}`, {
        method,
        headers: body === undefined ? headers : { 'Content-Type': 'application/json', ...headers },
        body: body === undefined ? undefined : JSON.stringify(body)
    });
    const text = await response.text();
    const json = text ? JSON.parse(text) : undefined;
    return { ok: response.ok, status: response.status, body: json };
}

/** The same shape Lightning Data Service rejects with: a fetch response with the UI API error body. */
export function fetchError(result) {
    return { status: result.status, ok: false, statusText: 'Error', body: result.body };
}
