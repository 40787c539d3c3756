// The plugin's public surface: every command oclif discovers in the built plugin, with its flags
// and their short characters, compared with the committed plugin/command-snapshot.json, so a new,
// renamed or removed command or flag is a deliberate change (as @oclif/plugin-command-snapshot
// does for salesforcecli plugins). Regenerate with `npx node test/support/listCommands.mjs
// --write-snapshot && npx prettier --write plugin/command-snapshot.json` after `npm run build`.
import { describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

interface DiscoveredCommand {
  command: string;
  flags: string[];
  flagChars: string[];
  summary: string;
  examples: number;
}

function discoverCommands(): DiscoveredCommand[] {
  const script = fileURLToPath(new URL('../support/listCommands.mjs', import.meta.url));
  return JSON.parse(execFileSync(process.execPath, [script], { encoding: 'utf8' })) as DiscoveredCommand[];
}

describe('command snapshot', () => {
  const discovered = discoverCommands();

  it('matches plugin/command-snapshot.json for every command the plugin has', async () => {
    const snapshot = JSON.parse(
      await readFile(new URL('../../plugin/command-snapshot.json', import.meta.url), 'utf8'),
    ) as unknown[];
    expect(discovered.map((command) => command.command)).toEqual(
      expect.arrayContaining([
        'social:identities:list',
        'social:interactions:import',
        'social:mappings:deploy',
        'social:mappings:undo',
        'social:mappings:validate',
        'social:replies:deliver',
      ]),
    );
    expect(discovered.map(({ command, flags, flagChars }) => ({ command, flags, flagChars }))).toEqual(snapshot);
  });

  it('has a summary and examples for every command', () => {
    for (const command of discovered) {
      expect({ command: command.command, summary: /\w/.test(command.summary) }).toEqual({
        command: command.command,
        summary: true,
      });
      expect({ command: command.command, hasExamples: command.examples > 0 }).toEqual({
        command: command.command,
        hasExamples: true,
      });
    }
  });
});
