// Finds, for every identity, the record its pair names or the first rule that matches, and reads
// what the org already holds (identities by external id, channels, the tool's own earlier links).
// Queries are batched: one set of IN-list queries per (object, field), sized to the URI limit; a rule
// whose normalisation the org cannot do in SOQL (phone-e164, email-plus, email-dots: the org stores
// those fields in free form) reads the records that have a value in the field, 2,000 per call, and
// compares normalised values here. Either way the record's value is normalised and compared exactly.
import type { Identity } from './identity.js';
import type { MappingFile, Rule } from './mappingFile/schema.js';
import { normalise, type Normalisation } from './normalise.js';
import type { OrgClient } from './org.js';
import { MappingError, type Problem } from './problem.js';
import { inListQueries, quoteSoql } from './soql.js';

export type RecordObject = 'Contact' | 'Lead';

export interface RecordRef {
  object: RecordObject;
  id: string;
}

export type Resolution =
  | { kind: 'match'; target: RecordRef; rule: string; action: 'link' | 'suggest' }
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
  /** By lower-case Network_Key__c (the field is case-insensitive unique). */
  channels: Map<string, ExistingChannel>;
}

/** Normalisations the org cannot reproduce in a WHERE clause, so their rules read the field's records. */
const SCAN_NORMALISATIONS: ReadonlySet<Normalisation> = new Set(['phone-e164', 'email-plus', 'email-dots']);

export interface ResolveContext {
  mapping: MappingFile;
  /** Points a problem at the mapping file line, e.g. for a rule whose field the org does not have. */
  locate(path: ReadonlyArray<string | number>): { line: number; column: number };
  mappingDisplayPath: string;
}

export async function resolveAgainstOrg(
  org: OrgClient,
  identities: Identity[],
  context: ResolveContext,
): Promise<OrgState> {
  const { mapping } = context;
  const options = mapping.phone?.defaultCountryCode ? { defaultCountryCode: mapping.phone.defaultCountryCode } : {};
  const resolutions = new Map<Identity, Resolution>();

  await resolvePairs(
    org,
    identities.filter((identity) => identity.row.pair !== undefined),
    resolutions,
  );

  // One record index per rule: normalised field value -> record ids.
  const ruleIndexes = new Map<Rule, Map<string, Set<string>>>();
  const byField = new Map<string, { object: RecordObject; field: string; rules: Rule[] }>();
  for (const rule of mapping.rules) {
    const [object, field] = rule.record.split('.') as [RecordObject, string];
    const key = `${object}.${field.toLowerCase()}`;
    const group = byField.get(key) ?? { object, field, rules: [] };
    group.rules.push(rule);
    byField.set(key, group);
  }
  const ruleIdentities = identities.filter((identity) => identity.row.pair === undefined);
  for (const { object, field, rules } of byField.values()) {
    const scan = rules.some((rule) => rule.normalise.some((step) => SCAN_NORMALISATIONS.has(step)));
    let records: Array<Record<string, unknown>>;
    try {
      if (scan) {
        records = await org.queryAll(`SELECT Id, ${field} FROM ${object} WHERE ${field} != null`);
      } else {
        const values = new Set<string>();
        for (const rule of rules) {
          for (const identity of ruleIdentities) {
            if (!ruleApplies(rule, identity)) continue;
            const raw = identity.attributes[rule.identity];
            const value = normalise(raw, rule.normalise, options);
            if (value === undefined || raw === undefined) continue;
            values.add(value);
            values.add(raw.trim());
            if (rule.normalise.includes('strip-at')) values.add(`@${value}`);
          }
        }
        records = [];
        for (const query of inListQueries(`SELECT Id, ${field} FROM ${object} WHERE ${field}`, values)) {
          records.push(...(await org.queryAll(query)));
        }
      }
    } catch (error) {
      if (error instanceof MappingError) throw error;
      throw ruleQueryError(error, rules, context);
    }
    for (const rule of rules) {
      const index = new Map<string, Set<string>>();
      for (const record of records) {
        const value = fieldValue(record, field);
        const normalised = normalise(value, rule.normalise, options);
        if (normalised === undefined) continue;
        const ids = index.get(normalised) ?? new Set<string>();
        ids.add(String(record.Id));
        index.set(normalised, ids);
      }
      ruleIndexes.set(rule, index);
    }
  }

  for (const identity of ruleIdentities) {
    resolutions.set(identity, matchByRules(identity, mapping.rules, ruleIndexes, options));
  }

  const externalIds = new Set(identities.map((identity) => identity.externalId));
  const identityFields = IDENTITY_FIELDS.join(', ');
  const existing = new Map<string, ExistingIdentity>();
  for (const query of inListQueries(
    `SELECT ${identityFields} FROM Social_Identity__c WHERE External_Id__c`,
    externalIds,
  )) {
    for (const record of await org.queryAll<ExistingIdentity>(query)) {
      // SOQL compares text case-insensitively; the external id is case-sensitive, so keep exact hits only.
      if (externalIds.has(record.External_Id__c)) existing.set(record.External_Id__c, record);
    }
  }

  const staleLinks: ExistingIdentity[] = [];
  if (mapping.removeStaleLinks) {
    const networks = mapping.channels.map((channel) => quoteSoql(channel.key)).join(', ');
    const linked = await org.queryAll<ExistingIdentity>(
      `SELECT ${identityFields} FROM Social_Identity__c WHERE Link_Source__c = 'Mapping' AND Link_Status__c IN ('Linked', 'Suggested') AND Network__c IN (${networks})`,
    );
    staleLinks.push(...linked.filter((record) => !externalIds.has(record.External_Id__c)));
  }

  const channels = new Map<string, ExistingChannel>();
  const channelQuery = inListQueries(
    `SELECT ${CHANNEL_FIELDS.join(', ')} FROM Social_Channel__c WHERE Network_Key__c`,
    mapping.channels.map((channel) => channel.key),
  );
  for (const query of channelQuery) {
    for (const record of await org.queryAll<ExistingChannel>(query))
      channels.set(record.Network_Key__c.toLowerCase(), record);
  }

  return { resolutions, identities: existing, staleLinks, channels };
}

