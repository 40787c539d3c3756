// Runs one `mappings deploy` or `interactions import` (the built plugin, plugin/lib) against an org URL
// in its own process, so a test or the soak bench can kill it with SIGKILL at any point. Prints the
// command's JSON result on stdout, or the error (name, message, stoppedRun) with exit status 1.
//   node test/faults/child.mjs --command deploy|import --url http://127.0.0.1:N --token 00D…!…
//     --file <mapping.yaml | export.ndjson> [--mapping <mapping.yaml>] --results-dir <dir>
//     [--bulk-threshold N] [--batch-size N] [--retry-base-ms N] [--now ISO]
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { Connection, Logger } from '@salesforce/core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { values: options } = parseArgs({
  options: {
    command: { type: 'string' },
    url: { type: 'string' },
    token: { type: 'string' },
    file: { type: 'string' },
    mapping: { type: 'string' },
    'results-dir': { type: 'string' },
    'bulk-threshold': { type: 'string' },
    'batch-size': { type: 'string' },
    'retry-base-ms': { type: 'string' },
    now: { type: 'string' },
  },
});

// As test/plugin/localOrg.ts: a Connection without auth files, with a logger that stays in memory.
const authInfo = { getUsername: () => 'fault-tests@social-bridge.local' };
const connection = new Connection({
  authInfo,
  connectionOptions: { instanceUrl: options.url, accessToken: options.token, version: '62.0' },
});
connection.logger = new Logger({ name: 'fault-child', useMemoryLogger: true });

const common = {
  connection,
  dryRun: false,
  resultsDir: options['results-dir'],
  ...(options['bulk-threshold'] ? { bulkThreshold: Number(options['bulk-threshold']) } : {}),
  ...(options['retry-base-ms'] ? { retry: { baseMs: Number(options['retry-base-ms']), capMs: 200 } } : {}),
  ...(options.now ? { now: () => new Date(options.now) } : {}),
};

try {
  let result;
  if (options.command === 'deploy') {
    const { deployMapping } = await import(pathToFileURL(join(root, 'plugin/lib/mappings/deploy.js')).href);
    ({ result } = await deployMapping({ ...common, file: options.file }));
  } else {
    const { importInteractions } = await import(pathToFileURL(join(root, 'plugin/lib/interactions/import.js')).href);
    result = await importInteractions({
      ...common,
      file: options.file,
      ...(options.mapping ? { mappingFile: options.mapping } : {}),
      ...(options['batch-size'] ? { batchSize: Number(options['batch-size']) } : {}),
    });
  }
  process.stdout.write(JSON.stringify(result));
} catch (error) {
  process.stdout.write(
    JSON.stringify({ error: { name: error.name, message: error.message, stoppedRun: error.stoppedRun } }),
  );
  process.exitCode = 1;
}
