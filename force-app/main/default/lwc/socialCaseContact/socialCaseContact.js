// A case page's person: the case's contact, read with CASE_CONTACT_QUERY by every component that
// shows a case through its contact (the timeline, catch-me-up). One query text, so on one page
// the components share one request and one cached answer.
export { CASE_CONTACT_QUERY } from './caseContactQuery';

/**
 * The case's contact from a CASE_CONTACT_QUERY result.
 * @param {object} data the wire's data
 * @returns {{id: string|null, name: string|null}|undefined} undefined until the answer arrives;
 *   id null for a case without a contact (or one the user cannot see); name null when only the
 *   contact's name is hidden from the user
 */
export function caseContactOf(data) {
    const connection = data?.uiapi?.query?.Case;
    if (!connection) {
        return undefined;
    }
    const node = connection.edges?.[0]?.node;
    return { id: node?.ContactId?.value || null, name: node?.Contact?.Name?.value || null };
}
