// Finds, for every identity, the record its pair names or the first rule that matches, and reads
// what the org already holds (identities by external id, channels, the tool's own earlier links).
// All the queries of a partition go out together through OrgClient.queryMany (five per composite
// call), as IN lists as long as a SOQL statement allows (soql.ts); a rule whose normalisation the
// org cannot do in SOQL (phone-e164, email-plus, email-dots: the org stores those fields in free
// form) reads the records that have a value in the field (with every other rule field of that object:
// no IN list on top of the scan), once per deploy, into a compact index of normalised values built as
// the pages arrive (scanIndex.ts), and compares normalised values here. Either way the record's value is normalised and compared exactly; a rule on an e-mail
// field is compared without case whatever its normalise says (fieldSemantics.ts).
import { attributeOf, type Identity } from './identity.js';
import type { MappingFile, Rule } from './mappingFile/schema.js';
import { effectiveNormalisation } from './fieldSemantics.js';
import { normalise, type Normalisation } from './normalise.js';
import type { OrgClient } from '../org/client.js';
import { MappingError, type Problem } from './problem.js';
import { bodyInListQueries, quoteSoql } from '../org/soql.js';
import { PhoneTails, ScanIndex, ValueFilter } from './scanIndex.js';

export type RecordObject = 'Contact' | 'Lead';

export interface RecordRef {
  object: RecordObject;
  id: string;
}

export type Resolution =
  | {
      kind: 'match';
      target: RecordRef;
      rule: string;
      action: 'link' | 'suggest';
      /** The matched Lead's Social_Bridge_Key__c: the deploy created it (create-lead mappings only). */
      leadKey?: string;
    }
  | { kind: 'ambiguous'; rule: string; candidates: RecordRef[] }
  | { kind: 'unmatched'; reason?: string };

/** The Social_Identity__c fields a deploy reads and writes. */
export const IDENTITY_FIELDS = [
  'Id',
  'Name',
  'External_Id__c',
  'Network__c',
  'Network_User_Id__c',
  'Handle__c',
  'Display_Name__c',
  'Profile_URL__c',
  'Followers__c',
  'Contact__c',
  'Lead__c',
  'Link_Status__c',
  'Link_Source__c',
  'Matched_By_Rule__c',
  'Link_Note__c',
  // Read so that a deploy's results keep the value a new link replaces: undo restores it.
  'Linked_At__c',
] as const;

export type ExistingIdentity = { Id: string; External_Id__c: string } & Partial<
  Record<(typeof IDENTITY_FIELDS)[number], string | number | null>
>;

export const CHANNEL_FIELDS = [
  'Id',
  'Name',
  'Network_Key__c',
  'Enabled__c',
  'Icon__c',
  'Public_Reply_Limit__c',
  'Length_Counting__c',
  'Response_SLA_Minutes__c',
  'Supports_Private_Messages__c',
  'Profile_URL_Template__c',
  'Post_URL_Template__c',
  'Sort_Order__c',
  'Case_Origin__c',
] as const;

export type ExistingChannel = { Id: string; Network_Key__c: string } & Partial<
  Record<(typeof CHANNEL_FIELDS)[number], string | number | boolean | null>
>;

export interface OrgState {
  resolutions: Map<Identity, Resolution>;
  /** By exact (case-sensitive) External_Id__c. */
  identities: Map<string, ExistingIdentity>;
  /** Links this tool made that no input row mentions (only read when removeStaleLinks is on). */
  staleLinks: ExistingIdentity[];
  /** Every link this tool made (only read when removeStaleLinks is on), mentioned or not. */
  mappingLinks: ExistingIdentity[];
  /** By lower-case Network_Key__c (the field is case-insensitive unique). */
  channels: Map<string, ExistingChannel>;
}

/**
 * A converted Lead is history, not a person to link: its identities follow it to its Contact
 * (conversions/followConversions.ts), and a rule must never match it again and pull them back.
 */
