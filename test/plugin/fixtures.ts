// Test fixtures: a temporary folder with a mapping file and its sources, written per test.
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** Writes files (path -> content) under a fresh temporary folder and returns its path. */
export async function writeFixture(files: Record<string, string | Buffer>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'social-mapping-'));
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), content);
  }
  return dir;
}

/** A small valid mapping; `extra` is appended as more YAML (sources:, rules: …). */
export function mappingYaml(parts: { rules?: string; sources: string; tail?: string }): string {
  return [
    'version: 1',
    'channels:',
    '  - key: x',
    '    name: X',
    '  - key: instagram',
    '    name: Instagram',
    'phone:',
    '  defaultCountryCode: "+1"',
    parts.rules ?? 'rules: []',
    parts.sources,
    parts.tail ?? '',
  ].join('\n');
}
