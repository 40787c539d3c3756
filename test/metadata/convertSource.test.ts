// The official sf CLI accepts force-app: `sf project convert source` is the first step of every
// deploy, so it runs here exactly as an admin would run it (isolated HOME, no update checks).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';

const root = process.cwd();

describe('sf project convert source', () => {
  it('converts force-app to Metadata API format', () => {
    const work = mkdtempSync(join(tmpdir(), 'social-bridge-convert-'));
    const outputDir = join(work, 'mdapi');
    const result = spawnSync(
      join(root, 'node_modules/.bin/sf'),
      ['project', 'convert', 'source', '--root-dir', 'force-app', '--output-dir', outputDir, '--json'],
      {
        cwd: root,
        encoding: 'utf8',
        env: {
          ...process.env,
          HOME: work,
          PATH: `${join(root, 'node_modules/.bin')}:${process.env.PATH}`,
          SF_DISABLE_AUTOUPDATE: 'true',
          SF_DISABLE_TELEMETRY: 'true',
          SF_SKIP_NEW_VERSION_CHECK: 'true',
        },
      },
    );
    expect({ status: result.status, stderr: result.status === 0 ? '' : result.stderr }).toEqual({
      status: 0,
      stderr: '',
    });
    expect(existsSync(join(outputDir, 'package.xml'))).toBe(true);
    // Lead.object carries only the custom field force-app adds to Lead (Social_Bridge_Key__c).
    expect(readdirSync(join(outputDir, 'objects')).sort()).toEqual([
      'Lead.object',
      'Social_Channel__c.object',
      'Social_Identity__c.object',
      'Social_Interaction__c.object',
      'Social_Rep_Preference__c.object',
    ]);
  });
});