function liveRecords(object: string): string {
  return object === 'Lead' ? 'IsConverted = false AND ' : '';
}

/** Normalisations the org cannot reproduce in a WHERE clause, so their rules read the field's records. */
const SCAN_NORMALISATIONS: ReadonlySet<Normalisation> = new Set(['phone-e164', 'email-plus', 'email-dots']);

export interface ResolveContext {
  mapping: MappingFile;
  /** Points a problem at the mapping file line, e.g. for a rule whose field the org does not have. */
  locate(path: ReadonlyArray<string | number>): { line: number; column: number };
  mappingDisplayPath: string;
}

/**
 * Reads that do not depend on the identities (a scan rule's records, the channels, the links this tool
 * made), kept across the partitions of one deploy so that each is read from the org once.
 */
export class SharedReads {
  /**
   * @param values The input's values for the scanned rules, when the deploy noted every identity before
   * the scan: the indexes then keep only the records an identity could match.
   */
  public constructor(public readonly values?: ScanValues) {}

  public readonly records = new Map<string, Array<Record<string, unknown>>>();
  /**
   * The index of every rule on a scanned object (normalised value -> ids), built once from the scan's
   * pages as they arrive; the scan's records themselves are not kept.
   */
  public readonly ruleIndexes = new Map<Rule, ScanIndex>();
}

/** The objects a scan rule reads whole (with every rule field of that object in the one read). */
function scannedObjects(rules: readonly Rule[]): Set<RecordObject> {
  const objects = new Set<RecordObject>();
  for (const rule of rules) {
    if (rule.normalise.some((step) => SCAN_NORMALISATIONS.has(step))) {
      objects.add(rule.record.split('.')[0] as RecordObject);
    }
  }
  return objects;
}

/**
 * The input's normalised values for every rule on a scanned object, noted identity by identity while the
 * deploy reads its sources, before any scan: a scan then keeps, of every Contact with a value, only
 * those an identity could match, so what it holds grows with the input's matches, not with the org.
 * Each filter has a fixed size (scanIndex.ts).
 */
export class ScanValues {
  private readonly filters = new Map<Rule, ValueFilter>();
  /** For a phone-e164 rule, the input numbers' last digits: most Contacts are then passed over unparsed. */
  private readonly tails = new Map<Rule, PhoneTails>();
  private readonly options: { defaultCountryCode?: string };

  public constructor(mapping: MappingFile) {
    this.options = mapping.phone?.defaultCountryCode ? { defaultCountryCode: mapping.phone.defaultCountryCode } : {};
    const scanned = scannedObjects(mapping.rules);
    for (const rule of mapping.rules) {
      if (!scanned.has(rule.record.split('.')[0] as RecordObject)) continue;
      this.filters.set(rule, new ValueFilter());
      if (effectiveNormalisation(rule).includes('phone-e164')) this.tails.set(rule, new PhoneTails());
    }
  }

  /**
   * Notes the values `identity` can be matched by (an identity with a pair is matched by no rule), and
   * keeps them on the identity, so that matching it later does not normalise them again.
   */
  public note(identity: Identity): void {
    if (identity.row.pair !== undefined) return;
    for (const [rule, filter] of this.filters) {
      if (!ruleApplies(rule, identity)) continue;
      const value = normalise(attributeOf(identity, rule.identity), effectiveNormalisation(rule), this.options);
      (identity.normalised ??= {})[normalisedKey(rule)] = value ?? null;
      if (value === undefined) continue;
      filter.add(value);
      this.tails.get(rule)?.add(value);
    }
  }

  /**
   * Lets the filters go (5 MB for the bench's two rules) once the scans have run: only their sinks read
   * them, and a deploy scans once. A scan after this keeps every record, as one without filters does.
   */
  public release(): void {
    this.filters.clear();
    this.tails.clear();
  }

