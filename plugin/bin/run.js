#!/usr/bin/env node
// Runs the plugin's commands without the sf CLI: `node plugin/bin/run.js social mappings validate --file F`.
// Needs the compiled lib/ (`npm run build`). The Node version is checked before oclif and the Salesforce
// libraries are imported (a dynamic import, so an older Node gets a message instead of their stack).
import { exitOnUnsupportedNode } from './nodeVersion.js';

exitOnUnsupportedNode();
const { execute } = await import('@oclif/core');
await execute({ dir: import.meta.url });
