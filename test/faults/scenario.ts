// The fault suite's shared ground: a small org (accounts, contacts, leads) built the same way every
// time, generated inputs for both commands (identities for `mappings deploy`, conversations for
// `interactions import`), the org's final state reduced to what must not depend on faults (records by
// external id, lookups by the natural key of what they point at), and the results folders read back
// as "input line -> outcome", each line exactly once.
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { expect } from '@jest/globals';
import { startLocalOrg, type FaultSettings } from '../../local-org/src/main.js';
import { deployMapping, type DeployResult } from '../../plugin/src/mappings/deploy.js';
import { importInteractions, type ImportResult } from '../../plugin/src/interactions/import.js';
import { INTERACTION_OUTCOMES } from '../../plugin/src/interactions/plan.js';
import { OUTCOMES } from '../../plugin/src/mappings/plan.js';
import { resultFileName } from '../../plugin/src/mappings/results.js';
import type { RetryPolicy } from '../../plugin/src/org/retry.js';
import { writeFixture } from '../plugin/fixtures.js';
import { connectTo, type TestOrg } from '../plugin/localOrg.js';

/** Short pauses: the suite tests that retries happen and converge, not how long they wait. */
export const FAST_RETRY: Partial<RetryPolicy> = { baseMs: 2, capMs: 40 };
export const NOW = new Date('2026-11-21T00:00:00Z');

export const CONTACTS = 40;
export const LEADS = 10;

export async function startFaultOrg(
  options: { faults?: Partial<FaultSettings>; apiLimit?: number } = {},
): Promise<TestOrg> {
  const org = await startLocalOrg({
    port: 0,
    empty: true,
    now: () => NOW,
    ...(options.faults ? { faults: options.faults } : {}),
    ...(options.apiLimit !== undefined ? { apiLimit: options.apiLimit } : {}),
  });
  const create = (objectName: string, fields: Record<string, unknown>): string => {
    const result = org.store.create(objectName, fields);
    if (!result.success) throw new Error(`seed ${objectName}: ${JSON.stringify(result.errors)}`);
    return result.id;
  };
  const accounts = ['Northwind', 'Contoso', 'Fabrikam'].map((Name) => create('Account', { Name }));
  for (let index = 0; index < CONTACTS; index += 1) {
    create('Contact', {
      LastName: `Person ${index}`,
      Email: `person${index}@example.com`,
      AccountId: accounts[index % accounts.length],
    });
  }
  for (let index = 0; index < LEADS; index += 1) {
    create('Lead', { LastName: `Lead ${index}`, Company: 'Prospect Co', Email: `lead${index}@example.com` });
  }
  return org;
}

/** The channels an import needs in the org (a deploy writes them from the mapping). */
export function addChannels(org: TestOrg): void {
  for (const [key, sla] of [
    ['x', 60],
    ['instagram', 120],
  ] as const) {
    const result = org.store.upsert('Social_Channel__c', 'Network_Key__c', key, {
      Network_Key__c: key,
      Name: key,
      Enabled__c: true,
      Response_SLA_Minutes__c: sla,
      Post_URL_Template__c: `https://${key}.example/{handle}/{postId}`,
    });
    if (!result.success) throw new Error(`channel ${key}: ${JSON.stringify(result.errors)}`);
  }
}

/** The fault scenario's mapping file (shared with bench/soak.mjs). */
export const MAPPING = readFileSync(new URL('../fixtures/faults/mapping.yaml', import.meta.url), 'utf8');

/**
 * The email an identity is matched by: its person's Contact's, a Lead's, an unknown one (a Lead is
 * created for it), or none. Unknown emails are one per identity (`identity` names it); identities that
 * share one are covered by their own test in deploy.test.ts.
 */
function emailOf(person: number, identity: string): string {
  if (person < CONTACTS) return `Person${person}@Example.com`;
  if (person < CONTACTS + LEADS) return `lead${person - CONTACTS}@example.com`;
  if (person < CONTACTS + LEADS + 6) return `nobody-${identity}@example.net`;
  return '';
}

