// Hostile mapping files (test/fixtures/hostile/yaml and paths): YAML bombs, deep nesting, tags,
// duplicate and merge keys, YAML 1.1, other encodings, huge files, and sources that try to read
// outside the mapping file's folder. All offline: the loader must refuse each one quickly, with
// file:line:column and what to do, before anything could reach an org.
import { describe, expect, it } from '@jest/globals';
import { realpathSync } from 'node:fs';
import { mkdir, symlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import Validate from '../../plugin/src/commands/social/mappings/validate.js';
import { loadMappingFile, MAX_MAPPING_BYTES } from '../../plugin/src/mappings/mappingFile/load.js';
import { MappingError } from '../../plugin/src/mappings/problem.js';
import { validateMapping } from '../../plugin/src/mappings/validate.js';
import { runInProcess } from '../support/inProcessCommand.js';
import { writeFixture } from '../plugin/fixtures.js';
import { corpus } from './corpus.js';

/** Loads a corpus mapping file from a temporary folder and returns the refusal. */
async function refusal(name: string): Promise<{ error: MappingError; ms: number }> {
  const dir = await writeFixture({ 'mapping.yaml': corpus(`yaml/${name}`) });
  const started = performance.now();
  const error = await loadMappingFile(join(dir, 'mapping.yaml')).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  const ms = performance.now() - started;
  if (!(error instanceof MappingError))
    throw new Error(`${name} was not refused with a MappingError: ${String(error)}`);
  return { error, ms };
}

describe('hostile mapping files', () => {
  it('refuses a billion-laughs file in milliseconds, at the first alias', async () => {
    const { error, ms } = await refusal('billion-laughs.yaml');
    expect(error.code).toBe('InvalidMappingFile');
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]).toMatchObject({ line: 12, column: 11 });
    expect(error.problems[0]!.message).toMatch(
      /^the anchors and aliases \(&name, \*name\) from here on expand to more than 100 values, which is how a "billion laughs" file takes all memory; write the values out/,
    );
    expect(ms).toBeLessThan(1000);
  });

  it('refuses more than 100 alias expansions even of one short value', async () => {
    const { error } = await refusal('alias-fanout.yaml');
    expect(error.problems[0]).toMatchObject({ line: 12, column: 5 });
    expect(error.problems[0]!.message).toContain('expand to more than 100 values');
  });

  it('refuses flow lists nested 200 deep before the parser runs', async () => {
    const { error, ms } = await refusal('deep-flow.yaml');
    expect(error.problems).toEqual([
      {
        file: expect.stringMatching(/mapping\.yaml$/),
        line: 11,
        column: 72,
        message:
          'lists and maps are nested more than 64 deep here; a mapping file needs a few levels, so check the brackets',
      },
    ]);
    expect(ms).toBeLessThan(1000);
  });

  it('refuses block lists nested 3000 deep with a clear message, not a stack overflow', async () => {
    const { error } = await refusal('deep-block.yaml');
    expect(error.problems[0]!.message).toMatch(
      /the file is nested too deeply to read; a mapping file needs a few levels, so check the indentation$/,
    );
    expect(error.problems[0]!.line).toBeGreaterThanOrEqual(11);
  });

  it('refuses !!js/function, !!binary, !!python and custom tags without resolving them', async () => {
    const { error } = await refusal('tags.yaml');
    const lines = error.problems.map((problem) => `${problem.line}:${problem.column}: ${problem.message}`);
    expect(lines).toContain(
      '5:11: the tag !!js/function is not allowed in a mapping file (only plain text, numbers, true/false, lists and maps); remove it and write the value as plain text',
    );
    expect(lines).toContain(
      '6:11: the tag !!binary is not allowed in a mapping file (only plain text, numbers, true/false, lists and maps); remove it and write the value as plain text',
    );
    expect(lines.some((line) => line.startsWith('8:11: the tag !!python/object/apply:os.system is not allowed'))).toBe(
      true,
    );
    expect(lines.some((line) => line.startsWith('9:11: the tag !custom is not allowed'))).toBe(true);
  });

  it('refuses a duplicate key at the second one', async () => {
    const { error } = await refusal('duplicate-keys.yaml');
    expect(error.problems).toEqual([
      expect.objectContaining({ line: 6, column: 5, message: 'Map keys must be unique; keep one of the two keys' }),
    ]);
  });

  it('does not apply a YAML 1.1 merge key: "<<" is an unknown setting', async () => {
    const { error } = await refusal('merge-keys.yaml');
    const messages = error.problems.map((problem) => `${problem.line}: ${problem.message}`);
    expect(messages).toContain(
      '3: "defaults" is not a setting here; check the spelling against examples/mapping.yaml or remove it',
    );
    expect(messages).toContain(
      '8: channels[0]: "<<" is not a setting here; check the spelling against examples/mapping.yaml or remove it',
    );
  });

  it('refuses a %YAML 1.1 directive (yes/no booleans, merge keys)', async () => {
    const { error } = await refusal('yaml11-directive.yaml');
    expect(error.problems).toEqual([
      expect.objectContaining({
        line: 1,
        column: 1,
        message:
          '%YAML 1.1 is not supported (YAML 1.1 reads yes/no as true/false and applies << merge keys); remove the %YAML line, mapping files are YAML 1.2',
      }),
    ]);
  });

  it('refuses a second YAML document', async () => {
    const { error } = await refusal('multi-document.yaml');
    expect(error.problems[0]!.line).toBe(10);
    expect(error.problems[0]!.message).toMatch(/a mapping file is one YAML document: remove the "---" line/);
  });

  it('refuses UTF-16, invalid UTF-8 and NUL bytes, naming the line and what to do', async () => {
    expect((await refusal('utf16le-bom.yaml')).error.problems).toEqual([
      expect.objectContaining({
        line: 1,
        message:
          'the file is saved as UTF-16 (little-endian); save it as UTF-8 (in Excel: "CSV UTF-8"; in an editor: "Save with encoding UTF-8") and run again',
      }),
    ]);
    expect((await refusal('invalid-utf8.yaml')).error.problems).toEqual([
      expect.objectContaining({
        line: 4,
        column: 14,
        message: 'these bytes are not valid UTF-8; save the mapping file as UTF-8',
      }),
    ]);
    expect((await refusal('nul-byte.yaml')).error.problems).toEqual([
      expect.objectContaining({
        line: 5,
        column: 12,
        message: 'this is a NUL byte: the mapping file must be UTF-8 text; save it as UTF-8',
      }),
    ]);
  });

  it('refuses a file over 1 MiB before parsing it', async () => {
    const dir = await writeFixture({
      'mapping.yaml': `version: 1\n# ${'x'.repeat(MAX_MAPPING_BYTES)}\n`,
    });
    await expect(loadMappingFile(join(dir, 'mapping.yaml'))).rejects.toMatchObject({
      code: 'InvalidMappingFile',
      problems: [
        {
          message: `the mapping file is ${MAX_MAPPING_BYTES + 14} bytes, more than the ${MAX_MAPPING_BYTES} a mapping file may have; move long lists of pairs into a CSV source (file:) and keep the mapping file to settings`,
        },
      ],
    });
  });
});

