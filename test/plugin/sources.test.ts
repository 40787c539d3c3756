// Reading sources: CSV quirks (BOM, CRLF, quoted newlines, quotes), NDJSON, column mappings, missing
// files and malformed rows, through validateMapping, the same path deploy reads.
import { describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import { attributeOf } from '../../plugin/src/mappings/identity.js';
import { validateMapping } from '../../plugin/src/mappings/validate.js';
import { formatProblem, MappingError } from '../../plugin/src/mappings/problem.js';
import { loadMappingFile } from '../../plugin/src/mappings/mappingFile/load.js';
import { readSources, type SourceItem } from '../../plugin/src/mappings/sources/read.js';
import { mappingYaml, writeFixture } from './fixtures.js';

const EXPORT_SOURCE = `sources:
  - name: export
    file: data/export.csv
    columns:
      network: Source
      userId: Author ID
      handle: Author
      displayName: Full Name
      followers: Followers
      email: Email
    networkValues:
      Twitter: x`;

async function readAll(dir: string): Promise<SourceItem[]> {
  const loaded = await loadMappingFile(join(dir, 'mapping.yaml'));
  const items: SourceItem[] = [];
  for await (const item of readSources(loaded, 'mapping.yaml')) items.push(item);
  return items;
}

describe('CSV sources', () => {
  it('reads a BOM, CRLF line ends, quoted newlines and doubled quotes, with the line each row starts on', async () => {
    const csv =
      '\uFEFFSource,Author ID,Author,Full Name,Followers,Email\r\n' +
      'Twitter,101,@ana_ruiz,"Ana ""La Jefa"" Ruiz",1204,ana@example.com\r\n' +
      'instagram,102,priya,"Priya\r\nShah",5310,\r\n' +
      '\r\n' +
      'Twitter,103,jlee,Jordan Lee,"1,024",\r\n';
    const dir = await writeFixture({ 'mapping.yaml': mappingYaml({ sources: EXPORT_SOURCE }), 'data/export.csv': csv });
    const items = await readAll(dir);
    expect(items.map((item) => item.kind)).toEqual(['identity', 'identity', 'identity']);
    const identities = items.flatMap((item) => (item.kind === 'identity' ? [item.identity] : []));
    expect(identities.map((identity) => [identity.externalId, identity.row.origin.line])).toEqual([
      ['x:101', 2],
      ['instagram:102', 3],
      ['x:103', 6],
    ]);
    expect(identities[0]).toMatchObject({ handle: 'ana_ruiz', displayName: 'Ana "La Jefa" Ruiz', followers: 1204 });
    expect(attributeOf(identities[0]!, 'email')).toBe('ana@example.com');
    expect(identities[1]!.displayName).toBe('Priya\r\nShah');
    expect(identities[2]!.followers).toBe(1024);
  });

  it('stops at a short row with its line and says nothing was written', async () => {
    const csv = 'Source,Author ID,Author,Full Name,Followers,Email\nTwitter,101,ana,Ana,1,\nTwitter,102,jlee\n';
    const dir = await writeFixture({ 'mapping.yaml': mappingYaml({ sources: EXPORT_SOURCE }), 'data/export.csv': csv });
    const error = await validateMapping(join(dir, 'mapping.yaml')).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(MappingError);
    expect((error as MappingError).code).toBe('MalformedSource');
    expect((error as MappingError).problems.map(formatProblem)).toEqual([
      expect.stringMatching(/export\.csv:3: this row has 3 fields but the header has 6; .*Nothing was written/),
    ]);
  });

  it('stops at an unclosed quote with a line and how to quote', async () => {
    const csv = 'Source,Author ID,Author,Full Name,Followers,Email\nTwitter,101,ana,"Ana,1,\nTwitter,102,b,B,1,\n';
    const dir = await writeFixture({ 'mapping.yaml': mappingYaml({ sources: EXPORT_SOURCE }), 'data/export.csv': csv });
    await expect(validateMapping(join(dir, 'mapping.yaml'))).rejects.toMatchObject({
      code: 'MalformedSource',
      problems: [expect.objectContaining({ line: expect.any(Number), message: expect.stringContaining('quote') })],
    });
  });

  it('names a missing column and lists the header', async () => {
    const csv = 'Source,Author_ID,Author,Full Name,Followers,Email\nTwitter,1,a,A,1,\n';
    const dir = await writeFixture({ 'mapping.yaml': mappingYaml({ sources: EXPORT_SOURCE }), 'data/export.csv': csv });
    await expect(validateMapping(join(dir, 'mapping.yaml'))).rejects.toMatchObject({
      code: 'MalformedSource',
      problems: [
        expect.objectContaining({
          line: 1,
          message: expect.stringMatching(
            /no column "Author ID" \(for userId\).*the header has: Source, Author_ID, Author, Full Name/,
          ),
        }),
      ],
    });
  });

  it('points a missing source file at its file: line in the mapping', async () => {
    const dir = await writeFixture({ 'mapping.yaml': mappingYaml({ sources: EXPORT_SOURCE }) });
    await expect(validateMapping(join(dir, 'mapping.yaml'))).rejects.toMatchObject({
      code: 'SourceNotFound',
      problems: [
        expect.objectContaining({
          line: 12,
          column: 11,
          message: expect.stringMatching(/data\/export\.csv does not exist.*relative to the mapping file/),
        }),
      ],
    });
  });

  it('rejects bad rows with their reason and goes on', async () => {
    const csv = [
      'Source,Author ID,Author,Full Name,Followers,Email',
      'Twitter,,ana,Ana,1,',
      'TikTok,2,b,B,1,',
      'Twitter,3,c,C,lots,',
      'Twitter,4,d,D,5,',
    ].join('\n');
    const dir = await writeFixture({ 'mapping.yaml': mappingYaml({ sources: EXPORT_SOURCE }), 'data/export.csv': csv });
    const result = await validateMapping(join(dir, 'mapping.yaml'));
    expect(result).toMatchObject({ valid: false, rows: 4, rejected: 3, identities: 1 });
    expect(result.problems.map((problem) => [problem.line, problem.message])).toEqual([
      [2, expect.stringMatching(/no user id/)],
      [
        3,
        expect.stringMatching(
          /network "TikTok" is not a channel of the mapping; add it to channels: or map it with networkValues:/,
        ),
      ],
      [4, expect.stringMatching(/followers "lots" is not a whole number/)],
    ]);
  });
});

describe('NDJSON sources', () => {
  it('reads nested properties, skips blank lines and rejects a broken line without stopping', async () => {
    const ndjson = [
      '\uFEFF{"id": 1001, "username": "@ana.r", "profile": {"name": "Ana", "email": "ana@example.com"}}',
      '',
      '{"id": "1002", "username": "sam"',
      '[1, 2]',
      '{"id": "1003", "profile": {"name": "Kim"}}',
    ].join('\r\n');
    const sources = `sources:
  - name: community
    file: members.ndjson
    network: instagram
    columns: { userId: id, handle: username, displayName: profile.name, email: profile.email }`;
    const dir = await writeFixture({ 'mapping.yaml': mappingYaml({ sources }), 'members.ndjson': ndjson });
    const items = await readAll(dir);
    expect(
      items.map((item) =>
        item.kind === 'identity'
          ? `${item.identity.row.origin.line} ${item.identity.externalId}`
          : `${item.rejected.origin.line} rejected`,
      ),
    ).toEqual(['1 instagram:1001', '3 rejected', '4 rejected', '5 instagram:1003']);
    const first = items[0]!;
    expect(first.kind === 'identity' && first.identity).toMatchObject({ handle: 'ana.r', displayName: 'Ana' });
    expect(first.kind === 'identity' && attributeOf(first.identity, 'email')).toBe('ana@example.com');
  });
});

describe('explicit pairs', () => {
  it('rejects the same identity listed twice with different targets, naming both lines', async () => {
    const sources = `sources:
  - name: vip
    pairs:
      - identity: x:42
        contact: { Email: ana@example.com }
      - identity: x:7
        lead: 00Q000000000001AAA
      - identity: x:42
        contact: { Email: ana.ruiz@example.com }`;
    const dir = await writeFixture({ 'mapping.yaml': mappingYaml({ sources }) });
    const result = await validateMapping(join(dir, 'mapping.yaml'));
    expect(result).toMatchObject({ valid: false, rows: 3, rejected: 2 });
    expect(result.problems.map(formatProblem).sort()).toEqual([
      expect.stringMatching(
        /mapping\.yaml:13: identity x:42 is listed here \(Contact Email=ana@example\.com\) and at .*mapping\.yaml:17 \(Contact Email=ana\.ruiz@example\.com\).*keep one of the rows/,
      ),
      expect.stringMatching(
        /mapping\.yaml:17: identity x:42 is listed here \(Contact Email=ana\.ruiz@example\.com\) and at .*mapping\.yaml:13 /,
      ),
    ]);
  });

  it('validates the shipped example cleanly', async () => {
    const result = await validateMapping(new URL('../../examples/mapping.yaml', import.meta.url).pathname);
    expect(result).toMatchObject({ valid: true, rejected: 0 });
    expect(result.rows).toBe(result.sources.reduce((sum, source) => sum + source.rows, 0));
  });
});