function ruleApplies(rule: Rule, identity: Identity): boolean {
  return rule.networks === undefined || rule.networks.includes(identity.network);
}

/** The first rule that finds any record decides; two or more records make the identity ambiguous. */
export function matchByRules(
  identity: Identity,
  rules: readonly Rule[],
  indexes: ReadonlyMap<Rule, ReadonlyMap<string, ReadonlySet<string>>>,
  options: { defaultCountryCode?: string },
): Resolution {
  for (const rule of rules) {
    if (!ruleApplies(rule, identity)) continue;
    const value = normalise(identity.attributes[rule.identity], rule.normalise, options);
    if (value === undefined) continue;
    const ids = indexes.get(rule)?.get(value);
    if (ids === undefined || ids.size === 0) continue;
    const object = rule.record.split('.')[0] as RecordObject;
    const candidates = [...ids].sort().map((id) => ({ object, id }));
    if (candidates.length > 1) return { kind: 'ambiguous', rule: rule.name, candidates };
    return { kind: 'match', target: candidates[0]!, rule: rule.name, action: rule.action };
  }
  return { kind: 'unmatched' };
}

const ID_PREFIX: Record<RecordObject, string> = { Contact: '003', Lead: '00Q' };

async function resolvePairs(org: OrgClient, pairs: Identity[], resolutions: Map<Identity, Resolution>): Promise<void> {
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
  const found = new Set<string>();
  for (const [object, set] of ids) {
    const wellFormed = [...set].filter((id) => id.startsWith(ID_PREFIX[object]));
    for (const query of inListQueries(`SELECT Id FROM ${object} WHERE Id`, wellFormed)) {
      for (const record of await org.queryAll(query)) found.add(String(record.Id).slice(0, 15));
    }
  }
  const lookupIndex = new Map<string, string[]>();
  for (const [key, { object, field, values }] of lookups) {
    for (const query of inListQueries(`SELECT Id, ${field} FROM ${object} WHERE ${field}`, values)) {
      for (const record of await org.queryAll(query)) {
        const indexKey = `${key}=${String(fieldValue(record, field) ?? '').toLowerCase()}`;
        lookupIndex.set(indexKey, [...(lookupIndex.get(indexKey) ?? []), String(record.Id)]);
      }
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
