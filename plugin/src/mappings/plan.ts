// The plan: for every input row, one outcome, and the writes that bring the org to what the mapping
// says. Pure (no I/O): built from the rows, the resolutions and what the org holds, so it is tested
// without an org. Writes are computed as differences, which is what makes a second deploy change nothing.
import { attributeOf, type Identity } from './identity.js';
import type { Channel, MappingFile } from './mappingFile/schema.js';
import { conflictReason, conflictsAmong, groupByExternalId, pairTarget } from './pairConflicts.js';
import type { ExistingChannel, ExistingIdentity, OrgState, RecordRef, Resolution } from './resolve.js';
import type { RejectedRow, RowOrigin } from './sources/row.js';

export const OUTCOMES = [
  'linked',
  'relinked',
  'unchanged',
  'suggested',
  'ambiguous',
  'unmatched',
  'unlinked',
  'leadCreated',
  'duplicate',
  'rejected',
  'failed',
] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** The Matched_By_Rule__c of identities linked to a Lead this tool created for them. */
export const CREATE_LEAD_RULE = 'unmatched:create-lead';

export interface PlannedRow {
  origin: RowOrigin;
  values: Record<string, string>;
  outcome: Outcome;
  externalId?: string;
  target?: RecordRef;
  rule?: string;
  /** Why: the rejection reason, the ambiguous candidates, a kept rep link, the write's error. */
  reason?: string;
  /** Index into plan.identityWrites when the row's identity is written. */
  write?: number;
  /** Id of the Social_Identity__c, once known. */
  identityId?: string;
  /** The identity's write creates a Lead for it (this row's or, for a duplicate, the row it repeats). */
  createsLead?: true;
}

export interface IdentityWrite {
  externalId: string;
  /** Only the fields that differ from the org (all of them for a new identity); null clears a field. */
  fields: Record<string, unknown>;
  /** A Lead to create and link in the same transaction. */
  lead?: Record<string, unknown>;
  existingId?: string;
  /** For an existing identity: each written field's value before this write (null when it had none), what undo restores. */
  previous?: Record<string, unknown>;
}

export interface ChannelWrite {
  key: string;
  fields: Record<string, unknown>;
  existingId?: string;
  /** For an existing channel: each written field's value before this write (null when it had none). */
  previous?: Record<string, unknown>;
}

export interface Plan {
  rows: PlannedRow[];
  identityWrites: IdentityWrite[];
  channelWrites: ChannelWrite[];
  /** Links this tool made earlier that no row supports any more (removeStaleLinks). */
  staleUnlinks: Array<{ identity: ExistingIdentity; write: IdentityWrite }>;
}

export function countOutcomes(rows: readonly PlannedRow[]): Record<Outcome, number> {
  const counts = Object.fromEntries(OUTCOMES.map((outcome) => [outcome, 0])) as Record<Outcome, number>;
  for (const row of rows) counts[row.outcome] += 1;
  return counts;
}

export interface PlanInput {
  mapping: MappingFile;
  /** Rows in input order: usable identities and rejected rows. */
  items: Array<{ kind: 'identity'; identity: Identity } | { kind: 'rejected'; rejected: RejectedRow }>;
  org: OrgState;
  /** ISO time stamped on links made now. */
  now: string;
  /**
   * Report a row that repeats an earlier row exactly (same source, same values) as `duplicate`, naming
   * the line it repeats. A deploy's sources are exports, where such a row is a copy; the identities an
   * interactions import derives repeat by nature (one per post), so it leaves this off.
   */
  reportDuplicates?: boolean;
}

