// Turns one row of an interaction export into an interaction ready to thread and plan: external id
// `network:postId`, its identity (via the identity sources' own toIdentity), picklist values in their
// API names, time stamps in UTC, the body fitted to the field. A row that cannot be used is rejected
// with the field, the value and what to write instead. Pure: no I/O.
import { isIdentity, toIdentity, type Identity } from '../mappings/identity.js';
import type { Channel } from '../mappings/mappingFile/schema.js';
import type { RejectedRow, RowOrigin, SourceRow } from '../mappings/sources/row.js';
import { BODY_LIMIT, fitBody } from './body.js';
import { INTERACTION_ATTRIBUTES } from './columns.js';
import { parseTimestamp } from './timestamp.js';

export type Direction = 'Inbound' | 'Outbound';
export type Visibility = 'Public' | 'Private';
export type Kind = 'Post' | 'Reply' | 'Comment' | 'Mention' | 'Review' | 'Direct Message';
export type Sentiment = 'Positive' | 'Neutral' | 'Negative' | 'Mixed';
export type Intent = 'Question' | 'Complaint' | 'Praise' | 'Purchase_Intent' | 'Other';

export interface Interaction {
  /** `network:postId`, the upsert key of Social_Interaction__c (case-sensitive). */
  externalId: string;
  network: string;
  postId: string;
  /** The author (inbound) or the person addressed (outbound); absent only on a bare deletion notice. */
  identity?: Identity;
  direction: Direction;
  visibility: Visibility;
  kind: Kind;
  body?: string;
  permalink?: string;
  /** ISO 8601 UTC; absent only on a bare deletion notice. */
  postedAt?: string;
  postedAtMs?: number;
  /** The parent's external id (`network:postId` on the same network). */
  inReplyTo?: string;
  /** `network:conversationId` when the network names the conversation (X's conversation_id is its root post). */
  conversationKey?: string;
  sentiment?: Sentiment;
  intent?: Intent;
  editedAt?: string;
  deleted: boolean;
  origin: RowOrigin;
  values: Record<string, string>;
  /** Kept, but the user should know: a truncated body. */
  warnings: string[];
}

/** What the normaliser needs to know about a channel. */
export interface ChannelInfo extends Pick<Channel, 'key' | 'name' | 'enabled'> {
  postUrlTemplate?: string;
  responseSlaMinutes?: number;
}

export interface NormaliseContext {
  channels: ReadonlyMap<string, ChannelInfo>;
  /** Attribute -> column, to name the column in problems. */
  columns: Readonly<Record<string, string>>;
  network?: string;
  networkValues?: Record<string, string>;
}

const MAX_TEXT = 255;
const INTERACTION_ATTRIBUTE_SET: ReadonlySet<string> = new Set(INTERACTION_ATTRIBUTES);

const KINDS: Record<string, Kind> = {
  post: 'Post',
  status: 'Post',
  tweet: 'Post',
  reply: 'Reply',
  comment: 'Comment',
  mention: 'Mention',
  review: 'Review',
  'direct message': 'Direct Message',
  direct_message: 'Direct Message',
  'direct-message': 'Direct Message',
  directmessage: 'Direct Message',
  dm: 'Direct Message',
  message: 'Direct Message',
  'private message': 'Direct Message',
};
const DIRECTIONS: Record<string, Direction> = {
  inbound: 'Inbound',
  in: 'Inbound',
  received: 'Inbound',
  outbound: 'Outbound',
  out: 'Outbound',
  sent: 'Outbound',
};
const VISIBILITIES: Record<string, Visibility> = { public: 'Public', private: 'Private' };
const SENTIMENTS: Record<string, Sentiment> = {
  positive: 'Positive',
  neutral: 'Neutral',
  negative: 'Negative',
  mixed: 'Mixed',
};
const INTENTS: Record<string, Intent> = {
  question: 'Question',
  complaint: 'Complaint',
  praise: 'Praise',
  purchase_intent: 'Purchase_Intent',
  'purchase intent': 'Purchase_Intent',
  'purchase-intent': 'Purchase_Intent',
  other: 'Other',
};
const TRUE_VALUES = new Set(['true', 'yes', 'y', '1', 'deleted']);
const FALSE_VALUES = new Set(['false', 'no', 'n', '0', '']);

