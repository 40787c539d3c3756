// lightning/pageReferenceUtils for the preview: the platform's encoding of default field values
// for a "new record" page reference (Field=value pairs, each part URI-encoded).
export function encodeDefaultFieldValues(values) {
    return Object.entries(values ?? {})
        .map(([field, value]) => `${encodeURIComponent(field)}=${encodeURIComponent(value ?? '')}`)
        .join(',');
}

export function decodeDefaultFieldValues(encoded) {
    return Object.fromEntries(
        (encoded ?? '')
            .split(',')
            .filter(Boolean)
            .map((pair) => pair.split('=').map(decodeURIComponent))
    );
}