describe('sources outside the mapping file folder', () => {
  /** <tmp>/mappings/mapping.yaml (the corpus file), <tmp>/mappings/exports/identities.csv, <tmp>/outside.csv. */
  async function layout(name: string): Promise<string> {
    const csv = 'Id,Handle\r\n1,ana\r\n';
    const root = await writeFixture({
      'outside.csv': csv,
      'mappings/mapping.yaml': corpus(`paths/${name}.yaml`),
      'mappings/exports/identities.csv': csv,
    });
    await mkdir(join(root, 'mappings', 'exports'), { recursive: true });
    await symlink(join(root, 'outside.csv'), join(root, 'mappings', 'exports', 'link.csv'));
    return join(root, 'mappings');
  }

  const fix = (dir: string): string =>
    `move the file into ${dir} (or a folder under it) and write its path relative to the mapping file, or pass --allow-outside-sources if reading it from there is intended`;

  it.each([
    ['dotdot', (root: string) => `../outside.csv leads out of the mapping file's folder (to ${root}/outside.csv);`],
    [
      'nested-dotdot',
      (root: string) => `exports/../../outside.csv leads out of the mapping file's folder (to ${root}/outside.csv);`,
    ],
    ['absolute', () => "/etc/passwd is an absolute path; sources are read from the mapping file's folder only:"],
    [
      'symlink',
      (_root: string, realRoot: string) =>
        `exports/link.csv is a link to ${realRoot}/outside.csv, outside the mapping file's folder;`,
    ],
  ])('refuses %s at the file: entry, unless --allow-outside-sources', async (name, what) => {
    const dir = await layout(name);
    const root = dirname(dir);
    const mapping = join(dir, 'mapping.yaml');
    const error = await validateMapping(mapping).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(MappingError);
    expect(error).toMatchObject({
      code: 'SourceOutsideFolder',
      problems: [
        {
          file: mapping,
          line: 7,
          column: 11,
          message: `source export: ${what(root, realpathSync(root))} ${fix(dir)}`,
        },
      ],
    });
    if (name === 'absolute') return; // /etc/passwd has no Id column: with the flag it is read and refused for that.
    const allowed = await validateMapping(mapping, undefined, { allowOutsideSources: true });
    expect(allowed).toMatchObject({ valid: true, rows: 1, identities: 1 });
  });

  it('sf social mappings validate names the error, the place and both ways out; --allow-outside-sources reads it', async () => {
    const dir = await layout('dotdot');
    const mapping = join(dir, 'mapping.yaml');
    const { error, json } = await runInProcess(Validate, ['--file', mapping, '--json']);
    expect(json).toMatchObject({ status: 1, name: 'SourceOutsideFolderError' });
    expect(error).toMatchObject({
      name: 'SourceOutsideFolderError',
      message: expect.stringMatching(
        new RegExp(
          `^A source file is outside the mapping file's folder, so it was not read and nothing was written:\n${mapping}:7:11: source export: \\.\\./outside\\.csv leads out`,
        ),
      ),
      actions: [
        "Move the file into the mapping file's folder (or a folder under it) and write its path relative to the mapping file.",
        'Or, if reading it from where it is was intended, run the command again with --allow-outside-sources.',
      ],
      data: { problems: [expect.objectContaining({ file: mapping, line: 7, column: 11 })] },
    });
    const allowed = await runInProcess(Validate, ['--file', mapping, '--allow-outside-sources', '--json']);
    expect(allowed.result).toMatchObject({ valid: true, rows: 1 });
    expect(allowed.json).toMatchObject({ status: 0, result: allowed.result });
  });

  it('reads a source inside the folder (a subfolder is fine)', async () => {
    const dir = await layout('inside');
    expect(await validateMapping(join(dir, 'mapping.yaml'))).toMatchObject({ valid: true, rows: 1 });
  });

  it('refuses a linked folder that points out of the mapping folder', async () => {
    const root = await writeFixture({
      'elsewhere/identities.csv': 'Id,Handle\r\n1,ana\r\n',
      'mappings/mapping.yaml': corpus('paths/inside.yaml'),
    });
    await symlink(join(root, 'elsewhere'), join(root, 'mappings', 'exports'));
    const error = await validateMapping(join(root, 'mappings', 'mapping.yaml')).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'SourceOutsideFolder' });
    expect((error as MappingError).problems[0]!.message).toMatch(
      /^source export: exports\/identities\.csv is a link to .*\/elsewhere\/identities\.csv, outside the mapping file's folder; move the file into/,
    );
  });
});
