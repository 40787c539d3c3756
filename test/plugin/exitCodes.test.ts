// Exit codes, as the sf CLI's own commands give them: 68 when a run partially succeeded, 69 when it
// stopped before the end (plugin-deploy-retrieve's `project deploy start`, errorCodes.ts: SucceededPartial
// 68, InProgress 69), each listed in the command's ERROR CODES help section (SfCommand.errorCodes, which
// sf's help prints after the flags). `sf social mappings deploy` runs here against the local org over
// HTTP; import, deliver and the daily limit (69) are checked in their own tests
// (test/interactions/import.test.ts, test/replies/deliver.test.ts, test/faults/deploy.test.ts).
import { describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import Import from '../../plugin/src/commands/social/interactions/import.js';
import Deploy from '../../plugin/src/commands/social/mappings/deploy.js';
import Undo from '../../plugin/src/commands/social/mappings/undo.js';
import Deliver from '../../plugin/src/commands/social/replies/deliver.js';
import { runInProcess } from '../support/inProcessCommand.js';
import { mappingYaml, writeFixture } from './fixtures.js';
import { localOrgForFile } from './localOrg.js';

const org = localOrgForFile();

/** The rows of a help section built from name/description pairs (toHelpSection's form). */
function rowsOf(section: (typeof Deploy)['errorCodes']): Array<{ name: string; description: string }> {
  return Array.isArray(section?.body) ? (section.body as Array<{ name: string; description: string }>) : [];
}

describe('exit codes', () => {
  it.each([
    ['mappings deploy', Deploy, ['Succeeded (0)', 'Failed (1)', 'PartialSuccess (68)', 'StoppedByDailyLimit (69)']],
    ['interactions import', Import, ['Succeeded (0)', 'Failed (1)', 'PartialSuccess (68)', 'StoppedByDailyLimit (69)']],
    ['mappings undo', Undo, ['Succeeded (0)', 'Failed (1)', 'PartialSuccess (68)']],
    [
      'replies deliver',
      Deliver,
      ['Succeeded (0)', 'Failed (1)', 'ReceiverUnreachable (2)', 'PartialSuccess (68)', 'StoppedByDailyLimit (69)'],
    ],
  ])('sf social %s lists its codes under ERROR CODES, each with what it means', (_name, command, codes) => {
    expect(command.errorCodes?.header).toBe('ERROR CODES');
    expect(rowsOf(command.errorCodes).map((row) => row.name)).toEqual(codes);
    for (const row of rowsOf(command.errorCodes)) expect(row.description.length).toBeGreaterThan(20);
  });

  it('sf social mappings deploy exits 68 when a row is rejected and the others are written, --json status too', async () => {
    const dir = await writeFixture({
      'mapping.yaml': mappingYaml({
        sources: [
          'sources:',
          '  - name: export',
          '    file: export.csv',
          '    columns: { network: Network, userId: Id, handle: Handle }',
        ].join('\n'),
      }),
      // TikTok is not a channel of the mapping: that row is rejected, the other one is written.
      'export.csv': 'Network,Id,Handle\nx,exit-68-a,first\nTikTok,exit-68-b,second\n',
    });
    process.env.SF_ORG_INSTANCE_URL = org().url;
    try {
      const args = ['--file', join(dir, 'mapping.yaml'), '--target-org', org().accessToken, '--json'];
      const run = await runInProcess(Deploy, [...args, '--results-dir', join(dir, 'results')]);
      expect(run.result?.counts).toMatchObject({ unmatched: 1, rejected: 1, failed: 0 });
      expect(process.exitCode).toBe(68);
      expect(run.json).toMatchObject({ status: 68, result: { counts: { rejected: 1 } } });

      // Nothing rejected: 0.
      const clean = await writeFixture({
        'mapping.yaml': mappingYaml({
          sources: [
            'sources:',
            '  - name: export',
            '    file: export.csv',
            '    columns: { network: Network, userId: Id }',
          ].join('\n'),
        }),
        'export.csv': 'Network,Id\nx,exit-0-a\n',
      });
      const fine = await runInProcess(Deploy, [
        '--file',
        join(clean, 'mapping.yaml'),
        '--target-org',
        org().accessToken,
        '--results-dir',
        join(clean, 'results'),
        '--json',
      ]);
      expect(fine.json).toMatchObject({ status: 0 });
      expect(process.exitCode ?? 0).toBe(0);
    } finally {
      process.exitCode = undefined;
      delete process.env.SF_ORG_INSTANCE_URL;
    }
  });
});
