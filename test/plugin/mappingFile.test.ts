// The mapping file loader: schema errors and YAML errors come back as file:line:column with a fix.
import { describe, expect, it } from '@jest/globals';
import { fileURLToPath } from 'node:url';
import { loadMappingFile, parseMapping } from '../../plugin/src/mappings/mappingFile/load.js';
import { formatProblem, MappingError } from '../../plugin/src/mappings/problem.js';

function problemsOf(text: string): string[] {
  try {
    parseMapping(text, '/tmp/m.yaml', 'm.yaml');
  } catch (error) {
    if (error instanceof MappingError) return error.problems.map(formatProblem);
    throw error;
  }
  throw new Error('expected the mapping to be rejected');
}

const VALID = `version: 1
channels:
  - key: x
    name: X
rules:
  - name: same-email
    identity: email
    record: Contact.Email
    normalise: [lowercase]
    action: link
sources:
  - name: export
    file: a.csv
    network: x
    columns: { userId: Author ID, email: Email }
`;

describe('mapping file', () => {
  it('loads the example with defaults applied', async () => {
    const loaded = await loadMappingFile(fileURLToPath(new URL('../../examples/mapping.yaml', import.meta.url)));
    expect(loaded.mapping.channels.find((channel) => channel.key === 'x')?.enabled).toBe(true);
    expect(loaded.mapping.rules.map((rule) => rule.name)).toEqual(['same-email', 'same-phone', 'lead-email']);
    expect(loaded.locate(['rules', 1]).line).toBeGreaterThan(loaded.locate(['rules', 0]).line);
  });

  it('parses a valid file and fills defaults', () => {
    const loaded = parseMapping(VALID, '/tmp/m.yaml');
    expect(loaded.mapping.unmatched).toBe('leave');
    expect(loaded.mapping.removeStaleLinks).toBe(false);
    expect(loaded.locate(['sources', 0, 'file'])).toEqual({ line: 13, column: 11 });
  });

  it('points at a misspelt normalisation with what to write instead', () => {
    expect(problemsOf(VALID.replace('[lowercase]', '[lowercase, email_plus]'))).toEqual([
      'm.yaml:9:28: rules[0].normalise[1] is "email_plus"; write one of: lowercase, strip-at, profile-url, email-plus, email-dots, phone-e164',
    ]);
  });

  it('points at an unknown setting', () => {
    expect(problemsOf(VALID.replace('    action: link', '    actoin: link'))).toEqual([
      'm.yaml:10:5: rules[0]: "actoin" is not a setting here; check the spelling against examples/mapping.yaml or remove it',
    ]);
  });

  it('reports a missing required value at its parent', () => {
    const [problem] = problemsOf(VALID.replace('    name: X\n', ''));
    expect(problem).toBe('m.yaml:3:5: channels[0].name is missing; write the label reps see, e.g. X');
  });

  it('reports malformed YAML with its line', () => {
    const problems = problemsOf('version: 1\nchannels:\n  - key: x\n   name: X\n');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^m\.yaml:4:\d+: .*indentation/);
  });

  it('reports a duplicate key', () => {
    const problems = problemsOf(VALID.replace('version: 1', 'version: 1\nversion: 1'));
    expect(problems[0]).toMatch(/^m\.yaml:2:1: .*keep one of the two keys/);
  });

  it('checks cross-references: rule attributes, channel keys, duplicate names', () => {
    const text = VALID.replace('identity: email', 'identity: phone')
      .replace('    network: x', '    network: facebook')
      .concat('  - name: export\n    pairs:\n      - identity: x:1\n        contact: 003000000000001AAA\n');
    expect(problemsOf(text)).toEqual([
      expect.stringMatching(/^m\.yaml:7:15: rules\[0\]\.identity: no source provides the attribute phone/),
      expect.stringMatching(
        /^m\.yaml:14:14: sources\[0\]\.network: facebook is not a channel of this mapping; write one of: x/,
      ),
      expect.stringMatching(/^m\.yaml:16:11: sources\[1\]\.name: source export is already the name of sources\[0\]/),
    ]);
  });

  it('requires exactly one target per pair', () => {
    const text = VALID.concat(
      '  - name: vip\n    pairs:\n      - identity: x:1\n        contact: 003000000000001AAA\n        lead: 00Q000000000001AAA\n',
    );
    expect(problemsOf(text)).toEqual([expect.stringMatching(/^m\.yaml:18:9: sources\[1\]\.pairs\[0\].*exactly one/)]);
  });

  it('says when the file cannot be read', async () => {
    await expect(loadMappingFile('/nonexistent/mapping.yaml')).rejects.toMatchObject({
      code: 'MappingFileNotFound',
      problems: [expect.objectContaining({ message: expect.stringMatching(/ENOENT.*--file/) })],
    });
  });
});
