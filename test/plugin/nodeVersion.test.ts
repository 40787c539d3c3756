// plugin/bin/run.js on a Node older than 22: a message that says which Node is needed and how to get
// it, exit status 1, and no stack from inside the Salesforce libraries (undici fails while loading on
// Node 20 with "Cannot read properties of undefined (reading 'bind')").
import { describe, expect, it } from '@jest/globals';
import { execFile, execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { unsupportedNode } from '../../plugin/bin/nodeVersion.js';

const runJs = fileURLToPath(new URL('../../plugin/bin/run.js', import.meta.url));
const example = fileURLToPath(new URL('../../examples/mapping.yaml', import.meta.url));

function run(node: string, preload: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      node,
      [...preload, runJs, 'social', 'mappings', 'validate', '--file', example],
      { encoding: 'utf8', timeout: 60_000 },
      (error, stdout, stderr) =>
        resolve({ code: error ? ((error as { code?: number }).code ?? null) : 0, stdout, stderr }),
    );
  });
}

/** This Node, told it is 20.11.1 before run.js starts; and the machine's own Node when it is older than 22. */
const oldNodes: Array<[string, string, string[]]> = [
  [
    'this Node reporting 20.11.1',
    process.execPath,
    ['--import', `data:text/javascript,Object.defineProperty(process.versions,'node',{value:'20.11.1'})`],
  ],
];
const systemNode = '/usr/bin/node';
if (
  existsSync(systemNode) &&
  unsupportedNode(execFileSync(systemNode, ['--version'], { encoding: 'utf8' }).trim().slice(1))
)
  oldNodes.push(['the system Node', systemNode, []]);

describe('plugin/bin/run.js on an older Node', () => {
  it.each(oldNodes)('%s gets the message and exit status 1, not a stack', async (_name, node, preload) => {
    const result = await run(node, preload);
    if (
      node === systemNode &&
      unsupportedNode(result.stderr.match(/this is Node.js (\S+)/)?.[1] ?? '22') === undefined
    ) {
      // The machine's Node is new enough: then it must simply work.
      expect(result.code).toBe(0);
      return;
    }
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^sf social needs Node.js 22 or later, and this is Node.js 20\./);
    expect(result.stderr).toContain('npm exec -- node plugin/bin/run.js');
    expect(result.stderr).not.toMatch(/TypeError|\n\s+at /);
    expect(result.stdout).toBe('');
  });

  it('runs on this Node', async () => {
    const result = await run(process.execPath, []);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain('is valid');
  });

  it.each([
    ['20.20.2', true],
    ['21.7.0', true],
    ['22.0.0', false],
    ['24.1.0', false],
  ])('Node %s is too old: %s', (version, tooOld) => {
    expect(unsupportedNode(version, '/usr/bin/node') !== undefined).toBe(tooOld);
  });
});
