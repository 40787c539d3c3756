#!/usr/bin/env node
// Runs the plugin's commands without the sf CLI: `node plugin/bin/run.js social mappings validate --file F`.
// Needs the compiled lib/ (`npx tsc -p plugin`).
import { execute } from '@oclif/core';

await execute({ dir: import.meta.url });
