// The hostile corpus end to end against the local org over HTTP: `sf social mappings deploy` and
// `sf social interactions import` with HTML/JS, formula, SOQL-metacharacter, right-to-left-override and
// control-character text, files in other encodings and sources outside the mapping folder. Each case
// checks the exact error or reason, the org's record counts before and after, that every input row is
// in exactly one results CSV, and that no results cell starts a spreadsheet formula.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { importInteractions, type ImportResult } from '../../plugin/src/interactions/import.js';
import { INTERACTION_OUTCOMES } from '../../plugin/src/interactions/plan.js';
import { deployMapping } from '../../plugin/src/mappings/deploy.js';
import { OUTCOMES } from '../../plugin/src/mappings/plan.js';
import { MappingError } from '../../plugin/src/mappings/problem.js';
import { resultFileName } from '../../plugin/src/mappings/results.js';
import { writeFixture } from '../plugin/fixtures.js';
import { connectTo, startOrg, type TestOrg } from '../plugin/localOrg.js';
import { corpus, FORMULA_START, resultsRows } from './corpus.js';

const RLO = '\u202E';
// Contacts whose last names are the corpus's SOQL-metacharacter handles, and one a LIKE would also match.
const METACHAR_NAMES = ["o'brien' OR Name != '", 'back\\slash\\', '100%_off', '100 percent off'];

let org: TestOrg;
const counts = (): Record<string, number> =>
  Object.fromEntries(
    ['Social_Identity__c', 'Social_Interaction__c', 'Social_Channel__c', 'Contact', 'Lead'].map((name) => [
      name,
      org.store.list(name).length,
    ]),
  );
const byExternalId = (objectName: string, externalId: string): Record<string, unknown> | undefined =>
  org.store.list(objectName).find((record) => record.External_Id__c === externalId);

beforeAll(async () => {
  org = await startOrg();
  for (const name of METACHAR_NAMES) {
    const created = org.store.create('Contact', { LastName: name });
    if (!created.success) throw new Error(JSON.stringify(created.errors));
  }
});

afterAll(async () => {
  await org.stop();
});

const MAPPING = (file: string, columns: string): string => `version: 1
channels:
  - key: x
    name: X
rules:
  - name: same-handle
    identity: handle
    record: Contact.LastName
    action: link
sources:
  - name: export
    file: ${file}
    columns: ${columns}
`;
const CSV_COLUMNS = '{ network: Network, userId: Id, handle: Handle, displayName: Name, profileUrl: Profile }';

/** Every results row has no cell a spreadsheet would run; returns the rows. */
async function safeResults(dir: string, outcomes: readonly string[]): Promise<Array<Record<string, string>>> {
  const rows = await resultsRows(dir, outcomes);
  for (const row of rows) {
    for (const [column, value] of Object.entries(row)) {
      if (FORMULA_START.test(value)) throw new Error(`results cell ${column} starts a formula: ${value}`);
    }
  }
  return rows;
}