export function isInteraction(value: Interaction | RejectedRow): value is Interaction {
  return 'externalId' in value;
}

export function toInteraction(row: SourceRow, context: NormaliseContext): Interaction | RejectedRow {
  const values = row.values;
  const column = (attribute: string): string => {
    const name = context.columns[attribute];
    return name !== undefined && name !== attribute ? `${attribute} (column "${name}")` : attribute;
  };
  const reject = (reason: string): RejectedRow => ({ origin: row.origin, values, reason });
  const choose = <T>(attribute: string, table: Record<string, T>, allowed: string): T | RejectedRow | undefined => {
    const raw = values[attribute];
    if (raw === undefined) return undefined;
    const value = table[raw.trim().toLowerCase()];
    return value ?? reject(`${column(attribute)} is "${raw}"; write one of: ${allowed}`);
  };

  const network = networkOf(values.network, context);
  if (network === undefined) {
    return reject(
      'no network: add a network column to the export, or name the network of the whole file in the mapping source',
    );
  }
  const channel = context.channels.get(network);
  if (channel === undefined) {
    const known = [...context.channels.keys()].join(', ') || 'none yet';
    return reject(
      `network "${values.network ?? network}" is not a channel of the org (channels: ${known}); add it to the mapping's channels: and run sf social mappings deploy, or map it with networkValues:`,
    );
  }
  if (!channel.enabled) {
    return reject(
      `channel ${network} is disabled (Enabled__c is false): disabled channels are skipped by imports; enable it or remove these rows`,
    );
  }
  const postId = values.postId;
  if (postId === undefined)
    return reject(`no post id: every row needs the network's id of the post or message (${column('postId')})`);
  const externalId = `${network}:${postId}`;
  if (externalId.length > MAX_TEXT)
    return reject(`${column('postId')} is longer than ${MAX_TEXT - network.length - 1} characters`);

  const deletedRaw = values.deleted?.trim().toLowerCase();
  if (deletedRaw !== undefined && !TRUE_VALUES.has(deletedRaw) && !FALSE_VALUES.has(deletedRaw)) {
    return reject(`${column('deleted')} is "${values.deleted}"; write true or false`);
  }
  const deleted = deletedRaw !== undefined && TRUE_VALUES.has(deletedRaw);

  const kind = choose('kind', KINDS, 'Post, Reply, Comment, Mention, Review, Direct Message');
  const direction = choose('direction', DIRECTIONS, 'Inbound, Outbound');
  const visibility = choose('visibility', VISIBILITIES, 'Public, Private');
  const sentiment = choose('sentiment', SENTIMENTS, 'Positive, Neutral, Negative, Mixed, or leave it empty');
  const intent = choose('intent', INTENTS, 'Question, Complaint, Praise, Purchase_Intent, Other, or leave it empty');
  for (const value of [kind, direction, visibility, sentiment, intent]) {
    if (value !== undefined && typeof value === 'object') return value;
  }

  const interaction: Interaction = {
    externalId,
    network,
    postId,
    direction: (direction as Direction | undefined) ?? 'Inbound',
    // A message is private when the export says so or when it is a direct message.
    visibility: (visibility as Visibility | undefined) ?? (kind === 'Direct Message' ? 'Private' : 'Public'),
    kind: (kind as Kind | undefined) ?? (values.inReplyTo !== undefined ? 'Reply' : 'Post'),
    deleted,
    origin: row.origin,
    values,
    warnings: [],
  };
  if (interaction.kind === 'Direct Message' && interaction.visibility === 'Public') {
    return reject(
      `${column('kind')} says direct message but ${column('visibility')} says Public; a direct message is Private: fix one of them`,
    );
  }
  if (sentiment !== undefined) interaction.sentiment = sentiment as Sentiment;
  if (intent !== undefined) interaction.intent = intent as Intent;

  for (const attribute of ['postedAt', 'editedAt'] as const) {
    const raw = values[attribute];
    if (raw === undefined) continue;
    const parsed = parseTimestamp(raw);
    if (!parsed.ok) return reject(`line ${row.origin.line}, field ${column(attribute)}: ${parsed.problem}`);
    if (attribute === 'postedAt') {
      interaction.postedAt = parsed.iso;
      interaction.postedAtMs = parsed.ms;
    } else {
      interaction.editedAt = parsed.iso;
    }
  }
  // A deletion notice may carry nothing but the post's id: it only marks a post already imported.
  if (interaction.postedAt === undefined && !deleted) {
    return reject(
      `line ${row.origin.line}, field ${column('postedAt')}: missing; every post needs the time it was posted, e.g. 2026-11-20T09:30:00Z`,
    );
  }

  if (values.inReplyTo !== undefined) {
    const parent = `${network}:${values.inReplyTo}`;
    if (parent.length > MAX_TEXT)
      return reject(`${column('inReplyTo')} is longer than ${MAX_TEXT - network.length - 1} characters`);
    if (parent === externalId)
      return reject(`${column('inReplyTo')} is the post's own id; a post cannot reply to itself`);
    interaction.inReplyTo = parent;
  }
  if (values.conversationId !== undefined) {
    const key = `${network}:${values.conversationId}`;
    if (key.length > MAX_TEXT)
      return reject(`${column('conversationId')} is longer than ${MAX_TEXT - network.length - 1} characters`);
    interaction.conversationKey = key;
  }

  // A loop and a set: this runs twice a row, and the entries/filter/fromEntries form was a tenth of it.
  const identityValues: Record<string, string> = {};
  for (const attribute in values) {
    if (!INTERACTION_ATTRIBUTE_SET.has(attribute)) identityValues[attribute] = values[attribute]!;
  }
  if (identityValues.userId !== undefined) {
    identityValues.network = network;
    const identity = toIdentity(
      { origin: row.origin, values: identityValues },
      undefined,
      context.channels as ReadonlyMap<string, Channel>,
    );
    if (!isIdentity(identity)) return reject(identity.reason);
    interaction.identity = identity;
  } else if (!deleted) {
    return reject(
      `no user id: every interaction needs the network's account id of its author (inbound) or of the person addressed (outbound) (${column('userId')})`,
    );
  }

  if (values.body !== undefined && !deleted) {
    // Readers trim values; the body is otherwise kept exactly as the network sent it.
    const body = fitBody(values.body);
    interaction.body = body.text;
    if (body.truncatedBy > 0) {
      interaction.warnings.push(
        `body truncated: ${values.body.length} characters, Body__c holds ${BODY_LIMIT}; the last ${body.truncatedBy} were cut off`,
      );
    }
  }
  // The template names the author's handle, so it fits public inbound posts only: an outbound row's
  // identity is the person addressed, and a private message has no public address.
  const permalink =
    values.permalink ??
    (interaction.direction === 'Inbound' && interaction.visibility === 'Public'
      ? permalinkFromTemplate(channel, postId, interaction.identity?.handle)
      : undefined);
  if (permalink !== undefined) {
    if (!/^https?:\/\/\S+$/i.test(permalink) || permalink.length > MAX_TEXT) {
      return reject(
        `${column('permalink')} "${permalink.slice(0, 80)}" is not an http(s) URL of at most ${MAX_TEXT} characters; fix it or leave it empty`,
      );
    }
    interaction.permalink = permalink;
  }
  return interaction;
}

function permalinkFromTemplate(channel: ChannelInfo, postId: string, handle: string | undefined): string | undefined {
  const template = channel.postUrlTemplate;
  if (template === undefined || !template.includes('{postId}')) return undefined;
  if (template.includes('{handle}') && handle === undefined) return undefined;
  return template
    .replaceAll('{postId}', encodeURIComponent(postId))
    .replaceAll('{handle}', encodeURIComponent(handle ?? ''));
}

function networkOf(value: string | undefined, context: NormaliseContext): string | undefined {
  if (value === undefined) return context.network;
  const mapped = Object.entries(context.networkValues ?? {}).find(([raw]) => raw.toLowerCase() === value.toLowerCase());
  return mapped !== undefined ? mapped[1] : value.toLowerCase();
}
