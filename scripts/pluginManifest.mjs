// Writes plugin/oclif.manifest.json from the built plugin (plugin/lib), as part of `npm run build`.
//
// Why: oclif loads a plugin's commands from its manifest when there is one (each command's compiled
// file, `relativePath`, and `isESM`). Without one, it looks for each command through `tsPath`, which for
// an ESM plugin linked with `sf plugins link` cannot auto-transpile TypeScript and warns on every `sf`
// command: "… is a linked ESM module and cannot be auto-transpiled. Existing compiled source will be
// used instead." (oclif/core src/config/ts-path.ts). With the manifest, `sf` loads lib/ directly, which
// is what it did anyway, and prints nothing. The manifest is what `oclif manifest` writes for a release;
// it is generated here from the same lib/ on every build, so it never lags behind the code, and it is
// not committed (.gitignore).
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const pluginRoot = fileURLToPath(new URL('../plugin/', import.meta.url));
// The manifest must name lib/ files: outside production, oclif would map command paths to src/*.ts.
process.env.NODE_ENV = 'production';
const { Plugin } = await import(createRequire(`${pluginRoot}package.json`).resolve('@oclif/core'));

const plugin = new Plugin({
  root: pluginRoot,
  type: 'core',
  isRoot: true,
  ignoreManifest: true,
  errorOnManifestCreate: true,
});
await plugin.load();
const { manifest } = plugin;
for (const [id, command] of Object.entries(manifest.commands)) {
  if (command.relativePath?.[0] !== 'lib')
    throw new Error(`${id}: the manifest would load ${command.relativePath?.join('/')}, not lib/`);
}
writeFileSync(`${pluginRoot}oclif.manifest.json`, `${JSON.stringify(manifest, null, 2)}\n`);