  public tailsOf(rule: Rule): PhoneTails | undefined {
    return this.tails.get(rule);
  }

  public filterOf(rule: Rule): ValueFilter | undefined {
    return this.filters.get(rule);
  }
}

/** What a normalised attribute value depends on: the attribute and the normalisations (not the rule's name). */
function normalisedKey(rule: Rule): string {
  return `${rule.identity}|${effectiveNormalisation(rule).join(',')}`;
}

/** The identity's value for `rule`, normalised: noted while the sources were read, or normalised now. */
function normalisedAttribute(
  identity: Identity,
  rule: Rule,
  options: { defaultCountryCode?: string },
): string | undefined {
  const noted = identity.normalised?.[normalisedKey(rule)];
  if (noted !== undefined) return noted ?? undefined;
  return normalise(attributeOf(identity, rule.identity), effectiveNormalisation(rule), options);
}

/** A rule's records by normalised field value. */
interface RuleIndex {
  get(value: string): Iterable<string> | undefined;
}

export async function resolveAgainstOrg(
  org: OrgClient,
  identities: Identity[],
  context: ResolveContext,
  shared = new SharedReads(),
): Promise<OrgState> {
  const { mapping } = context;
  const options = mapping.phone?.defaultCountryCode ? { defaultCountryCode: mapping.phone.defaultCountryCode } : {};
  // Every step's queries go out together: composite requests pack five to a call whatever step they serve.
  const batch = new QueryBatch(shared);

  const pairs = identities.filter((identity) => identity.row.pair !== undefined);
  const pairRecords = queryPairs(batch, pairs);

  const byField = new Map<string, { object: RecordObject; field: string; rules: Rule[] }>();
  for (const rule of mapping.rules) {
    const [object, field] = rule.record.split('.') as [RecordObject, string];
    const key = `${object}.${field.toLowerCase()}`;
    const group = byField.get(key) ?? { object, field, rules: [] };
    group.rules.push(rule);
    byField.set(key, group);
  }
  const ruleIdentities = identities.filter((identity) => identity.row.pair === undefined);
  // An object that a scan rule reads whole is read once with every rule field of that object in it: an
  // IN-list query on another of its fields would read again what the scan already holds.
  const scanFields = new Map<RecordObject, string[]>();
  for (const object of scannedObjects(mapping.rules)) scanFields.set(object, []);
  for (const { object, field } of byField.values()) scanFields.get(object)?.push(field);
  for (const [object, fields] of scanFields) {
    const rules = [...byField.values()].filter((group) => group.object === object).flatMap((group) => group.rules);
    // Read once per deploy: the indexes are shared by every partition.
    if (rules.every((rule) => shared.ruleIndexes.has(rule))) continue;
    const onError = (error: unknown): Error =>
      ruleQueryError(error, rulesNamedBy(error, object, mapping.rules), context);
    batch.addScan(
      `SELECT Id, ${fields.join(', ')} FROM ${object} WHERE ${liveRecords(object)}(${fields.map((name) => `${name} != null`).join(' OR ')})`,
      indexScan(rules, shared, options),
      onError,
    );
  }
  // A create-lead mapping's Lead rules read each Lead's key too: a Lead a stopped run created for an
  // identity is found by a rule on the rerun, and the link is still credited to its creation.
  const withLeadKey = (object: RecordObject): string =>
    object === 'Lead' && mapping.unmatched === 'create-lead' ? ', Social_Bridge_Key__c' : '';
  const fieldRecords = [...byField.values()].flatMap(({ object, field, rules }) => {
    if (scanFields.has(object)) return [];
    const onError = (error: unknown): Error => ruleQueryError(error, rules, context);
    const records = batch.add(
      bodyInListQueries(
        `SELECT Id, ${field}${withLeadKey(object)} FROM ${object} WHERE ${liveRecords(object)}${field}`,
        ruleValues(rules, ruleIdentities, options),
      ),
      onError,
    );
    return [{ field, rules, records }];
  });

  const externalIds = new Set(identities.map((identity) => identity.externalId));
  const identityFields = IDENTITY_FIELDS.join(', ');
  // A first deploy into an org with no identities reads none back: whether the org holds any is asked
  // once (one record at most), with the reads every partition shares. An IN list that fits in one query
  // operation goes along with that question (waiting for the answer would cost a call); a longer one
  // (some 5 operations per 20,000 identities) waits for it, and is never sent to an org without identities.
  const identityQueries = bodyInListQueries(
    `SELECT ${identityFields} FROM Social_Identity__c WHERE External_Id__c`,
    externalIds,
  );
  const anyIdentity = batch.addShared('any identity', ['SELECT Id FROM Social_Identity__c LIMIT 1']);
  const known = shared.records.has('any identity');
  const identityRecords =
    (known && anyIdentity().length === 0) || (!known && identityQueries.length > 1)
      ? undefined
      : batch.add(identityQueries);
  const networks = mapping.channels.map((channel) => quoteSoql(channel.key)).join(', ');
  const linkedRecords = mapping.removeStaleLinks
    ? batch.addShared('mapping links', [
        `SELECT ${identityFields} FROM Social_Identity__c WHERE Link_Source__c = 'Mapping' AND Link_Status__c IN ('Linked', 'Suggested') AND Network__c IN (${networks})`,
      ])
    : () => [];
  const channelRecords = batch.addShared(
    'channels',
    bodyInListQueries(
      `SELECT ${CHANNEL_FIELDS.join(', ')} FROM Social_Channel__c WHERE Network_Key__c`,
      mapping.channels.map((channel) => channel.key),
    ),
  );

  await batch.run(org);
  // Known now if it was not: an org with no identity gets no IN list.
  const existingRecords =
    identityRecords ??
    (anyIdentity().length === 0 ? (): Array<Record<string, unknown>> => [] : batch.add(identityQueries));
  await batch.run(org);

  const resolutions = new Map<Identity, Resolution>();
  resolvePairs(pairs, pairRecords, resolutions);

  // One record index per rule: normalised field value -> record ids.
  const ruleIndexes = new Map<Rule, RuleIndex>(shared.ruleIndexes);
  const leadKeys = new Map<string, string>();
  for (const { field, rules, records } of fieldRecords) {
    for (const rule of rules) ruleIndexes.set(rule, indexRecords(records(), field, rule, options));
    for (const record of records()) {
      if (typeof record.Social_Bridge_Key__c === 'string') leadKeys.set(String(record.Id), record.Social_Bridge_Key__c);
    }
  }
  for (const identity of ruleIdentities) {
    const resolution = matchByRules(identity, mapping.rules, ruleIndexes, options);
    const key = resolution.kind === 'match' ? leadKeys.get(resolution.target.id) : undefined;
    if (resolution.kind === 'match' && key !== undefined) resolution.leadKey = key;
    resolutions.set(identity, resolution);
  }

  const existing = new Map<string, ExistingIdentity>();
  for (const record of existingRecords() as ExistingIdentity[]) {
    // SOQL compares text case-insensitively; the external id is case-sensitive, so keep exact hits only.
    if (externalIds.has(record.External_Id__c)) existing.set(record.External_Id__c, record);
  }
  const mappingLinks = linkedRecords() as ExistingIdentity[];
  const staleLinks = mappingLinks.filter((record) => !externalIds.has(record.External_Id__c));
  const channels = new Map<string, ExistingChannel>();
  for (const record of channelRecords() as ExistingChannel[]) channels.set(record.Network_Key__c.toLowerCase(), record);

  return { resolutions, identities: existing, staleLinks, mappingLinks, channels };
}

