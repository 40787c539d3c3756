// Loads an LWC module that imports nothing (pure logic such as socialTimelineFilter) into a node
// test, so the test runs the components' own code, not a copy of it. jest's node project reads
// .js as CommonJS, so the module's `export` keywords are dropped and its exports collected.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { lwcRoot } from './queryDocuments.js';

export function loadLwcModule<T>(bundle: string): T {
  const path = join(lwcRoot, bundle, `${bundle}.js`);
  const source = readFileSync(path, 'utf8');
  if (/^\s*import\s/m.test(source)) {
    throw new Error(`${path} imports other modules; only import-free LWC modules load in node tests.`);
  }
  const names = [...source.matchAll(/^export\s+(?:const|function|class)\s+(\w+)/gm)].map((match) => match[1]);
  return runInNewContext(`${source.replace(/^export\s+/gm, '')}\n;({ ${names.join(', ')} });`, {}) as T;
}
