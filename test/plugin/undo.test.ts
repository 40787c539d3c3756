// `sf social mappings undo` against the local org over HTTP: deploy -> undo leaves every record the
// deploy touched as it was before; a record a rep changed since is left alone and reported; undo twice
// changes nothing the second time; its results account for every record the deploy wrote.
// Deletes go through sObject Collections DELETE (?ids=…&allOrNone=false), as documented in the REST API
// Developer Guide, "Delete Records Using sObject Collections".
import { describe, expect, it } from '@jest/globals';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { deployMapping } from '../../plugin/src/mappings/deploy.js';
import { undoDeploy, type UndoResult } from '../../plugin/src/mappings/undo/undo.js';
import { writeFixture } from './fixtures.js';
import { connectTo, localOrgForFile } from './localOrg.js';
import { BEFORE_EXPORT, BEFORE_MAPPING, REVIEWED_EXPORT, REVIEWED_MAPPING, seedPeople } from './reviewFixture.js';

const localOrg = localOrgForFile();
const TOUCHED = ['Social_Identity__c', 'Social_Channel__c', 'Lead'];

/** Every record of the objects a deploy writes; `stamps: false` leaves out when each was last written. */
function snapshot(stamps: boolean): Record<string, Array<Record<string, unknown>>> {
  return Object.fromEntries(
    TOUCHED.map((name) => [
      name,
      localOrg()
        .store.list(name)
        .map((record) => {
          const copy: Record<string, unknown> = structuredClone(record);
          if (!stamps)
            for (const field of ['LastModifiedDate', 'SystemModstamp', 'LastModifiedById']) delete copy[field];
          return copy;
        }),
    ]),
  );
}

async function deploy(files: Record<string, string>): Promise<string> {
  const dir = await writeFixture(files);
  const resultsDir = join(dir, 'results');
  const { result } = await deployMapping({
    file: join(dir, 'mapping.yaml'),
    connection: connectTo(localOrg()),
    dryRun: false,
    resultsDir,
  });
  expect(result.counts.failed).toBe(0);
  return resultsDir;
}

function undo(resultsDir: string, options: { dryRun?: boolean; deleteCreated?: boolean } = {}): Promise<UndoResult> {
  return undoDeploy({
    resultsDir,
    connection: connectTo(localOrg()),
    dryRun: options.dryRun ?? false,
    deleteCreated: options.deleteCreated ?? false,
  });
}

/** Undo's own results: every CSV of its folder, with the file each row is in. */
async function undoRows(dir: string): Promise<Array<Record<string, string>>> {
  const rows: Array<Record<string, string>> = [];
  for (const name of await readdir(dir)) {
    const records = parse(await readFile(join(dir, name), 'utf8'), { columns: true }) as Array<Record<string, string>>;
    rows.push(...records.map((record) => ({ ...record, file: name })));
  }
  return rows;
}

describe('undo of a deploy', () => {
  let people: ReturnType<typeof seedPeople>;

  it('puts back every record the deploy touched, and a second undo changes nothing', async () => {
    people = seedPeople(localOrg());
    await deploy({ 'mapping.yaml': BEFORE_MAPPING, 'export.csv': BEFORE_EXPORT });
    const before = snapshot(false);
    const resultsDir = await deploy({ 'mapping.yaml': REVIEWED_MAPPING, 'export.csv': REVIEWED_EXPORT });
    expect(snapshot(false)).not.toEqual(before);

    const planned = await undo(resultsDir, { dryRun: true, deleteCreated: true });
    const afterDeploy = snapshot(true);
    expect(snapshot(true)).toEqual(afterDeploy);
    expect(planned.undoDir).toBe(join(resultsDir, 'undo-planned'));

    const first = await undo(resultsDir, { deleteCreated: true });
    expect(first.counts).toEqual(planned.counts);
    expect(first.counts).toMatchObject({ changedSince: 0, failed: 0, unlinked: 0 });
    expect(first.counts.restored).toBeGreaterThan(0);
    // The three identities it created (r-4, r-5, r-6) and the two Leads it created for r-5 and r-6.
    expect(first.counts.deleted).toBe(5);
    expect(snapshot(false)).toEqual(before);

    // Every record the deploy wrote is in exactly one of undo's files.
    const rows = await undoRows(first.undoDir);
    expect(rows).toHaveLength(first.records);
    expect(new Set(rows.map((row) => `${row.kind}:${row.key}`)).size).toBe(first.records);

    const stamped = snapshot(true);
    const second = await undo(resultsDir, { deleteCreated: true });
    expect(second.counts).toMatchObject({ restored: 0, unlinked: 0, deleted: 0, changedSince: 0, failed: 0 });
    expect(second.counts.unchanged).toBe(second.records);
    expect(snapshot(true)).toEqual(stamped);
  });

  it('leaves an identity a rep relinked since the deploy, says so, and undoes the rest', async () => {
    const resultsDir = await deploy({ 'mapping.yaml': REVIEWED_MAPPING, 'export.csv': REVIEWED_EXPORT });
    const org = localOrg();
    const relinked = org.store.list('Social_Identity__c').find((record) => record.External_Id__c === 'x:r-1')!;
    org.store.update('Social_Identity__c', relinked.Id, { Contact__c: people.carl, Link_Source__c: 'Rep' });
    const kept = structuredClone(org.store.get(relinked.Id)!.record);

    const result = await undo(resultsDir);
    expect(result.changedSince).toEqual([
      expect.objectContaining({
        kind: 'identity',
        key: 'x:r-1',
        reason: expect.stringMatching(/Contact__c is "\w+" now, the deploy set "\w+".*left as it is/),
      }),
    ]);
    expect(org.store.get(relinked.Id)!.record).toEqual(kept);
    // Identities the deploy created stay, without their link; its Leads stay too.
    const created = org.store.list('Social_Identity__c').find((record) => record.External_Id__c === 'x:r-6')!;
    expect(created).toMatchObject({ Link_Status__c: 'Unlinked' });
    expect(created.Lead__c ?? null).toBeNull();
    expect(result.counts.unlinked).toBe(3);
    const r4 = org.store.list('Social_Identity__c').find((record) => record.External_Id__c === 'x:r-4')!;
    expect(r4.Contact__c ?? null).toBeNull();

    const again = await undo(resultsDir);
    expect(again.counts).toMatchObject({ restored: 0, unlinked: 0, deleted: 0, failed: 0, changedSince: 1 });
  });

  it('refuses the folder of a dry run: nothing was written, so there is nothing to undo', async () => {
    const dir = await writeFixture({ 'mapping.yaml': REVIEWED_MAPPING, 'export.csv': REVIEWED_EXPORT });
    await deployMapping({
      file: join(dir, 'mapping.yaml'),
      connection: connectTo(localOrg()),
      dryRun: true,
      resultsDir: join(dir, 'planned'),
    });
    await expect(undo(join(dir, 'planned'))).rejects.toMatchObject({
      code: 'PlannedResults',
      message: expect.stringContaining('a dry run wrote this folder'),
    });
  });
});