export function buildPlan(input: PlanInput): Plan {
  const { mapping, org, now } = input;
  const rows: PlannedRow[] = [];
  const identityWrites: IdentityWrite[] = [];
  const identities: Identity[] = [];
  for (const item of input.items) if (item.kind === 'identity') identities.push(item.identity);

  const targetKey = (identity: Identity): string | undefined => {
    const pair = pairTarget(identity);
    if (pair !== undefined) return pair;
    const resolution = org.resolutions.get(identity);
    if (resolution?.kind === 'match') return `${resolution.target.object} ${resolution.target.id}`;
    if (resolution?.kind === 'ambiguous') return `ambiguous by ${resolution.rule}`;
    return undefined;
  };
  // Rows of the same identity share one decision and one write; the first row with a target decides.
  const groups = groupByExternalId(identities);
  const conflicted = new Map<Identity, string>();
  for (const conflict of conflictsAmong(groups, targetKey)) {
    groups.delete(conflict.externalId);
    for (const row of conflict.rows) {
      conflicted.set(
        row,
        conflictReason(conflict, row, (identity) => targetKey(identity) ?? 'no match'),
      );
    }
  }
  const decided = new Map<string, { outcome: Outcome; resolution: Resolution; reason?: string; write?: number }>();
  for (const [externalId, group] of groups) {
    const decisive =
      group.length === 1 ? group[0]! : (group.find((identity) => targetKey(identity) !== undefined) ?? group[0]!);
    const resolution = org.resolutions.get(decisive) ?? UNMATCHED;
    const decision = decide(decisive, resolution, org.identities.get(externalId), mapping, now);
    const entry: { outcome: Outcome; resolution: Resolution; reason?: string; write?: number } = {
      outcome: decision.outcome,
      resolution,
    };
    if (decision.reason) entry.reason = decision.reason;
    if (decision.write !== undefined) {
      entry.write = identityWrites.length;
      identityWrites.push(decision.write);
    }
    decided.set(externalId, entry);
  }

  const firstSeen = new ExactRows();
  for (const item of input.items) {
    if (item.kind === 'rejected') {
      rows.push({
        origin: item.rejected.origin,
        values: item.rejected.values,
        outcome: 'rejected',
        reason: item.rejected.reason,
      });
      continue;
    }
    const identity = item.identity;
    const { origin, values } = identity.row;
    const externalId = identity.externalId;
    const conflict = conflicted.size === 0 ? undefined : conflicted.get(identity);
    if (conflict !== undefined) {
      rows.push({ origin, values, externalId, outcome: 'rejected', reason: conflict });
      continue;
    }
    const decision = decided.get(externalId)!;
    const existing = org.identities.get(externalId);
    const repeated = input.reportDuplicates ? firstSeen.repeats(identity) : undefined;
    const planned: PlannedRow = {
      origin,
      values,
      externalId,
      outcome: repeated === undefined ? decision.outcome : 'duplicate',
    };
    if (decision.resolution.kind === 'match') {
      planned.target = decision.resolution.target;
      planned.rule = decision.resolution.rule;
    } else if (decision.resolution.kind === 'ambiguous') {
      planned.rule = decision.resolution.rule;
    }
    if (repeated !== undefined)
      planned.reason = `repeats ${repeated}: the same values, counted there as ${decision.outcome}`;
    else if (decision.reason !== undefined) planned.reason = decision.reason;
    if (decision.write !== undefined) planned.write = decision.write;
    if (decision.outcome === 'leadCreated') planned.createsLead = true;
    if (existing !== undefined) planned.identityId = existing.Id;
    rows.push(planned);
  }

  return {
    rows,
    identityWrites,
    channelWrites: planChannels(mapping.channels, org.channels),
    staleUnlinks: planStaleUnlinks(org.staleLinks),
  };
}

/** Unlinks for links this tool made that no input row supports any more (removeStaleLinks). */
export function planStaleUnlinks(links: readonly ExistingIdentity[]): Plan['staleUnlinks'] {
  return links.map((identity) => {
    const fields = unlinkFields('no longer in the mapping file');
    return {
      identity,
      write: {
        externalId: identity.External_Id__c,
        existingId: identity.Id,
        fields,
        previous: previousValues(fields, identity),
      },
    };
  });
}

const UNMATCHED: Resolution = { kind: 'unmatched' };

interface Decision {
  outcome: Outcome;
  reason?: string;
  write?: IdentityWrite;
}

