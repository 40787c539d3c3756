// The plugin as an admin runs it: linked into the official sf CLI, logged into the local org by
// access token, deploying the example mapping and importing the example export. Checks what sf
// prints (--json), what lands in the org, and that a second run changes nothing.
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startLocalOrg, type LocalOrg } from '../../local-org/src/localOrg.js';
import { expectSuccess, isolatedSf, loginByAccessToken, repoRoot, type SfCli } from '../support/sfCli.js';

const mapping = join(repoRoot, 'examples/mapping.yaml');
const exportFile = join(repoRoot, 'examples/interactions.ndjson');

interface DeployJson {
  rows: number;
  counts: Record<string, number>;
  changes: number;
  resultsDir?: string;
}

interface UndoJson {
  records: number;
  counts: Record<'restored' | 'unlinked' | 'deleted' | 'unchanged' | 'changedSince' | 'failed', number>;
}

/** Records in every per-outcome results CSV of a folder (a parser, so quoted newlines count once). */
function resultRows(dir: string): number {
  return (
    readdirSync(dir)
      // The change files beside them (identity-changes.csv, channel-changes.csv) hold writes, not input rows.
      .filter((name) => name.endsWith('.csv') && !name.endsWith('-changes.csv'))
      .reduce((rows, name) => rows + (parse(readFileSync(join(dir, name)), { columns: true }) as unknown[]).length, 0)
  );
}