/**
 * The sink of a scan: each record goes into the index of every rule on the object (created here and
 * kept in `shared`), under the rule's normalised value of its field.
 */
function indexScan(
  rules: readonly Rule[],
  shared: SharedReads,
  options: { defaultCountryCode?: string },
): (record: Record<string, unknown>) => void {
  const indexes = rules.map((rule) => {
    const index = new ScanIndex();
    shared.ruleIndexes.set(rule, index);
    return {
      index,
      field: rule.record.split('.')[1]!,
      normalisation: effectiveNormalisation(rule),
      wanted: shared.values?.filterOf(rule),
      tails: shared.values?.tailsOf(rule),
    };
  });
  return (record) => {
    const id = String(record.Id);
    for (const { index, field, normalisation, wanted, tails } of indexes) {
      const raw = fieldValue(record, field);
      if (raw !== undefined && tails !== undefined && !tails.mightMatch(raw)) continue;
      const normalised = normalise(raw, normalisation, options);
      // A value no identity of the input has is never asked for: not kept.
      if (normalised !== undefined && (wanted === undefined || wanted.mightHave(normalised))) {
        index.add(normalised, id);
      }
    }
  };
}

function indexRecords(
  records: ReadonlyArray<Record<string, unknown>>,
  field: string,
  rule: Rule,
  options: { defaultCountryCode?: string },
): Map<string, Set<string>> {
  const index = new Map<string, Set<string>>();
  for (const record of records) {
    const normalised = normalise(fieldValue(record, field), effectiveNormalisation(rule), options);
    if (normalised === undefined) continue;
    const ids = index.get(normalised) ?? new Set<string>();
    ids.add(String(record.Id));
    index.set(normalised, ids);
  }
  return index;
}

