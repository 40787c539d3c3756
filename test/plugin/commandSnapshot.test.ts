// The plugin's public surface: command ids, flags and their short characters, compared with the
// committed plugin/command-snapshot.json, so a renamed or removed flag is a deliberate change.
import { describe, expect, it } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import type { Command } from '@oclif/core';
import Deploy from '../../plugin/src/commands/social/mappings/deploy.js';
import Validate from '../../plugin/src/commands/social/mappings/validate.js';
import List from '../../plugin/src/commands/social/identities/list.js';

interface SnapshotEntry {
  command: string;
  flags: string[];
  flagChars: string[];
}

function describeCommand(id: string, command: Command.Class): SnapshotEntry {
  const flags = Object.entries({ ...command.baseFlags, ...command.flags });
  // oclif adds --json at parse time when the command enables it (every SfCommand does).
  const json = command.enableJsonFlag ? ['json'] : [];
  return {
    command: id,
    flags: [...flags.map(([name]) => name), ...json].sort(),
    flagChars: flags.flatMap(([, flag]) => (flag.char ? [flag.char] : [])).sort(),
  };
}

describe('command snapshot', () => {
  it('matches plugin/command-snapshot.json', async () => {
    const snapshot = JSON.parse(
      await readFile(new URL('../../plugin/command-snapshot.json', import.meta.url), 'utf8'),
    ) as SnapshotEntry[];
    const actual = [
      describeCommand('social:identities:list', List as unknown as Command.Class),
      describeCommand('social:mappings:deploy', Deploy as unknown as Command.Class),
      describeCommand('social:mappings:validate', Validate as unknown as Command.Class),
    ];
    expect(actual).toEqual(snapshot);
  });

  it('has a summary and examples for every command', () => {
    for (const command of [Deploy, Validate, List]) {
      expect(command.summary).toMatch(/\w/);
      expect(command.examples?.length).toBeGreaterThan(0);
    }
  });
});
