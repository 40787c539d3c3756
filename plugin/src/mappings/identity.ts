// Turns a source row into a social identity (network, user id, external id `network:userId` and the
// attributes rules match on), or rejects it with the reason and what to do. No I/O.
import type { Channel, FileSource } from './mappingFile/schema.js';
import type { RejectedRow, SourceRow } from './sources/row.js';

export interface Identity {
  /** `network:userId`, the upsert key of Social_Identity__c (case-sensitive). */
  externalId: string;
  network: string;
  userId: string;
  handle?: string;
  displayName?: string;
  profileUrl?: string;
  followers?: number;
  row: SourceRow;
  /**
   * Normalised attribute values (by `attribute|normalisations`, null for a value that cannot match) the
   * scan rules noted while the sources were read (resolve.ts ScanValues): a rule reuses them rather than
   * normalising again (a phone number costs tens of µs). Spilled with the row.
   */
  normalised?: Record<string, string | null>;
}

/**
 * An attribute the matching rules read (email, phone, handle, …): the row's value as read, except
 * network and handle, which are the identity's (mapped to a channel key; without leading @). Read
 * from the row rather than copied, because a deploy holds every row of its sources in memory.
 */
export function attributeOf(identity: Identity, name: string): string | undefined {
  if (name === 'network') return identity.network;
  if (name === 'handle') return identity.handle;
  return identity.row.values[name];
}

const MAX_TEXT = 255;

export function toIdentity(
  row: SourceRow,
  source: Pick<FileSource, 'network' | 'networkValues'> | undefined,
  channels: ReadonlyMap<string, Channel>,
): Identity | RejectedRow {
  const values = row.values;
  const reject = (reason: string): RejectedRow => ({ origin: row.origin, values, reason });

  const network = networkOf(values.network, source);
  if (network === undefined) {
    return reject('no network: add a network column to the export, or network: x to the source in the mapping file');
  }
  const channel = channels.get(network);
  if (channel === undefined) {
    return reject(
      `network "${values.network ?? network}" is not a channel of the mapping; add it to channels: or map it with networkValues: (e.g. "${values.network ?? network}": ${[...channels.keys()][0] ?? 'x'})`,
    );
  }
  if (!channel.enabled) {
    return reject(`channel ${network} is disabled in the mapping (enabled: false); enable it or remove these rows`);
  }
  const userId = values.userId;
  if (userId === undefined)
    return reject("no user id: every row needs the network's stable account id (the column mapped to userId)");
  const externalId = `${network}:${userId}`;
  if (externalId.length > MAX_TEXT)
    return reject(`the user id is longer than ${MAX_TEXT - network.length - 1} characters; check the userId column`);

  const handle = values.handle?.replace(/^@+/, '');
  for (const [name, value] of [
    ['handle', handle],
    ['displayName', values.displayName],
    ['profileUrl', values.profileUrl],
  ] as const) {
    if (value !== undefined && value.length > MAX_TEXT) return reject(`${name} is longer than ${MAX_TEXT} characters`);
  }
  if (values.profileUrl !== undefined && !/^https?:\/\/\S+$/i.test(values.profileUrl)) {
    return reject(
      `profileUrl "${values.profileUrl}" is not an http(s) URL; fix the value or map another column to profileUrl`,
    );
  }
  let followers: number | undefined;
  if (values.followers !== undefined) {
    const digits = values.followers.replace(/[\s,_']/g, '');
    if (!/^\d{1,12}$/.test(digits))
      return reject(
        `followers "${values.followers}" is not a whole number; fix the value or remove followers from columns:`,
      );
    followers = Number(digits);
  }
  const identity: Identity = { externalId, network, userId, row };
  if (handle !== undefined && handle !== '') identity.handle = handle;
  if (values.displayName !== undefined) identity.displayName = values.displayName;
  if (values.profileUrl !== undefined) identity.profileUrl = values.profileUrl;
  if (followers !== undefined) identity.followers = followers;
  return identity;
}

export function isIdentity(value: Identity | RejectedRow): value is Identity {
  return 'externalId' in value;
}

function networkOf(
  value: string | undefined,
  source: Pick<FileSource, 'network' | 'networkValues'> | undefined,
): string | undefined {
  if (value === undefined) return source?.network;
  const mapped = Object.entries(source?.networkValues ?? {}).find(([raw]) => raw.toLowerCase() === value.toLowerCase());
  return mapped !== undefined ? mapped[1] : value.toLowerCase();
}
