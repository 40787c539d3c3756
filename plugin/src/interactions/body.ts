// Body text of an interaction: untrusted text from the network, stored verbatim as plain text (HTML,
// script tags, emoji and right-to-left text included: it is never rendered as HTML, so nothing is
// stripped or escaped here). Only the length is enforced. Pure.

/** Social_Interaction__c.Body__c is a Long Text Area(32768). */
export const BODY_LIMIT = 32_768;

export interface Body {
  text: string;
  /** Characters (UTF-16 code units, as Salesforce counts) cut off; 0 when the body fits. */
  truncatedBy: number;
}

/**
 * Cuts a body longer than the field to the limit. Never splits a surrogate pair: an emoji at the cut
 * is dropped whole rather than stored as half a character.
 */
export function fitBody(text: string, limit = BODY_LIMIT): Body {
  if (text.length <= limit) return { text, truncatedBy: 0 };
  let end = limit;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return { text: text.slice(0, end), truncatedBy: text.length - end };
}
