// What the import's first pass keeps per post: enough to settle identities and threads (ids, parent,
// person, time), not the body, so memory grows with the number of posts and not with their text.
import type { Interaction } from './interaction.js';

/** What the first pass keeps per post: enough to thread it, not its body. */
export interface Outline {
  /** The line whose row is written for this post (the last complete one). */
  line: number;
  complete: boolean;
  /** Some row of this post in the file says it was deleted: the written row carries the deletion. */
  deleted: boolean;
  identityExternalId?: string;
  network: string;
  direction: 'Inbound' | 'Outbound';
  visibility: 'Public' | 'Private';
  postedAtMs?: number;
  inReplyTo?: string;
  conversationKey?: string;
}

/**
 * Keeps one outline per post. Of several rows of the same post, the last complete one is written (an
 * edit exported later supersedes the original); a deletion anywhere wins, because a post deleted on
 * the network must not come back.
 */
export function remember(outlines: Map<string, Outline>, interaction: Interaction): void {
  const complete = interaction.postedAt !== undefined;
  const earlier = outlines.get(interaction.externalId);
  const deleted = interaction.deleted || (earlier?.deleted ?? false);
  if (earlier !== undefined && earlier.complete && !complete) {
    earlier.deleted = deleted;
    return;
  }
  const outline: Outline = {
    line: interaction.origin.line,
    complete,
    deleted,
    network: interaction.network,
    direction: interaction.direction,
    visibility: interaction.visibility,
  };
  if (interaction.identity) outline.identityExternalId = interaction.identity.externalId;
  if (interaction.postedAtMs !== undefined) outline.postedAtMs = interaction.postedAtMs;
  if (interaction.inReplyTo) outline.inReplyTo = interaction.inReplyTo;
  if (interaction.conversationKey) outline.conversationKey = interaction.conversationKey;
  outlines.set(interaction.externalId, outline);
}
