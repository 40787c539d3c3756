// The local org's command line: `node local-org/lib/main.js [--port N] [--empty] [--data DIR]
// [--latency-ms N] [--fault-rate R]`. Prints SF_INSTANCE_URL and SF_ACCESS_TOKEN when ready.
// Tests and scripts import startLocalOrg from here instead.

import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startLocalOrg } from './localOrg.js';

export { startLocalOrg, type LocalOrg, type LocalOrgOptions } from './localOrg.js';
export type { FaultSettings } from './faults/faults.js';
export type { SeedSummary } from './seed/demoData.js';

const USAGE = 'Usage: npm run local-org -- [--port N] [--empty] [--data DIR] [--latency-ms N] [--fault-rate R]';

function number(name: string, value: string | undefined, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed < 0 || parsed > max) {
    throw new Error(`--${name} ${value} is not a number between 0 and ${max}. ${USAGE}`);
  }
  return parsed;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      empty: { type: 'boolean', default: false },
      data: { type: 'string' },
      'latency-ms': { type: 'string' },
      'fault-rate': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const org = await startLocalOrg({
    port: number('port', values.port, 0, 65535),
    empty: values.empty,
    dataDir: values.data,
    latencyMs: number('latency-ms', values['latency-ms'], 0),
    faultRate: number('fault-rate', values['fault-rate'], 0, 1),
  });
  process.stdout.write(`SF_INSTANCE_URL=${org.url}\nSF_ACCESS_TOKEN=${org.accessToken}\n`);
  // The other users' tokens (docs/local-org.md, "Users and permissions"), e.g. SF_ACCESS_TOKEN_REP.
  for (const user of org.users.filter((candidate) => candidate.accessToken !== org.accessToken)) {
    process.stdout.write(`SF_ACCESS_TOKEN_${user.key.toUpperCase()}=${user.accessToken}\n`);
  }
  const stop = () => {
    void org.stop().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

function invokedDirectly(): boolean {
  try {
    return (
      process.argv[1] !== undefined && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url))
    );
  } catch {
    return false;
  }
}

if (invokedDirectly()) {
  main().catch((error: unknown) => {
    process.stderr.write(`local org: ${(error as Error).message}\n`);
    process.exit(1);
  });
}
