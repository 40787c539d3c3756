// Prints, as JSON, every command oclif finds in the built plugin (plugin/lib), the way `sf` loads
// it: its id, flags (with the --json flag oclif adds at parse time), flag characters, summary and
// example count. A child process, because oclif discovers commands by dynamic import, which jest's
// vm cannot link.
//
// `npx node test/support/listCommands.mjs --write-snapshot` (after `npm run build`) rewrites
// plugin/command-snapshot.json from the built plugin: do it when a flag or command changes on purpose.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const pluginRoot = fileURLToPath(new URL('../../plugin/', import.meta.url));
const { Config } = await import(createRequire(`${pluginRoot}package.json`).resolve('@oclif/core'));

// devPlugins off: @oclif/plugin-command-snapshot (schema generate/compare) is a development tool
// of this checkout, not part of the plugin sf installs.
const config = await Config.load({ root: pluginRoot, devPlugins: false });
const commands = [];
for (const command of config.commands) {
  const loaded = await command.load();
  const flags = Object.entries({ ...loaded.baseFlags, ...loaded.flags });
  commands.push({
    command: command.id,
    flags: [...flags.map(([name]) => name), ...(loaded.enableJsonFlag ? ['json'] : [])].sort(),
    flagChars: flags.flatMap(([, flag]) => (flag.char ? [flag.char] : [])).sort(),
    summary: loaded.summary ?? '',
    examples: (loaded.examples ?? []).length,
  });
}
commands.sort((a, b) => a.command.localeCompare(b.command));
if (process.argv.includes('--write-snapshot')) {
  const snapshot = commands.map(({ command, flags, flagChars }) => ({ command, flags, flagChars }));
  writeFileSync(new URL('command-snapshot.json', `file://${pluginRoot}`), `${JSON.stringify(snapshot, null, 2)}\n`);
} else {
  process.stdout.write(JSON.stringify(commands));
}