describe('sf social mappings deploy with the hostile corpus', () => {
  const deployFiles = OUTCOMES.map((outcome) => resultFileName(outcome).replace(/\.csv$/, ''));

  it('stores HTML/JS, formula and RTL text literally, matches SOQL metacharacters exactly, neutralises results', async () => {
    const dir = await writeFixture({
      'export.csv': corpus('sources/identities-hostile.csv'),
      'mapping.yaml': MAPPING('export.csv', CSV_COLUMNS),
    });
    const before = counts();
    const { result } = await deployMapping({
      file: join(dir, 'mapping.yaml'),
      connection: connectTo(org),
      dryRun: false,
      resultsDir: join(dir, 'results'),
    });
    expect(result.rows).toBe(12);
    expect(result.counts).toMatchObject({ linked: 3, unmatched: 7, rejected: 2, failed: 0, ambiguous: 0 });
    expect(counts()).toEqual({ ...before, Social_Identity__c: before.Social_Identity__c! + 10 });

    const rows = await safeResults(join(dir, 'results'), deployFiles);
    expect(rows.map((row) => Number(row.line)).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 12 }, (_, index) => index + 2),
    );
    const handleOf = (userId: string): string | undefined => rows.find((row) => row.userId === userId)?.handle;
    expect(handleOf('h-formula-eq')).toBe(`'=HYPERLINK("https://evil.example","click")`);
    expect(handleOf('h-formula-plus')).toBe(`'+cmd|' /C calc'!A0`);
    expect(handleOf('h-formula-minus')).toBe("'-2+3");
    expect(rows.find((row) => row.userId === 'h-control')).toMatchObject({
      outcome: 'rejected',
      reason:
        'handle has the control character U+0007 at character 5; remove it from the export (tabs and line breaks are allowed, other control characters are not)',
    });

    // Matched exactly: the quote, the backslash and the LIKE wildcards are data, not SOQL.
    const contacts = new Map(org.store.list('Contact').map((contact) => [contact.LastName, contact.Id]));
    for (const [userId, name] of [
      ['h-soql-quote', METACHAR_NAMES[0]],
      ['h-soql-backslash', METACHAR_NAMES[1]],
      ['h-soql-like', METACHAR_NAMES[2]],
    ] as const) {
      expect(byExternalId('Social_Identity__c', `x:${userId}`)).toMatchObject({
        Handle__c: name,
        Contact__c: contacts.get(name),
        Link_Status__c: 'Linked',
      });
    }
    // Stored as the text it is; never escaped, stripped or run.
    expect(byExternalId('Social_Identity__c', 'x:h-html-script')).toMatchObject({
      Handle__c: '<script>alert(1)</script>',
      Display_Name__c: '<b>bold</b>',
    });
    expect(byExternalId('Social_Identity__c', 'x:h-html-img')).toMatchObject({
      Handle__c: '<img src=x onerror=alert(1)>',
      Display_Name__c: '<svg onload=alert(1)>',
      Profile_URL__c: 'https://x.com/"onmouseover=alert(1)',
    });
    expect(byExternalId('Social_Identity__c', 'x:h-rtl')).toMatchObject({
      Handle__c: `${RLO}nimda`,
      Display_Name__c: `moc.elgoog${RLO}evil`,
    });
    expect(byExternalId('Social_Identity__c', 'x:h-formula-eq')).toMatchObject({
      Handle__c: '=HYPERLINK("https://evil.example","click")',
      Display_Name__c: '=1+1',
    });
    expect(byExternalId('Social_Identity__c', 'x:h-js-url')).toBeUndefined();

    // Idempotent: the metacharacter handles are read back by external id and compared exactly.
    const again = await deployMapping({
      file: join(dir, 'mapping.yaml'),
      connection: connectTo(org),
      dryRun: false,
      resultsDir: join(dir, 'results-2'),
    });
    expect(again.result.changes).toBe(0);
    expect(again.result.counts).toMatchObject({ unchanged: 3, unmatched: 7, rejected: 2, linked: 0 });
  });

  it.each([
    ['sources/invalid-utf8.csv', 'export.csv', 3, /^byte 12 of this line \(C3 28\) is not valid UTF-8/],
    ['sources/utf16le-bom.csv', 'export.csv', 1, /^the file is saved as UTF-16 \(little-endian\); save it as UTF-8/],
    ['sources/nul-byte.csv', 'export.csv', 3, /^byte 12 of this line is a NUL \(00\)/],
  ])('refuses %s whole: nothing written to the org or the results folder', async (path, file, line, message) => {
    const dir = await writeFixture({ [file]: corpus(path), 'mapping.yaml': MAPPING(file, CSV_COLUMNS) });
    const before = counts();
    const error = await deployMapping({
      file: join(dir, 'mapping.yaml'),
      connection: connectTo(org),
      dryRun: false,
      resultsDir: join(dir, 'results'),
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(MappingError);
    expect(error).toMatchObject({ code: 'MalformedSource', problems: [{ file: join(dir, file), line }] });
    expect((error as MappingError).problems[0]!.message).toMatch(message);
    expect((error as MappingError).problems[0]!.message).toMatch(/Nothing was written\.$/);
    expect(counts()).toEqual(before);
    expect(await readdir(dir)).not.toContain('results');
  });

  it('refuses a source outside the mapping folder unless allowOutsideSources, and then deploys it', async () => {
    const root = await writeFixture({
      'outside.csv': 'Network,Id,Handle\r\nx,outside-1,outsider\r\n',
      'mappings/mapping.yaml': MAPPING('../outside.csv', '{ network: Network, userId: Id, handle: Handle }'),
    });
    const mapping = join(root, 'mappings', 'mapping.yaml');
    const before = counts();
    const options = { file: mapping, connection: connectTo(org), dryRun: false, resultsDir: join(root, 'results') };
    const error = await deployMapping(options).catch((caught: unknown) => caught);
    expect(error).toMatchObject({
      code: 'SourceOutsideFolder',
      problems: [{ file: mapping, line: 12, column: 11 }],
    });
    expect(String((error as MappingError).message)).toContain(
      `source export: ../outside.csv leads out of the mapping file's folder (to ${join(root, 'outside.csv')}); move the file into ${join(root, 'mappings')} (or a folder under it) and write its path relative to the mapping file, or pass --allow-outside-sources if reading it from there is intended`,
    );
    expect(counts()).toEqual(before);

    const { result } = await deployMapping({ ...options, allowOutsideSources: true });
    expect(result.counts).toMatchObject({ unmatched: 1 });
    expect(byExternalId('Social_Identity__c', 'x:outside-1')).toMatchObject({ Handle__c: 'outsider' });
  });
});