/**
 * `identities` rows: people on x and instagram, several identities per Contact (children of one
 * parent: lock contention), Leads, unknown people (a Lead is upserted for each by its key, then the
 * identity linked to it), a repeated row and two rows no channel takes (rejected). Returns the file and its row count.
 */
export function identitiesCsv(rows: number): { csv: string; rows: number } {
  const lines = ['network,userId,handle,name,email'];
  for (let index = 0; index < rows; index += 1) {
    const person = index % 62;
    const network = index % 2 === 0 ? 'x' : 'instagram';
    lines.push(`${network},u${index},handle_${index},Person ${person},${emailOf(person, `u${index}`)}`);
  }
  lines.push('x,u0,handle_0,Person 0,Person0@Example.com');
  lines.push('tiktok,t1,elsewhere,Elsewhere,');
  lines.push('tiktok,t2,elsewhere2,Elsewhere,');
  return { csv: `${lines.join('\n')}\n`, rows: rows + 3 };
}

/**
 * `interactions` rows, NDJSON: conversations of five messages (a public question, our reply, a private
 * message, our private answer, a thank-you) by people with the mapping's emails, plus an edit of an
 * earlier post (a duplicate row) and a row with an impossible time (rejected).
 */
export function interactionsNdjson(conversations: number): { ndjson: string; rows: number } {
  const lines: string[] = [];
  const start = Date.parse('2026-11-01T00:00:00Z');
  for (let conversation = 0; conversation < conversations; conversation += 1) {
    const person = conversation % 56;
    const network = conversation % 2 === 0 ? 'x' : 'instagram';
    for (let step = 0; step < 5; step += 1) {
      const outbound = step % 2 === 1;
      lines.push(
        JSON.stringify({
          network,
          postId: `c${conversation}-${step}`,
          userId: `p${person}-${network}`,
          handle: `person_${person}`,
          email: emailOf(person, `p${person}-${network}`),
          postedAt: new Date(start + conversation * 60_000 + step * 300_000).toISOString(),
          direction: outbound ? 'Outbound' : 'Inbound',
          kind: step === 2 || step === 3 ? 'Direct Message' : step === 0 ? 'Post' : 'Reply',
          ...(step > 0 && step !== 2 ? { inReplyTo: `c${conversation}-${step - 1}` } : {}),
          intent: step === 0 ? 'Question' : '',
          body: `message ${step} of conversation ${conversation}; "quoted", with comma | pipe`,
        }),
      );
    }
  }
  lines.push(
    JSON.stringify({
      network: 'x',
      postId: 'c0-0',
      userId: 'p0-x',
      handle: 'person_0',
      email: emailOf(0, 'p0-x'),
      postedAt: new Date(start).toISOString(),
      editedAt: new Date(start + 3_600_000).toISOString(),
      body: 'message 0 of conversation 0, edited',
      intent: 'Question',
    }),
  );
  lines.push(JSON.stringify({ network: 'x', postId: 'bad-time', userId: 'p1-x', postedAt: 'tuesday', body: 'x' }));
  return { ndjson: `${lines.join('\n')}\n`, rows: conversations * 5 + 2 };
}

export interface DeployFixture {
  dir: string;
  rows: number;
}

export async function deployFixture(rows = 300): Promise<DeployFixture> {
  const { csv, rows: count } = identitiesCsv(rows);
  const dir = await writeFixture({ 'mapping.yaml': MAPPING, 'identities.csv': csv });
  return { dir, rows: count };
}

export interface ImportFixture {
  dir: string;
  file: string;
  mapping: string;
  rows: number;
}

export async function importFixture(conversations = 80): Promise<ImportFixture> {
  const { ndjson, rows } = interactionsNdjson(conversations);
  // The mapping's own source is not the export: the export is read with the default columns.
  const dir = await writeFixture({
    'mapping.yaml': MAPPING,
    'identities.csv': 'network,userId,handle,name,email\n',
    'interactions.ndjson': ndjson,
  });
  return { dir, file: join(dir, 'interactions.ndjson'), mapping: join(dir, 'mapping.yaml'), rows };
}

let runs = 0;
export const freshResultsDir = (dir: string): string => join(dir, `results-${(runs += 1)}`);

