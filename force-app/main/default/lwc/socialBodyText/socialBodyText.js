// Splits untrusted social text into plain-text and link segments for the template. Nothing here
// produces HTML: the template binds each segment as text, and only http(s) URLs become links
// (javascript:, data: and other schemes stay inert text).

// A bidi control (marks, embeddings, overrides, isolates) ends a URL: shown inside a link it
// could make the link text read as another address than the one it opens.
const URL_PATTERN = /\bhttps?:\/\/[^\s<>"'`\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]+/gi;
// Punctuation that usually ends a sentence rather than a URL.
const TRAILING_PUNCTUATION = /[)\]}.,;:!?]+$/;

/** The URL if it parses as http or https, else null. */
export function safeHref(candidate) {
    if (!candidate) {
        return null;
    }
    try {
        const url = new URL(candidate);
        return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
    } catch {
        return null;
    }
}

/**
 * @param {string} body raw body text
 * @returns {{key: string, text: string, href: string|null, isLink: boolean}[]}
 */
export function bodySegments(body) {
    const text = body == null ? '' : String(body);
    const segments = [];
    const push = (value, href) => {
        if (value) {
            segments.push({ key: `s${segments.length}`, text: value, href, isLink: Boolean(href) });
        }
    };
    let cursor = 0;
    for (const match of text.matchAll(URL_PATTERN)) {
        let candidate = match[0];
        const trailing = candidate.match(TRAILING_PUNCTUATION);
        if (trailing) {
            candidate = candidate.slice(0, -trailing[0].length);
        }
        const href = safeHref(candidate);
        if (!href) {
            continue;
        }
        push(text.slice(cursor, match.index), null);
        push(candidate, href);
        cursor = match.index + candidate.length;
    }
    push(text.slice(cursor), null);
    return segments;
}