function decide(
  identity: Identity,
  resolution: Resolution,
  existing: ExistingIdentity | undefined,
  mapping: MappingFile,
  now: string,
): Decision {
  const profile = profileFields(identity);
  const currentTarget = existing ? targetOf(existing) : undefined;
  const mappingOwnsLink =
    existing === undefined ||
    existing.Link_Status__c === 'Unlinked' ||
    existing.Link_Status__c === null ||
    existing.Link_Status__c === undefined ||
    (existing.Link_Source__c === 'Mapping' && existing.Link_Status__c !== 'Rejected');
  const hasMappingLink =
    existing !== undefined &&
    existing.Link_Source__c === 'Mapping' &&
    (existing.Link_Status__c === 'Linked' || existing.Link_Status__c === 'Suggested');

  const finish = (
    outcome: Outcome,
    link: Record<string, unknown> | undefined,
    reason?: string,
    lead?: Record<string, unknown>,
  ): Decision => {
    const desired = { ...profile, ...(link ?? {}) };
    if (existing === undefined && desired.Link_Status__c === undefined) desired.Link_Status__c = 'Unlinked';
    const fields = difference(desired, existing);
    if (link !== undefined && linkChanged(link, existing) && link.Link_Status__c !== 'Unlinked')
      fields.Linked_At__c = now;
    const decision: Decision = { outcome };
    if (reason !== undefined) decision.reason = reason;
    if (Object.keys(fields).length > 0 || lead !== undefined) {
      decision.write = {
        externalId: identity.externalId,
        fields,
        ...(lead ? { lead } : {}),
        ...(existing ? { existingId: existing.Id, previous: previousValues(fields, existing) } : {}),
      };
    }
    return decision;
  };

  if (!mappingOwnsLink) {
    const who =
      existing!.Link_Status__c === 'Rejected'
        ? 'a rep rejected the link'
        : `linked by ${existing!.Link_Source__c ?? 'someone else'}`;
    if (resolution.kind === 'ambiguous')
      return finish('ambiguous', undefined, `${ambiguousNote(resolution)}; ${who}, left as is`);
    if (resolution.kind === 'unmatched')
      return finish('unmatched', undefined, `${resolution.reason ?? 'no rule matched'}; ${who}, left as is`);
    const same = currentTarget !== undefined && sameRecord(currentTarget, resolution.target);
    return finish(
      'unchanged',
      undefined,
      same
        ? `already ${who}`
        : `${who} (${describe(currentTarget)}); the mapping points at ${describe(resolution.target)} and does not override it`,
    );
  }

  if (resolution.kind === 'match') {
    const status = resolution.action === 'link' ? 'Linked' : 'Suggested';
    // A Lead this tool created is then found by a Lead rule on the next run; the link stays credited
    // to its creation, so that run changes nothing. So does a Lead a stopped run created for this
    // identity (it carries the identity's key) before it could link the identity to it.
    const createdLead =
      (existing?.Matched_By_Rule__c === CREATE_LEAD_RULE &&
        currentTarget !== undefined &&
        sameRecord(currentTarget, resolution.target)) ||
      (resolution.leadKey !== undefined && resolution.leadKey === leadKey(identity));
    const link = linkFields(resolution.target, status, createdLead ? CREATE_LEAD_RULE : resolution.rule);
    let outcome: Outcome;
    if (
      hasMappingLink &&
      currentTarget !== undefined &&
      sameRecord(currentTarget, resolution.target) &&
      existing!.Link_Status__c === status
    ) {
      outcome = 'unchanged';
    } else if (hasMappingLink && currentTarget !== undefined && !sameRecord(currentTarget, resolution.target)) {
      outcome = 'relinked';
    } else {
      outcome = status === 'Linked' ? 'linked' : 'suggested';
    }
    return finish(outcome, link);
  }

  if (resolution.kind === 'ambiguous') {
    const note = ambiguousNote(resolution);
    if (hasMappingLink && mapping.removeStaleLinks)
      return finish('ambiguous', unlinkFields(note), `${note}; the earlier link was removed`);
    if (hasMappingLink)
      return finish('ambiguous', undefined, `${note}; the earlier link is kept (removeStaleLinks is off)`);
    return finish('ambiguous', { Link_Status__c: 'Unlinked', Link_Note__c: note.slice(0, 255) }, note);
  }

  const reason = resolution.reason ?? 'no rule matched';
  if (hasMappingLink && existing!.Matched_By_Rule__c === CREATE_LEAD_RULE && existing!.Lead__c) {
    return finish('unchanged', undefined, 'linked to the Lead created for it by an earlier deploy');
  }
  if (hasMappingLink && mapping.removeStaleLinks) {
    return finish(
      'unlinked',
      unlinkFields(`${reason}: the mapping no longer supports the link`),
      `${reason}; the earlier link (${describe(currentTarget)}) was removed`,
    );
  }
  if (hasMappingLink)
    return finish('unmatched', undefined, `${reason}; the earlier link is kept (removeStaleLinks is off)`);
  if (mapping.unmatched === 'create-lead' && currentTarget === undefined) {
    const link = {
      Link_Status__c: 'Linked',
      Link_Source__c: 'Mapping',
      Matched_By_Rule__c: CREATE_LEAD_RULE,
      Contact__c: null,
      Link_Note__c: null,
    };
    return finish('leadCreated', link, reason, leadFields(identity, mapping));
  }
  return finish('unmatched', undefined, reason);
}