describe('sf social … through the real sf binary', () => {
  let org: LocalOrg;
  let sf: SfCli;
  let alias: string;

  beforeAll(async () => {
    org = await startLocalOrg({ port: 0 });
    sf = isolatedSf();
    alias = await loginByAccessToken(sf, org);
    expectSuccess(await sf.run(['plugins', 'link', join(repoRoot, 'plugin'), '--no-install']));
  });

  afterAll(async () => {
    await org?.stop();
  });

  it('lists the social commands in sf help', async () => {
    const help = expectSuccess(await sf.run(['social', 'mappings', 'deploy', '--help']));
    expect(help.stdout).toContain('--target-org');
    expect(help.stdout).toContain('--dry-run');
  });

  it('validates the example offline', async () => {
    const run = expectSuccess(await sf.run(['social', 'mappings', 'validate', '--file', mapping, '--json']));
    expect(run.json?.status).toBe(0);
  });

  it('deploys the example, accounts for every row, and changes nothing the second time', async () => {
    const identitiesBefore = org.store.list('Social_Identity__c').length;
    const dryRun = expectSuccess(
      await sf.run(['social', 'mappings', 'deploy', '--file', mapping, '--target-org', alias, '--dry-run', '--json']),
    );
    expect(org.store.list('Social_Identity__c').length).toBe(identitiesBefore);

    const resultsDir = join(sf.home, 'results-1');
    const first = expectSuccess(
      await sf.run([
        'social',
        'mappings',
        'deploy',
        '--file',
        mapping,
        '--target-org',
        alias,
        '--results-dir',
        resultsDir,
        '--json',
      ]),
    ).json?.result as DeployJson;
    expect((dryRun.json?.result as DeployJson).counts).toEqual(first.counts);
    expect(first.changes).toBeGreaterThan(0);
    expect(Object.values(first.counts).reduce((sum, count) => sum + count, 0)).toBe(first.rows);
    expect(resultRows(resultsDir)).toBe(first.rows);
    // Every row in linked.csv is an identity the org now holds as Linked by the mapping, to the
    // record the row names: as many as the count says, no more, no fewer.
    const linkedRows = parse(readFileSync(join(resultsDir, 'linked.csv')), { columns: true }) as Array<
      Record<string, string>
    >;
    expect(linkedRows).toHaveLength(first.counts.linked ?? 0);
    expect(linkedRows.length).toBeGreaterThan(0);
    for (const row of linkedRows) {
      const [identity] = org.store.findByExternalId('Social_Identity__c', 'External_Id__c', String(row.externalId));
      expect({
        externalId: row.externalId,
        status: identity?.Link_Status__c,
        source: identity?.Link_Source__c,
      }).toEqual({ externalId: row.externalId, status: 'Linked', source: 'Mapping' });
      expect(identity?.[row.recordObject === 'Lead' ? 'Lead__c' : 'Contact__c']).toBe(row.recordId);
    }

    const second = expectSuccess(
      await sf.run([
        'social',
        'mappings',
        'deploy',
        '--file',
        mapping,
        '--target-org',
        alias,
        '--results-dir',
        join(sf.home, 'results-2'),
        '--json',
      ]),
    ).json?.result as DeployJson;
    expect(second.changes).toBe(0);
    expect(second.rows).toBe(first.rows);
  });

  it('imports the example export once, and a second import changes nothing', async () => {
    const before = org.store.list('Social_Interaction__c').length;
    const first = expectSuccess(
      await sf.run(['social', 'interactions', 'import', '--file', exportFile, '--target-org', alias, '--json']),
    ).json?.result as DeployJson;
    const afterFirst = org.store.list('Social_Interaction__c').length;
    expect(afterFirst).toBeGreaterThan(before);
    expect(Object.values(first.counts).reduce((sum, count) => sum + count, 0)).toBe(first.rows);

    expectSuccess(
      await sf.run(['social', 'interactions', 'import', '--file', exportFile, '--target-org', alias, '--json']),
    );
    expect(org.store.list('Social_Interaction__c').length).toBe(afterFirst);
  });

  it('fails with the file, line and column of a bad mapping, and writes nothing', async () => {
    const dir = mkdtempSync(join(sf.home, 'bad-'));
    writeFileSync(join(dir, 'mapping.yaml'), 'version: 1\nchannels:\n  - key: [unclosed\n');
    const identitiesBefore = org.store.list('Social_Identity__c').length;
    const run = await sf.run([
      'social',
      'mappings',
      'deploy',
      '--file',
      join(dir, 'mapping.yaml'),
      '--target-org',
      alias,
      '--json',
    ]);
    expect(run.code).not.toBe(0);
    expect(run.stdout).toMatch(/mapping\.yaml:\d+:\d+/);
    expect(org.store.list('Social_Identity__c').length).toBe(identitiesBefore);
  });

  it('prints no linked-ESM warning for other sf commands: the build writes the manifest oclif loads', async () => {
    // Without plugin/oclif.manifest.json, oclif finds a linked plugin's commands through tsPath on
    // every sf command and warns that a linked ESM module cannot be auto-transpiled.
    const run = expectSuccess(await sf.run(['org', 'list', '--json']));
    expect(run.stderr).not.toContain('linked ESM');
  });

  it('undoes the first deploy from its results folder, and a second undo changes nothing', async () => {
    const resultsDir = join(sf.home, 'results-1');
    const undo = async (): Promise<UndoJson> =>
      expectSuccess(
        await sf.run(['social', 'mappings', 'undo', '--results-dir', resultsDir, '--target-org', alias, '--json']),
      ).json?.result as UndoJson;
    const first = await undo();
    expect(first.counts.restored + first.counts.unlinked).toBeGreaterThan(0);
    expect(first.counts.failed).toBe(0);
    const second = await undo();
    expect(second.counts).toMatchObject({ restored: 0, unlinked: 0, deleted: 0, failed: 0 });
    expect(second.records).toBe(first.records);
  });

  it('shows in the terminal plan each channel setting a mapping would clear, and writes nothing', async () => {
    const dir = mkdtempSync(join(sf.home, 'cleared-'));
    cpSync(join(repoRoot, 'examples'), dir, { recursive: true });
    const original = readFileSync(join(dir, 'mapping.yaml'), 'utf8');
    const keys = [...original.matchAll(/- key: (\w+)[^-]*?postUrlTemplate:/g)].map((match) => match[1]);
    expect(keys.length).toBeGreaterThan(0);
    writeFileSync(join(dir, 'mapping.yaml'), original.replace(/^ +postUrlTemplate:.*\n/gm, ''));
    const channelsBefore = structuredClone(org.store.list('Social_Channel__c'));
    const run = expectSuccess(
      await sf.run([
        'social',
        'mappings',
        'deploy',
        '--file',
        join(dir, 'mapping.yaml'),
        '--target-org',
        alias,
        '--dry-run',
      ]),
    );
    for (const key of keys)
      expect(run.stdout).toMatch(new RegExp(`${key} +│ Post_URL_Template__c +│ https://\\S+ +│ \\(cleared\\)`));
    expect(org.store.list('Social_Channel__c')).toEqual(channelsBefore);
  });
});