describe('sf social interactions import with the hostile corpus', () => {
  const run = async (file: string): Promise<ImportResult> =>
    importInteractions({
      file,
      connection: connectTo(org),
      dryRun: false,
      resultsDir: join(await writeFixture({}), 'results'),
      now: () => new Date('2026-11-21T00:00:00Z'),
    });

  it('stores hostile bodies verbatim, rejects control characters and script URLs, every row in the results', async () => {
    const before = counts();
    // A file name that is itself a formula: the results' file column must not run it.
    const dir = await writeFixture({ '=HYPERLINK("x").ndjson': corpus('interactions/hostile.ndjson') });
    const cwd = process.cwd();
    process.chdir(dir);
    let result: ImportResult;
    try {
      result = await run('=HYPERLINK("x").ndjson');
    } finally {
      process.chdir(cwd);
    }
    expect(result.rows).toBe(11);
    expect(result.counts).toMatchObject({ created: 7, rejected: 4, failed: 0 });
    expect(counts().Social_Interaction__c).toBe(before.Social_Interaction__c! + 7);

    const rows = await safeResults(result.resultsDir!, INTERACTION_OUTCOMES);
    expect(rows.map((row) => Number(row.line)).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 11 }, (_, index) => index + 1),
    );
    expect(rows.every((row) => row.file === `'=HYPERLINK("x").ndjson`)).toBe(true);
    const rejected = new Map(rows.filter((row) => row.outcome === 'rejected').map((row) => [row.line, row.reason]));
    expect(rejected.get('8')).toBe(
      'body has the control character U+0007 at character 5; remove it from the export (tabs and line breaks are allowed, other control characters are not)',
    );
    expect(rejected.get('9')).toBe(
      'body has the control character U+0000 at character 4; remove it from the export (tabs and line breaks are allowed, other control characters are not)',
    );
    expect(rejected.get('10')).toMatch(/^permalink "javascript:alert\(1\)" is not an http\(s\) URL/);
    expect(rejected.get('11')).toMatch(/^not valid JSON/);

    const body = (postId: string): unknown => byExternalId('Social_Interaction__c', `x:${postId}`)?.Body__c;
    expect(body('i-script')).toBe('<script>alert("x")</script> hello');
    expect(body('i-img')).toBe('<img src=x onerror=alert(1)><svg onload=alert(2)>');
    expect(body('i-jsurl')).toBe('click javascript:alert(document.cookie) or <a href="javascript:alert(1)">here</a>');
    expect(body('i-formula')).toBe('=HYPERLINK("https://evil.example","click")');
    expect(body("i-soql'q\\%_")).toBe("' OR Id != '' --");
    expect(body('i-rtl')).toBe(`pay here ${RLO}gpj.exe`);
    expect(byExternalId('Social_Identity__c', "x:iu-6'\\")).toMatchObject({ Handle__c: "o'brien%_\\" });
    expect(byExternalId('Social_Identity__c', 'x:iu-1')).toMatchObject({
      Handle__c: '<script>alert(1)</script>',
      Display_Name__c: '<b onmouseover=alert(1)>Ana</b>',
    });

    // The same posts as CSV (no NUL row: a NUL byte refuses a CSV whole) read to the same values, so
    // nothing changes: the external ids with ' \ % _ are found by the org query, literally.
    const csvDir = await writeFixture({ 'hostile.csv': corpus('interactions/hostile.csv') });
    const csv = await run(join(csvDir, 'hostile.csv'));
    expect(csv.rows).toBe(9);
    expect(csv.counts).toMatchObject({ unchanged: 7, rejected: 2, created: 0, updated: 0, failed: 0 });
    expect(csv.changes).toBe(0);
    expect(counts().Social_Interaction__c).toBe(before.Social_Interaction__c! + 7);
  });

  it.each([
    ['interactions/invalid-utf8.ndjson', 'export.ndjson', 2, /^byte 92 of this line \(E9 22\) is not valid UTF-8/],
    [
      'interactions/utf16le-bom.csv',
      'export.csv',
      1,
      /^the file is saved as UTF-16 \(little-endian\); save it as UTF-8/,
    ],
  ])('refuses %s whole: nothing written', async (path, file, line, message) => {
    const dir = await writeFixture({ [file]: corpus(path) });
    const before = counts();
    const error = await run(join(dir, file)).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(MappingError);
    expect(error).toMatchObject({ code: 'MalformedSource', problems: [{ file: join(dir, file), line }] });
    expect((error as MappingError).problems[0]!.message).toMatch(message);
    expect(counts()).toEqual(before);
  });
});