function profileFields(identity: Identity): Record<string, unknown> {
  const fields: Record<string, unknown> = {
    Name: identityName(identity),
    External_Id__c: identity.externalId,
    Network__c: identity.network,
    Network_User_Id__c: identity.userId,
  };
  if (identity.handle !== undefined) fields.Handle__c = identity.handle;
  if (identity.displayName !== undefined) fields.Display_Name__c = identity.displayName;
  if (identity.profileUrl !== undefined) fields.Profile_URL__c = identity.profileUrl;
  if (identity.followers !== undefined) fields.Followers__c = identity.followers;
  return fields;
}

/** "@ana_ruiz (x)", else the display name, else the user id: what a rep recognises, at most 80 characters. */
export function identityName(identity: Pick<Identity, 'handle' | 'displayName' | 'userId' | 'network'>): string {
  const label = identity.handle !== undefined ? `@${identity.handle}` : (identity.displayName ?? identity.userId);
  const suffix = ` (${identity.network})`;
  return label.length + suffix.length <= 80 ? `${label}${suffix}` : `${label.slice(0, 79 - suffix.length)}…${suffix}`;
}

function linkFields(target: RecordRef, status: 'Linked' | 'Suggested', rule: string): Record<string, unknown> {
  return {
    Contact__c: target.object === 'Contact' ? target.id : null,
    Lead__c: target.object === 'Lead' ? target.id : null,
    Link_Status__c: status,
    Link_Source__c: 'Mapping',
    Matched_By_Rule__c: rule.slice(0, 80),
    Link_Note__c: null,
  };
}

function unlinkFields(note: string): Record<string, unknown> {
  return {
    Contact__c: null,
    Lead__c: null,
    Link_Status__c: 'Unlinked',
    Link_Source__c: 'Mapping',
    Matched_By_Rule__c: null,
    Link_Note__c: `Link removed by sf social mappings deploy: ${note}`.slice(0, 255),
  };
}

/**
 * The Lead.Social_Bridge_Key__c of the Lead created for an identity, the same on every run: identities
 * that share an e-mail share one Lead (`email <address>`, lower case: two Leads with one address would
 * make the next run's lead rule find both), else the identity's own `network:userId`. A channel key has
 * no space, so the two kinds never collide, and both fit the field's 255 characters.
 */
export function leadKey(identity: Identity): string {
  const email = attributeOf(identity, 'email')?.trim();
  return email ? `email ${email.toLowerCase()}` : identity.externalId;
}

function leadFields(identity: Identity, mapping: MappingFile): Record<string, unknown> {
  const settings = mapping.lead ?? { company: 'Social: {network}', leadSource: 'Social' };
  const name = identity.displayName ?? identity.handle ?? identity.userId;
  const space = name.lastIndexOf(' ');
  const fields: Record<string, unknown> = {
    LastName: (space > 0 ? name.slice(space + 1) : name).slice(0, 80),
    Company: settings.company
      .replaceAll('{network}', identity.network)
      .replaceAll('{handle}', identity.handle ?? identity.userId)
      .slice(0, 255),
    LeadSource: settings.leadSource,
    Social_Bridge_Key__c: leadKey(identity),
  };
  if (space > 0) fields.FirstName = name.slice(0, space).slice(0, 40);
  const email = attributeOf(identity, 'email');
  const phone = attributeOf(identity, 'phone');
  if (email !== undefined) fields.Email = email;
  if (phone !== undefined) fields.Phone = phone;
  if (settings.status !== undefined) fields.Status = settings.status;
  return fields;
}

function ambiguousNote(resolution: Extract<Resolution, { kind: 'ambiguous' }>): string {
  return `rule ${resolution.rule} matches ${resolution.candidates.length} ${resolution.candidates[0]?.object ?? 'record'}s: ${resolution.candidates.map((candidate) => candidate.id).join(', ')}; not linked, a rep or a pair must choose`;
}

function targetOf(existing: ExistingIdentity): RecordRef | undefined {
  if (existing.Contact__c) return { object: 'Contact', id: String(existing.Contact__c) };
  if (existing.Lead__c) return { object: 'Lead', id: String(existing.Lead__c) };
  return undefined;
}

function sameRecord(a: RecordRef, b: RecordRef): boolean {
  return a.object === b.object && a.id.slice(0, 15) === b.id.slice(0, 15);
}

function describe(target: RecordRef | undefined): string {
  return target === undefined ? 'no record' : `${target.object} ${target.id}`;
}

function linkChanged(link: Record<string, unknown>, existing: ExistingIdentity | undefined): boolean {
  if (existing === undefined) return true;
  return ['Contact__c', 'Lead__c', 'Link_Status__c'].some(
    (field) => field in link && !sameValue(link[field], existing[field as keyof ExistingIdentity]),
  );
}