/**
 * The values to look for in a rule's field: each identity's normalised value and its raw value (the
 * org holds free-form text; both sides are normalised again when compared).
 */
function ruleValues(rules: Rule[], identities: Identity[], options: { defaultCountryCode?: string }): Set<string> {
  const values = new Set<string>();
  for (const rule of rules) {
    for (const identity of identities) {
      if (!ruleApplies(rule, identity)) continue;
      const raw = attributeOf(identity, rule.identity);
      const value = normalise(raw, effectiveNormalisation(rule), options);
      if (value === undefined || raw === undefined) continue;
      values.add(value);
      // SOQL compares text case-insensitively: the raw value is worth a place only if it differs otherwise.
      if (raw.trim().toLowerCase() !== value.toLowerCase()) values.add(raw.trim());
      if (rule.normalise.includes('strip-at')) values.add(`@${value}`);
    }
  }
  return values;
}

type Records = () => Array<Record<string, unknown>>;

/**
 * Collects the queries of several steps, runs them in one OrgClient.queryMany and hands each step its
 * records. Shared reads are taken from, or kept in, the deploy's SharedReads.
 */
class QueryBatch {
  private readonly queries: string[] = [];
  private readonly owners: Array<{ from: number; to: number; onError?: (error: unknown) => Error; key?: string }> = [];
  private readonly sinks: Array<((record: Record<string, unknown>) => void) | undefined> = [];
  /** Scans, which may be read by a Bulk API query job (their sinks normalise text values). */
  private readonly bulkScans: boolean[] = [];
  private readonly results: Array<Array<Record<string, unknown>>> = [];
  private readonly sharedAsked = new Map<string, Records>();

  public constructor(private readonly shared: SharedReads) {}

  public add(queries: string[], onError?: (error: unknown) => Error, key?: string): Records {
    const from = this.queries.length;
    this.queries.push(...queries);
    const owner = { from, to: this.queries.length, ...(onError ? { onError } : {}), ...(key ? { key } : {}) };
    this.owners.push(owner);
    return () => this.results.slice(owner.from, owner.to).flat();
  }

