// Runs one `sf social replies deliver` run (the built plugin, plugin/lib) in its own process, so a test
// can kill it with SIGKILL half-way. Prints the run's JSON result; the secret comes from the environment.
//   SOCIAL_BRIDGE_WEBHOOK_SECRET=... node test/replies/deliverChild.mjs --url http://127.0.0.1:N
//     --token 00D…!… --webhook-url http://127.0.0.1:M/… [--lease-seconds N] [--concurrency N]
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { Connection, Logger } from '@salesforce/core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { values: options } = parseArgs({
  options: {
    url: { type: 'string' },
    token: { type: 'string' },
    'webhook-url': { type: 'string' },
    'lease-seconds': { type: 'string' },
    concurrency: { type: 'string' },
    'batch-size': { type: 'string' },
  },
});

// As test/plugin/localOrg.ts: a Connection without auth files, with a logger that stays in memory.
const connection = new Connection({
  authInfo: { getUsername: () => 'outbox-tests@social-bridge.local' },
  connectionOptions: { instanceUrl: options.url, accessToken: options.token, version: '62.0' },
});
connection.logger = new Logger({ name: 'outbox-child', useMemoryLogger: true });

const lib = (path) => import(pathToFileURL(join(root, 'plugin/lib/replies', path)).href);
const { deliverReplies } = await lib('deliver.js');
const { WebhookTransport } = await lib('webhookTransport.js');

const result = await deliverReplies({
  connection,
  transport: new WebhookTransport({
    url: new URL(options['webhook-url']),
    secret: process.env.SOCIAL_BRIDGE_WEBHOOK_SECRET,
  }),
  dryRun: false,
  ...(options['lease-seconds'] ? { leaseSeconds: Number(options['lease-seconds']) } : {}),
  ...(options.concurrency ? { concurrency: Number(options.concurrency) } : {}),
  ...(options['batch-size'] ? { batchSize: Number(options['batch-size']) } : {}),
});
process.stdout.write(JSON.stringify(result));