/** The desired fields that differ from the org; ids compare on their first 15 characters. */
function difference(
  desired: Record<string, unknown>,
  existing: Record<string, unknown> | undefined,
): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const field in desired) {
    const value = desired[field];
    if (existing === undefined ? value !== null : !sameValue(value, existing[field])) fields[field] = value;
  }
  return fields;
}

/** What the org held in each field a write sets (null for a field it left empty): what undo restores. */
function previousValues(fields: Record<string, unknown>, existing: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.keys(fields).map((field) => [field, existing[field] ?? null]));
}

/**
 * The rows seen so far, keyed by everything a row says (its source and values), so that a row that
 * repeats an earlier one exactly is told apart from a second row of the same identity that says
 * something else (a different handle, another target: those are decided together, or conflict).
 */
class ExactRows {
  private readonly seen = new Map<string, string>();

  /** The place ("file:line") of the row this identity's row repeats, or undefined for a first sighting. */
  public repeats(identity: Identity): string | undefined {
    const { origin, values, pair } = identity.row;
    // Each part prefixed with its length, so no two different rows make one key (values are free text).
    let key = `${identity.externalId.length}:${identity.externalId}${origin.source.length}:${origin.source}`;
    const names = Object.keys(values);
    // A source's rows list their values in one order (its columns); sorting only matters across sources.
    if (names.length > 1) names.sort();
    for (const name of names) {
      const value = values[name]!;
      key += `${name.length}:${name}${value.length}:${value}`;
    }
    if (pair !== undefined) key += `pair ${JSON.stringify(pair)}`;
    const first = this.seen.get(key);
    if (first === undefined) this.seen.set(key, `${origin.file}:${origin.line}`);
    return first;
  }
}

/** Whether two field values are the same to the org: ids on their first 15 characters, numbers as numbers. */
export function sameValue(desired: unknown, current: unknown): boolean {
  const empty = (value: unknown): boolean => value === null || value === undefined || value === '';
  if (empty(desired) && empty(current)) return true;
  if (empty(desired) || empty(current)) return false;
  if (typeof desired === 'number' || typeof current === 'number') return Number(desired) === Number(current);
  if (typeof desired === 'boolean' || typeof current === 'boolean') return String(desired) === String(current);
  const a = String(desired);
  const b = String(current);
  if (
    /^[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?$/.test(a) &&
    /^[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?$/.test(b) &&
    a.length !== b.length
  ) {
    return a.slice(0, 15) === b.slice(0, 15);
  }
  return a === b;
}

const CHANNEL_FIELD_OF: Record<Exclude<keyof Channel, 'key'>, string> = {
  name: 'Name',
  enabled: 'Enabled__c',
  icon: 'Icon__c',
  publicReplyLimit: 'Public_Reply_Limit__c',
  lengthCounting: 'Length_Counting__c',
  responseSlaMinutes: 'Response_SLA_Minutes__c',
  supportsPrivateMessages: 'Supports_Private_Messages__c',
  profileUrlTemplate: 'Profile_URL_Template__c',
  postUrlTemplate: 'Post_URL_Template__c',
  sortOrder: 'Sort_Order__c',
  caseOrigin: 'Case_Origin__c',
};

/**
 * What the org puts in a field left out on create (force-app's defaults): an omitted setting means
 * this value, so a rerun does not see a difference between "not set" and the org's default.
 */
const ORG_DEFAULTS: Record<string, unknown> = { Supports_Private_Messages__c: false, Length_Counting__c: 'Characters' };

/** The mapping file is the channel's source of truth: a setting removed from it is cleared in the org. */
export function planChannels(
  channels: readonly Channel[],
  existing: ReadonlyMap<string, ExistingChannel>,
): ChannelWrite[] {
  const writes: ChannelWrite[] = [];
  for (const channel of channels) {
    const desired: Record<string, unknown> = { Network_Key__c: channel.key };
    for (const [setting, field] of Object.entries(CHANNEL_FIELD_OF)) {
      const value = channel[setting as keyof typeof CHANNEL_FIELD_OF];
      desired[field] = value ?? ORG_DEFAULTS[field] ?? null;
    }
    const current = existing.get(channel.key);
    const fields = difference(desired, current);
    if (current !== undefined) delete fields.Network_Key__c;
    if (Object.keys(fields).length > 0)
      writes.push({
        key: channel.key,
        fields,
        ...(current ? { existingId: current.Id, previous: previousValues(fields, current) } : {}),
      });
  }
  return writes;
}