  /** A query whose records go to `sink` as they arrive, and are not kept. */
  public addScan(
    query: string,
    sink: (record: Record<string, unknown>) => void,
    onError?: (error: unknown) => Error,
  ): void {
    this.add([query], onError);
    this.sinks[this.queries.length - 1] = sink;
    this.bulkScans[this.queries.length - 1] = true;
  }

  public addShared(key: string, queries: string[], onError?: (error: unknown) => Error): Records {
    const known = this.shared.records.get(key);
    if (known !== undefined) return () => known;
    // Several rules may ask for the same read (the fields of one scanned object) before it has run.
    const asked = this.sharedAsked.get(key);
    if (asked !== undefined) return asked;
    const records = this.add(queries, onError, key);
    this.sharedAsked.set(key, records);
    return records;
  }

  /** Runs the queries added since the last run (none: no call); earlier results stay where they are. */
  public async run(org: OrgClient): Promise<void> {
    const start = this.results.length;
    try {
      this.results.push(
        ...(await org.queryMany(this.queries.slice(start), this.sinks.slice(start), this.bulkScans.slice(start))),
      );
    } catch (error) {
      const relative = (error as { queryIndex?: number }).queryIndex;
      const index = relative === undefined ? undefined : relative + start;
      const owner = this.owners.find(({ from, to }) => index !== undefined && index >= from && index < to);
      throw owner?.onError ? owner.onError(error) : error;
    }
    for (const { from, to, key } of this.owners) {
      if (key !== undefined && from >= start) this.shared.records.set(key, this.results.slice(from, to).flat());
    }
  }
}

function ruleApplies(rule: Rule, identity: Identity): boolean {
  return rule.networks === undefined || rule.networks.includes(identity.network);
}

/** The first rule that finds any record decides; two or more records make the identity ambiguous. */
export function matchByRules(
  identity: Identity,
  rules: readonly Rule[],
  indexes: ReadonlyMap<Rule, RuleIndex>,
  options: { defaultCountryCode?: string },
): Resolution {
  for (const rule of rules) {
    if (!ruleApplies(rule, identity)) continue;
    const value = normalisedAttribute(identity, rule, options);
    if (value === undefined) continue;
    const ids = [...(indexes.get(rule)?.get(value) ?? [])];
    if (ids.length === 0) continue;
    const object = rule.record.split('.')[0] as RecordObject;
    const candidates = ids.sort().map((id) => ({ object, id }));
    if (candidates.length > 1) return { kind: 'ambiguous', rule: rule.name, candidates };
    return { kind: 'match', target: candidates[0]!, rule: rule.name, action: rule.action };
  }
  return { kind: 'unmatched' };
}

const ID_PREFIX: Record<RecordObject, string> = { Contact: '003', Lead: '00Q' };

interface PairRecords {
  ids: Records;
  lookups: Array<{ key: string; field: string; records: Records }>;
}

/** Queries for the records explicit pairs name: by id per object, and by one field per (object, field). */
function queryPairs(batch: QueryBatch, pairs: Identity[]): PairRecords {
  const ids = new Map<RecordObject, Set<string>>();
  const lookups = new Map<string, { object: RecordObject; field: string; values: Set<string> }>();
  for (const identity of pairs) {
    const { object, reference } = identity.row.pair!;
    if (typeof reference === 'string') {
      const set = ids.get(object) ?? new Set<string>();
      set.add(reference);
      ids.set(object, set);
    } else {
      const [field, value] = Object.entries(reference)[0]!;
      const key = `${object}.${field.toLowerCase()}`;
      const lookup = lookups.get(key) ?? { object, field, values: new Set<string>() };
      lookup.values.add(value);
      lookups.set(key, lookup);
    }
  }
  const idQueries = [...ids].flatMap(([object, set]) =>
    bodyInListQueries(
      `SELECT Id FROM ${object} WHERE Id`,
      [...set].filter((id) => id.startsWith(ID_PREFIX[object])),
    ),
  );
  return {
    ids: batch.add(idQueries),
    lookups: [...lookups].map(([key, { object, field, values }]) => ({
      key,
      field,
      records: batch.add(bodyInListQueries(`SELECT Id, ${field} FROM ${object} WHERE ${field}`, values)),
    })),
  };
}

