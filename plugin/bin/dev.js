#!/usr/bin/env node
// Development entry point: like run.js, with oclif's development mode (stack traces, no manifest cache).
// There is no ts-node in this repo, so it also runs the compiled lib/: rebuild with `npm run build` first.
import { exitOnUnsupportedNode } from './nodeVersion.js';

exitOnUnsupportedNode();
const { execute } = await import('@oclif/core');
await execute({ development: true, dir: import.meta.url });
