// `sf social mappings validate` run as an oclif command in-process: its --json result and its error
// with the problems as data.
import { describe, expect, it } from '@jest/globals';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import Validate from '../../plugin/src/commands/social/mappings/validate.js';
import { runInProcess } from '../support/inProcessCommand.js';
import { writeFixture } from './fixtures.js';

describe('sf social mappings validate', () => {
  it('returns the counts for the example', async () => {
    const { result, json } = await runInProcess(Validate, [
      '--file',
      fileURLToPath(new URL('../../examples/mapping.yaml', import.meta.url)),
      '--json',
    ]);
    expect(result).toMatchObject({ valid: true, channels: 7, rows: 7, rejected: 0 });
    // What a script reads: sf's --json envelope around the same result.
    expect(json).toEqual({ status: 0, result, warnings: [] });
  });

  it('fails with file:line:column and the fix in the message, the problems as data', async () => {
    const dir = await writeFixture({ 'mapping.yaml': 'version: 2\nchannels: []\nsources: []\n' });
    const { error, json } = await runInProcess(Validate, ['--file', join(dir, 'mapping.yaml'), '--json']);
    expect(json).toMatchObject({ status: 1, name: 'InvalidMappingFileError', exitCode: 1 });
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
