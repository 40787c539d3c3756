// Fills {0}, {1}, … placeholders in a Custom Label, the same convention the platform's own
// labels use, so translators see one sentence instead of fragments glued together in code.

const PLACEHOLDER = /\{(\d+)\}/g;
const textOf = (value) => (value === undefined || value === null ? '' : String(value));

/**
 * @param {string} template label text with {n} placeholders
 * @param {...*} values replacements; null/undefined become ''
 */
export function formatLabel(template, ...values) {
    if (typeof template !== 'string') {
        return '';
    }
    return template.replace(PLACEHOLDER, (placeholder, index) => textOf(values[Number(index)]));
}

/**
 * The same sentence as formatLabel, in parts for a template loop that binds each part to its own
 * element with `dir={part.dir}`. Every filled-in value gets dir "auto": an element with a dir
 * attribute is a bidi isolate (UA stylesheet: `unicode-bidi: isolate`), so a right-to-left
 * override or other bidi control in a handle or a name cannot reorder the label's words around
 * it. The label's own words get no dir and flow as the page does.
 * @param {string} template label text with {n} placeholders
 * @param {...*} values replacements; null/undefined and '' leave no part
 * @returns {{key: string, text: string, dir: string|null}[]}
 */
export function formatLabelParts(template, ...values) {
    if (typeof template !== 'string') {
        return [];
    }
    const parts = [];
    const push = (text, dir) => {
        if (text) {
            parts.push({ key: `p${parts.length}`, text, dir });
        }
    };
    let cursor = 0;
    for (const match of template.matchAll(PLACEHOLDER)) {
        push(template.slice(cursor, match.index), null);
        push(textOf(values[Number(match[1])]), 'auto');
        cursor = match.index + match[0].length;
    }
    push(template.slice(cursor), null);
    return parts;
}

/** Values joined by a separator, in the parts shape of formatLabelParts: each value isolated. */
export function joinedParts(values, separator) {
    const parts = [];
    (values || []).forEach((value, index) => {
        if (index > 0) {
            parts.push({ key: `s${index}`, text: separator, dir: null });
        }
        parts.push({ key: `v${index}`, text: textOf(value), dir: 'auto' });
    });
    return parts;
}

/**
 * Untrusted text for an attribute (title, alternative text) or a toast, which cannot hold an element
 * with dir="auto": wrapped in FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE (U+2068, U+2069), the
 * characters that make it a bidi isolate, so an override inside it cannot reorder the label around it.
 * Not for values written to records: the characters would be stored.
 * @param {*} value
 * @returns {string} '' for null/undefined/''
 */
export function isolated(value) {
    const text = textOf(value);
    return text ? `\u2068${text}\u2069` : '';
}

/** The text a list of parts shows, for an attribute (title, aria-label): filled-in values isolated. */
export function partsAttribute(parts) {
    return (parts || []).map((part) => (part.dir === 'auto' ? isolated(part.text) : part.text)).join('');
}

/** The text a list of parts shows, for conditions and comparisons. */
export function partsText(parts) {
    return (parts || []).map((part) => part.text).join('');
}
