// The Salesforce libraries the plugin loads need Node 22 ("engines" in plugin/package.json):
// @salesforce/core 9 brings an undici that fails while loading on older Node, with a TypeError stack
// that says nothing about the version. bin/run.js and bin/dev.js check first, before importing any of
// them. Plain JavaScript with no imports, so that it runs on any Node that can start the file.

export const REQUIRED_MAJOR = 22;

/** The message for a Node too old to run the plugin, or undefined when this one will do. */
export function unsupportedNode(version = process.versions.node, executable = process.execPath) {
  const major = Number.parseInt(String(version).split('.')[0] ?? '', 10);
  if (Number.isInteger(major) && major >= REQUIRED_MAJOR) return undefined;
  return [
    `sf social needs Node.js ${REQUIRED_MAJOR} or later, and this is Node.js ${version} (${executable}).`,
    `The Salesforce libraries it loads do not run on older versions.`,
    `- In this repository, \`npm ci\` installs Node ${REQUIRED_MAJOR}: run \`npm exec -- node plugin/bin/run.js …\` (npm scripts use it already).`,
    `- Elsewhere, install Node.js ${REQUIRED_MAJOR} or later and run the command with it.`,
    '',
  ].join('\n');
}

/** Stops the process with the message when this Node is too old. */
export function exitOnUnsupportedNode() {
  const problem = unsupportedNode();
  if (problem === undefined) return;
  process.stderr.write(problem);
  process.exit(1);
}