export async function runDeploy(
  org: TestOrg,
  fixture: DeployFixture,
  options: { bulkThreshold?: number; resultsDir?: string } = {},
): Promise<DeployResult> {
  const { result } = await deployMapping({
    file: join(fixture.dir, 'mapping.yaml'),
    connection: connectTo(org),
    dryRun: false,
    resultsDir: options.resultsDir ?? freshResultsDir(fixture.dir),
    retry: FAST_RETRY,
    now: () => NOW,
    ...(options.bulkThreshold !== undefined ? { bulkThreshold: options.bulkThreshold } : {}),
  });
  return result;
}

/** Batches of 120 rows with Bulk API above 100 writes: Bulk API jobs, and sObject Collections for the rest. */
export const IMPORT_SHAPE = { batchSize: 120, bulkThreshold: 100 };

export async function runImport(
  org: TestOrg,
  fixture: ImportFixture,
  options: { resultsDir?: string } = {},
): Promise<ImportResult> {
  return importInteractions({
    file: fixture.file,
    mappingFile: fixture.mapping,
    connection: connectTo(org),
    dryRun: false,
    resultsDir: options.resultsDir ?? freshResultsDir(fixture.dir),
    retry: FAST_RETRY,
    now: () => NOW,
    ...IMPORT_SHAPE,
  });
}

/** Fields that record when or by whom a row was written, not what it says. */
const VOLATILE = new Set([
  'Id',
  'CreatedDate',
  'CreatedById',
  'LastModifiedDate',
  'LastModifiedById',
  'SystemModstamp',
  'LastViewedDate',
  'LastReferencedDate',
  'OwnerId',
  'IsDeleted',
]);

/** What the org holds, comparable across orgs: records by natural key, lookups replaced by the target's key. */
export interface OrgState {
  identities: Map<string, Record<string, unknown>>;
  interactions: Map<string, Record<string, unknown>>;
  channels: Map<string, Record<string, unknown>>;
  leads: Map<string, Record<string, unknown>>;
  /** Records sharing an external id (or, for Leads, the same name, company and email): must be 0. */
  duplicates: number;
}

export function orgState(org: TestOrg): OrgState {
  const keyOf = new Map<string, string>();
  // A Lead the deploy created for an identity is known by that identity (several may share a name).
  const leadFor = new Map<string, string>();
  for (const identity of org.store.list('Social_Identity__c')) {
    if (identity.Matched_By_Rule__c === 'unmatched:create-lead' && typeof identity.Lead__c === 'string') {
      leadFor.set(identity.Lead__c, String(identity.External_Id__c));
    }
  }
  const key = (objectName: string, record: Record<string, unknown>): string => {
    switch (objectName) {
      case 'Contact':
        return `Contact:${String(record.Email)}`;
      case 'Lead':
        // A Lead the deploy wrote carries its key, also when a stopped run wrote it and linked nothing yet.
        if (typeof record.Social_Bridge_Key__c === 'string') return `Lead key ${record.Social_Bridge_Key__c}`;
        return leadFor.has(String(record.Id))
          ? `Lead for ${leadFor.get(String(record.Id))}`
          : `Lead:${String(record.LastName)}|${String(record.Company)}|${String(record.Email)}`;
      case 'Account':
        return `Account:${String(record.Name)}`;
      case 'Social_Channel__c':
        return `Channel:${String(record.Network_Key__c)}`;
      default:
        return `${objectName}:${String(record.External_Id__c)}`;
    }
  };
  const objects = ['Account', 'Contact', 'Lead', 'Social_Channel__c', 'Social_Identity__c', 'Social_Interaction__c'];
  for (const objectName of objects) {
    for (const record of org.store.list(objectName)) keyOf.set(String(record.Id), key(objectName, record));
  }
  let duplicates = 0;
  const comparable = (objectName: string): Map<string, Record<string, unknown>> => {
    const byKey = new Map<string, Record<string, unknown>>();
    for (const record of org.store.list(objectName)) {
      const shown: Record<string, unknown> = {};
      for (const [field, value] of Object.entries(record)) {
        if (VOLATILE.has(field) || field === 'attributes') continue;
        // An interaction's Name is an auto-number: it counts writes in the order they landed.
        if (objectName === 'Social_Interaction__c' && field === 'Name') continue;
        shown[field] = typeof value === 'string' && keyOf.has(value) ? keyOf.get(value) : value;
      }
      const recordKey = key(objectName, record);
      if (byKey.has(recordKey)) duplicates += 1;
      byKey.set(recordKey, shown);
    }
    return byKey;
  };
  const state = {
    identities: comparable('Social_Identity__c'),
    interactions: comparable('Social_Interaction__c'),
    channels: comparable('Social_Channel__c'),
    leads: comparable('Lead'),
  };
  return { ...state, duplicates };
}