function resolvePairs(pairs: Identity[], records: PairRecords, resolutions: Map<Identity, Resolution>): void {
  const found = new Set(records.ids().map((record) => String(record.Id).slice(0, 15)));
  const lookupIndex = new Map<string, string[]>();
  for (const { key, field, records: lookupRecords } of records.lookups) {
    for (const record of lookupRecords()) {
      const indexKey = `${key}=${String(fieldValue(record, field) ?? '').toLowerCase()}`;
      lookupIndex.set(indexKey, [...(lookupIndex.get(indexKey) ?? []), String(record.Id)]);
    }
  }
  for (const identity of pairs) {
    const { object, reference } = identity.row.pair!;
    const rule = `pairs:${identity.row.origin.source}`.slice(0, 80);
    if (typeof reference === 'string') {
      if (!reference.startsWith(ID_PREFIX[object])) {
        resolutions.set(identity, {
          kind: 'unmatched',
          reason: `${reference} is not a ${object} id (${object} ids start with ${ID_PREFIX[object]})`,
        });
      } else if (!found.has(reference.slice(0, 15))) {
        resolutions.set(identity, { kind: 'unmatched', reason: `no ${object} has the id ${reference}` });
      } else {
        resolutions.set(identity, { kind: 'match', target: { object, id: reference }, rule, action: 'link' });
      }
      continue;
    }
    const [field, value] = Object.entries(reference)[0]!;
    const matches = lookupIndex.get(`${object}.${field.toLowerCase()}=${value.toLowerCase()}`) ?? [];
    if (matches.length === 0)
      resolutions.set(identity, { kind: 'unmatched', reason: `no ${object} has ${field} = ${value}` });
    else if (matches.length > 1) {
      resolutions.set(identity, { kind: 'ambiguous', rule, candidates: matches.sort().map((id) => ({ object, id })) });
    } else resolutions.set(identity, { kind: 'match', target: { object, id: matches[0]! }, rule, action: 'link' });
  }
}

/** Field names in query results keep the org's casing; the mapping may spell them differently. */
function fieldValue(record: Record<string, unknown>, field: string): string | undefined {
  const key = Object.keys(record).find((name) => name.toLowerCase() === field.toLowerCase());
  const value = key === undefined ? undefined : record[key];
  return value === null || value === undefined ? undefined : String(value);
}

/**
 * The rules a refused read of `object` is about: those whose field the org's message names (a scan
 * carries several fields), or every rule on the object when it names none.
 */
function rulesNamedBy(error: unknown, object: RecordObject, rules: readonly Rule[]): Rule[] {
  const onObject = rules.filter((rule) => rule.record.split('.')[0] === object);
  const text = String((error as { message?: unknown } | undefined)?.message ?? error).toLowerCase();
  const named = onObject.filter((rule) => text.includes(`'${rule.record.split('.')[1]!.toLowerCase()}'`));
  return named.length > 0 ? named : onObject;
}

function ruleQueryError(error: unknown, rules: Rule[], context: ResolveContext): MappingError {
  const { errorCode, message: text } = (error ?? {}) as { errorCode?: string; message?: string };
  const message = [errorCode, text].filter((part) => part !== undefined && part !== '').join(': ') || String(error);
  const problems: Problem[] = rules.map((rule) => {
    const index = context.mapping.rules.indexOf(rule);
    return {
      file: context.mappingDisplayPath,
      ...context.locate(['rules', index, 'record']),
      message: `rule ${rule.name}: the org rejected the query on ${rule.record} (${message}); check the field's API name and that your user can read it`,
    };
  });
  return new MappingError('OrgRejectedQuery', problems);
}
