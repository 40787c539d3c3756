// `npm start`: brings the whole product up on this machine. Starts the local org with demo data,
// logs an isolated sf CLI into it (state under .sf-home, never your ~/.sf), links the plugin,
// deploys the example mapping with the real `sf social mappings deploy`, serves the preview record
// page, starts the example webhook receiver with `sf social replies deliver --watch` sending it the
// replies queued in the preview, and prints what happened and the URL to open. `--once` checks the page
// answers, delivers the queued replies once, and exits.
import { execFile, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startLocalOrg } from '../local-org/lib/main.js';
import { startPreviewServer } from '../preview/server.mjs';
import { startReceiver } from '../examples/webhook-receiver.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values: options } = parseArgs({
  options: {
    once: { type: 'boolean', default: false },
    port: { type: 'string', default: '6101' },
    'org-port': { type: 'string', default: '0' },
  },
});

const ALIAS = 'social-bridge-local';
const sfHome = join(root, '.sf-home');
mkdirSync(sfHome, { recursive: true });
const sfEnv = {
  ...process.env,
  HOME: sfHome,
  PATH: `${join(root, 'node_modules/.bin')}:${process.env.PATH}`,
  SF_DISABLE_AUTOUPDATE: 'true',
  SF_DISABLE_TELEMETRY: 'true',
  SF_SKIP_NEW_VERSION_CHECK: 'true',
  SF_HIDE_RELEASE_NOTES: 'true',
  SF_USE_PROGRESS_BAR: 'false',
  XDG_CACHE_HOME: join(sfHome, '.cache'),
  XDG_CONFIG_HOME: join(sfHome, '.config'),
};

// Asynchronous on purpose: the local org answers from this same process, so a blocking spawn
// would leave sf waiting on a server that cannot run.
function sf(args, extraEnv = {}) {
  return new Promise((resolve) => {
    execFile(
      join(root, 'node_modules/.bin/sf'),
      args,
      { cwd: root, env: { ...sfEnv, ...extraEnv }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => resolve({ ok: !error, status: error?.code ?? 0, stdout, stderr }),
    );
  });
}

function step(title, result) {
  const mark = result.ok ? 'ok  ' : 'FAIL';
  console.log(`${mark} ${title}`);
  if (!result.ok) {
    console.log((result.stderr || result.stdout || '').trim().replace(/^/gm, '     '));
  }
  return result.ok;
}

function jsonResult(result) {
  try {
    return JSON.parse(result.stdout).result;
  } catch {
    return undefined;
  }
}

const org = await startLocalOrg({ port: Number(options['org-port']) });
console.log(`ok   local org on ${org.url} (demo data: ${org.store.list('Social_Interaction__c').length} interactions)`);

let healthy = step(
  `sf CLI logged into the local org as "${ALIAS}" (state in .sf-home)`,
  await sf(
    ['org', 'login', 'access-token', '--instance-url', org.url, '--no-prompt', '--alias', ALIAS, '--set-default'],
    {
      SF_ACCESS_TOKEN: org.accessToken,
    },
  ),
);
healthy = step('sf plugins link ./plugin', await sf(['plugins', 'link', './plugin', '--no-install'])) && healthy;

const mapping = join(root, 'examples/mapping.yaml');
if (existsSync(mapping)) {
  const deploy = await sf([
    'social',
    'mappings',
    'deploy',
    '--file',
    mapping,
    '--target-org',
    ALIAS,
    '--results-dir',
    join(sfHome, 'results/mappings'),
    '--json',
  ]);
  healthy = step('sf social mappings deploy --file examples/mapping.yaml', deploy) && healthy;
  const counts = jsonResult(deploy)?.counts;
  if (counts) {
    console.log(
      `     ${Object.entries(counts)
        .map(([outcome, count]) => `${outcome}: ${count}`)
        .join(', ')}`,
    );
  }
}

const exportFile = join(root, 'examples/interactions.ndjson');
if (existsSync(exportFile) && (await sf(['social', 'interactions', 'import', '--help'])).ok) {
  const imported = await sf([
    'social',
    'interactions',
    'import',
    '--file',
    exportFile,
    '--target-org',
    ALIAS,
    '--results-dir',
    join(sfHome, 'results/interactions'),
    '--json',
  ]);
  healthy = step('sf social interactions import --file examples/interactions.ndjson', imported) && healthy;
  const importCounts = jsonResult(imported)?.counts;
  if (importCounts) {
    console.log(
      `     ${Object.entries(importCounts)
        .map(([outcome, count]) => `${outcome}: ${count}`)
        .join(', ')}`,
    );
  }
}

const preview = await startPreviewServer({ org, userId: org.ctx.userId, port: Number(options.port) });
console.log(`ok   preview on ${preview.url}`);

// The outbox: replies queued in the preview go to the example receiver (docs/delivery.md).
const webhookSecret = process.env.SOCIAL_BRIDGE_WEBHOOK_SECRET ?? `dev-${randomUUID()}`;
const receiver = await startReceiver({ secret: webhookSecret });
console.log(`ok   example webhook receiver on ${receiver.url} (examples/webhook-receiver.mjs)`);
const deliverArgs = ['social', 'replies', 'deliver', '--target-org', ALIAS, '--webhook-url', receiver.url];
const delivered = await sf([...deliverArgs, '--json'], { SOCIAL_BRIDGE_WEBHOOK_SECRET: webhookSecret });
healthy = step("sf social replies deliver (the demo data's queued replies)", delivered) && healthy;
const deliveredCounts = jsonResult(delivered)?.counts;
if (deliveredCounts) {
  console.log(
    `     sent: ${deliveredCounts.sent}, failed: ${deliveredCounts.failed}, queued: ${deliveredCounts.queued}`,
  );
}

if (options.once) {
  const page = await fetch(preview.url);
  const api = await fetch(new URL('services/data/v62.0/graphql', preview.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ uiapi { query { Contact(first: 1) { totalCount } } } }' }),
  });
  const apiBody = await api.json();
  healthy = step('preview page answers', { ok: page.ok, stdout: await page.text() }) && healthy;
  healthy =
    step('preview reaches the local org GraphQL', {
      ok: api.ok && !apiBody.errors?.length,
      stdout: JSON.stringify(apiBody),
    }) && healthy;
  await preview.stop();
  await receiver.close();
  await org.stop();
  process.exit(healthy ? 0 : 1);
}

// Replies a rep queues in the preview are delivered within 5 seconds, and the timeline shows them sent.
const deliverer = spawn(join(root, 'node_modules/.bin/sf'), [...deliverArgs, '--watch', '--interval', '5'], {
  cwd: root,
  env: { ...sfEnv, SOCIAL_BRIDGE_WEBHOOK_SECRET: webhookSecret },
  stdio: ['ignore', 'pipe', 'pipe'],
});
for (const stream of [deliverer.stdout, deliverer.stderr]) {
  stream.on('data', (chunk) => {
    const lines = String(chunk).trim();
    if (lines !== '') console.log(lines.replace(/^/gm, '     deliver: '));
  });
}

console.log(`\nOpen ${preview.url} to see a record page with the Social Bridge components.`);
console.log(
  `The sf CLI is logged in: HOME=${sfHome} npx sf data query --target-org ${ALIAS} --query "SELECT Name FROM Contact"`,
);
console.log('Stop with Ctrl-C.');
const shutdown = async () => {
  deliverer.kill('SIGTERM');
  await preview.stop();
  await receiver.close();
  await org.stop();
  process.exit(0);
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