/** The same records with the same values, and no duplicates on either side. */
export function expectSameState(actual: OrgState, expected: OrgState): void {
  expect(actual.duplicates).toBe(0);
  expect(expected.duplicates).toBe(0);
  for (const part of ['identities', 'interactions', 'channels', 'leads'] as const) {
    expect([...actual[part].keys()].sort()).toEqual([...expected[part].keys()].sort());
    for (const [recordKey, record] of expected[part]) {
      expect({ key: recordKey, ...actual[part].get(recordKey) }).toEqual({ key: recordKey, ...record });
    }
  }
}

/**
 * The rows a faulty run reported failed: none, unless the fault kind allows some, and then only for
 * the reason it allows (a dropped connection on a request that is not safe to repeat).
 */
export function expectOnlyAllowedFailures(
  rows: ReadonlyArray<{ outcome?: string; reason?: string }>,
  mayFail?: RegExp,
): Array<{ outcome?: string; reason?: string }> {
  const failed = rows.filter((row) => row.outcome === 'failed');
  if (mayFail === undefined) {
    expect(failed).toEqual([]);
  } else {
    for (const row of failed) expect(row.reason).toMatch(mayFail);
  }
  return failed;
}

/** Every record the org holds is one the fault-free run holds too, with no duplicates (a partial run). */
export function expectSubsetOf(actual: OrgState, expected: OrgState): void {
  expect(actual.duplicates).toBe(0);
  for (const part of ['identities', 'interactions', 'leads'] as const) {
    for (const recordKey of actual[part].keys())
      expect({ part, recordKey, expected: expected[part].has(recordKey) }).toEqual({ part, recordKey, expected: true });
  }
}

export interface ResultRow {
  file: string;
  line: number;
  outcome: string;
  reason: string;
}

/** Reads a results folder: every row of every outcome file, each in the file of its outcome. */
async function readResults(dir: string, files: Array<[outcome: string, file: string]>): Promise<ResultRow[]> {
  const rows: ResultRow[] = [];
  for (const [outcome, file] of files) {
    const parsed = parse(await readFile(join(dir, file), 'utf8'), { columns: true }) as Array<Record<string, string>>;
    for (const row of parsed) {
      expect(row.outcome).toBe(outcome);
      rows.push({ file: row.file ?? '', line: Number(row.line), outcome, reason: row.reason ?? '' });
    }
  }
  return rows;
}

/** Line 1 of a CSV is its header (its rows start at 2); an NDJSON file's rows start at line 1. */
export function expectEveryLineOnce(rows: readonly ResultRow[], inputRows: number, first: number): void {
  const lines = rows.map((row) => row.line).sort((a, b) => a - b);
  expect(lines).toEqual(Array.from({ length: inputRows }, (_, index) => first + index));
}

export async function deployResults(result: DeployResult, inputRows: number): Promise<ResultRow[]> {
  const rows = await readResults(
    result.resultsDir!,
    OUTCOMES.map((outcome) => [outcome, resultFileName(outcome)]),
  );
  expect(rows.length).toBe(result.rows);
  expectEveryLineOnce(rows, inputRows, 2);
  return rows;
}

export async function importResults(result: ImportResult, inputRows: number): Promise<ResultRow[]> {
  const rows = await readResults(
    result.resultsDir!,
    INTERACTION_OUTCOMES.map((outcome) => [outcome, `${outcome}.csv`]),
  );
  expect(rows.length).toBe(result.rows);
  expectEveryLineOnce(rows, inputRows, 1);
  return rows;
}
