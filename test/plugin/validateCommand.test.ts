// `sf social mappings validate` run as an oclif command in-process: its --json result and its error
// with the problems as data.
import { describe, expect, it } from '@jest/globals';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import Validate from '../../plugin/src/commands/social/mappings/validate.js';
import { writeFixture } from './fixtures.js';

const pluginRoot = fileURLToPath(new URL('../../plugin/', import.meta.url));

describe('sf social mappings validate', () => {
  it('returns the counts for the example', async () => {
    const result = await Validate.run(
      ['--file', fileURLToPath(new URL('../../examples/mapping.yaml', import.meta.url))],
      pluginRoot,
    );
    expect(result).toMatchObject({ valid: true, channels: 7, rows: 7, rejected: 0 });
  });

  it('fails with file:line:column and the fix in the message, the problems as data', async () => {
    const dir = await writeFixture({ 'mapping.yaml': 'version: 2\nchannels: []\nsources: []\n' });
    const error = await Validate.run(['--file', join(dir, 'mapping.yaml'), '--json'], pluginRoot).catch(
      (caught: unknown) => caught,
    );
    expect(error).toMatchObject({
      name: 'InvalidMappingFileError',
      message: expect.stringMatching(/mapping\.yaml:1:10: version is 2; write version: 1/),
      actions: [expect.stringContaining('file:line:column'), expect.stringContaining('examples/mapping.yaml')],
      data: {
        problems: expect.arrayContaining([
          expect.objectContaining({ line: 2, message: expect.stringContaining('at least one channel') }),
        ]),
      },
    });
  });
});
