// Reviewing a deploy before it happens, against the local org over HTTP: `--dry-run --results-dir D`
// writes the files a deploy writes, for the same input and org, and changes nothing in the org; the
// plan shows each channel setting it would change or clear. Also the row-level rules a reviewer relies
// on: an exact duplicate row is `duplicate`, and an e-mail rule matches whatever the address's case.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { deployMapping, type DeployResult } from '../../plugin/src/mappings/deploy.js';
import { writeFixture } from './fixtures.js';
import { connectTo, startOrg, type TestOrg } from './localOrg.js';
import { BEFORE_MAPPING, BEFORE_EXPORT, REVIEWED_MAPPING, REVIEWED_EXPORT, seedPeople } from './reviewFixture.js';

let org: TestOrg;
let people: Awaited<ReturnType<typeof seedPeople>>;
const NOW = new Date('2026-12-01T10:00:00.000Z');

/** Every record of the objects a deploy may touch, with every field (LastModifiedDate included). */
function snapshot(): Record<string, unknown[]> {
  const objects = ['Social_Identity__c', 'Social_Channel__c', 'Social_Interaction__c', 'Lead', 'Contact'];
  return Object.fromEntries(objects.map((name) => [name, structuredClone([...org.store.list(name)])]));
}

async function deploy(dir: string, options: { dryRun: boolean; resultsDir?: string }): Promise<DeployResult> {
  const { result } = await deployMapping({
    file: join(dir, 'mapping.yaml'),
    connection: connectTo(org),
    dryRun: options.dryRun,
    ...(options.resultsDir !== undefined ? { resultsDir: options.resultsDir } : {}),
    now: () => NOW,
  });
  return result;
}

type Rows = Array<Record<string, string>>;

async function csv(dir: string, name: string): Promise<Rows> {
  return parse(await readFile(join(dir, name), 'utf8'), { columns: true }) as Rows;
}

/** A results folder's CSVs, with the ids of records the deploy created (absent from a dry run) blanked. */
async function comparable(dir: string, created: ReadonlySet<string>): Promise<Record<string, Rows>> {
  const files: Record<string, Rows> = {};
  for (const name of (await readdir(dir)).filter((file) => file.endsWith('.csv')).sort()) {
    files[name] = (await csv(dir, name)).map((row) => {
      const copy: Record<string, string> = {};
      for (const [column, value] of Object.entries(row)) {
        if (column === 'after' && value !== '') {
          const after = JSON.parse(value) as Record<string, unknown>;
          for (const [field, id] of Object.entries(after)) if (created.has(String(id))) delete after[field];
          copy[column] = JSON.stringify(after);
        } else copy[column] = created.has(value) ? '' : value;
      }
      return copy;
    });
  }
  return files;
}

beforeAll(async () => {
  org = await startOrg();
  people = seedPeople(org);
  const before = await writeFixture({ 'mapping.yaml': BEFORE_MAPPING, 'export.csv': BEFORE_EXPORT });
  const result = await deploy(before, { dryRun: false, resultsDir: join(before, 'results') });
  expect(result.counts).toMatchObject({ linked: 3, failed: 0 });
});

afterAll(async () => {
  await org.stop();
});

