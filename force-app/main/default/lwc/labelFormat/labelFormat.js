// Fills {0}, {1}, … placeholders in a Custom Label, the same convention the platform's own
// labels use, so translators see one sentence instead of fragments glued together in code.

/**
 * @param {string} template label text with {n} placeholders
 * @param {...*} values replacements; null/undefined become ''
 */
export function formatLabel(template, ...values) {
    if (typeof template !== 'string') {
        return '';
    }
    return template.replace(/\{(\d+)\}/g, (placeholder, index) => {
        const value = values[Number(index)];
        return value === undefined || value === null ? '' : String(value);
    });
}