describe('a dry run with a results folder', () => {
  let dir: string;
  let planned: DeployResult;
  let orgBefore: Record<string, unknown[]>;

  beforeAll(async () => {
    dir = await writeFixture({ 'mapping.yaml': REVIEWED_MAPPING, 'export.csv': REVIEWED_EXPORT });
    orgBefore = snapshot();
    planned = await deploy(dir, { dryRun: true, resultsDir: join(dir, 'planned') });
  });

  it('changes nothing in the org: every record and its LastModifiedDate stay as they were', () => {
    expect(snapshot()).toEqual(orgBefore);
  });

  it('says in --json what is planned, never written', async () => {
    expect(planned).toMatchObject({
      dryRun: true,
      changes: 0,
      staleLinksRemoved: 0,
      channels: { written: 0, failed: 0 },
      resultsDir: join(dir, 'planned'),
    });
    expect(planned.planned!.changes).toBeGreaterThan(0);
    expect(planned.planned!.channels).toBe(2);
    expect(planned.planned!.staleLinks).toBeGreaterThan(0);
    const run = JSON.parse(await readFile(join(dir, 'planned', 'run.json'), 'utf8')) as Record<string, unknown>;
    expect(run).toMatchObject({ status: 'planned', rows: planned.rows });
    expect(run.finishedAt).toBeUndefined();
  });

  it('shows each channel setting the mapping clears, with its value now', async () => {
    // BEFORE_MAPPING gave x a reply limit, an SLA and a post URL template; the reviewed file names none.
    const cleared = planned.planned!.channelSettings.filter((change) => change.key === 'x' && change.new === '');
    expect(cleared.map((change) => [change.field, change.old]).sort()).toEqual([
      ['Post_URL_Template__c', 'https://x.com/{handle}/status/{postId}'],
      ['Public_Reply_Limit__c', '280'],
      ['Response_SLA_Minutes__c', '60'],
    ]);
    const file = await csv(join(dir, 'planned'), 'channel-changes.csv');
    expect(
      file
        .filter((row) => row.key === 'x' && row.new === '')
        .map((row) => row.field)
        .sort(),
    ).toEqual(cleared.map((change) => change.field).sort());
    expect(file.find((row) => row.key === 'instagram' && row.field === 'Response_SLA_Minutes__c')).toMatchObject({
      old: '',
      new: '30',
      change: 'updated',
    });
  });

  it('writes the files the deploy then writes, except the ids of records the deploy creates', async () => {
    const idsBefore = new Set(
      Object.values(orgBefore).flatMap((records) => records.map((record) => (record as { Id: string }).Id)),
    );
    const deployed = await deploy(dir, { dryRun: false, resultsDir: join(dir, 'deployed') });
    expect(deployed.counts).toEqual(planned.counts);
    expect(deployed.changes).toBe(planned.planned!.changes);
    const created = new Set(
      Object.values(snapshot())
        .flat()
        .map((record) => (record as { Id: string }).Id)
        .filter((id) => !idsBefore.has(id)),
    );
    expect(created.size).toBeGreaterThan(0);
    const plannedFiles = await comparable(join(dir, 'planned'), new Set());
    const deployedFiles = await comparable(join(dir, 'deployed'), created);
    // The one column that says what happened: a planned removal is not yet a removal.
    const stale = 'stale-links-removed.csv';
    expect(plannedFiles[stale]!.map((row) => row.result)).toEqual(plannedFiles[stale]!.map(() => 'planned'));
    expect(deployedFiles[stale]!.map((row) => row.result)).toEqual(deployedFiles[stale]!.map(() => 'unlinked'));
    for (const row of [...plannedFiles[stale]!, ...deployedFiles[stale]!]) delete row.result;
    expect(Object.keys(plannedFiles)).toContain('identity-changes.csv');
    expect(deployedFiles).toEqual(plannedFiles);
    const run = JSON.parse(await readFile(join(dir, 'deployed', 'run.json'), 'utf8')) as Record<string, unknown>;
    expect(run).toMatchObject({ status: 'deployed', plannedAt: NOW.toISOString() });
  });
});

describe('a dry run into the folder of a deploy', () => {
  it('is refused, so that the results undo needs stay as they are', async () => {
    const dir = await writeFixture({ 'mapping.yaml': REVIEWED_MAPPING, 'export.csv': REVIEWED_EXPORT });
    await deploy(dir, { dryRun: false, resultsDir: join(dir, 'results') });
    const before = await readFile(join(dir, 'results', 'identity-changes.csv'), 'utf8');
    await expect(deploy(dir, { dryRun: true, resultsDir: join(dir, 'results') })).rejects.toMatchObject({
      code: 'ResultsOfADeploy',
      message: expect.stringContaining('give the dry run another --results-dir'),
    });
    expect(await readFile(join(dir, 'results', 'identity-changes.csv'), 'utf8')).toBe(before);
  });
});

describe('rows a reviewer reads', () => {
  it('reports an exact duplicate row as duplicate, naming the line it repeats', async () => {
    const dir = await writeFixture({ 'mapping.yaml': REVIEWED_MAPPING, 'export.csv': REVIEWED_EXPORT });
    const result = await deploy(dir, { dryRun: true, resultsDir: join(dir, 'planned') });
    expect(result.counts.duplicate).toBe(1);
    const [duplicate] = await csv(join(dir, 'planned'), 'duplicate.csv');
    expect(duplicate).toMatchObject({
      externalId: 'x:r-5',
      line: '7',
      reason: expect.stringContaining('export.csv:6'),
    });
  });

  it('matches a mixed-case e-mail against an Email field without lowercase', async () => {
    expect(REVIEWED_MAPPING).toMatch(/record: Contact.Email\n {4}normalise: \[\]/);
    const dir = await writeFixture({
      'mapping.yaml': REVIEWED_MAPPING,
      'export.csv': 'Network,Id,Handle,Email\nx,case-1,ana_case,Ana.REVIEW@Example.com\n',
    });
    const result = await deploy(dir, { dryRun: false, resultsDir: join(dir, 'results') });
    expect(result.counts).toMatchObject({ linked: 1, leadCreated: 0, failed: 0 });
    const [linked] = await csv(join(dir, 'results'), 'linked.csv');
    expect(linked).toMatchObject({
      externalId: 'x:case-1',
      recordObject: 'Contact',
      recordId: people.ana,
      rule: 'same-email',
    });
    const identity = org.store.list('Social_Identity__c').find((record) => record.External_Id__c === 'x:case-1');
    expect(identity).toMatchObject({ Contact__c: people.ana, Link_Status__c: 'Linked' });
  });
});
