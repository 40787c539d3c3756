// Runs the official sf CLI for tests, isolated: its own HOME (auth files, caches, linked plugins),
// the Node 22 from node_modules/.bin, no update checks or telemetry. Asynchronous, because the
// local org usually answers from the test's own process.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const bin = join(repoRoot, 'node_modules', '.bin');

export interface SfRun {
  code: number;
  stdout: string;
  stderr: string;
  /** The parsed `--json` output, when the command was given --json. */
  json?: { status: number; result: unknown; name?: string; message?: string };
}

export interface SfCli {
  home: string;
  run(args: string[], options?: SfRunOptions): Promise<SfRun>;
}

export interface SfRunOptions {
  env?: Record<string, string>;
  cwd?: string;
  /** Written to the command's standard input, which is then closed (answers to prompts). */
  input?: string;
  /** Milliseconds before the command is killed; 110 s unless told. */
  timeout?: number;
}

// How this machine reaches the npm registry (its CA bundle, a proxy): `sf plugins install` runs npm,
// which needs them. Network settings only: nothing here points at the real HOME.
const NETWORK_ENV = [
  'NODE_EXTRA_CA_CERTS',
  'HTTPS_PROXY',
  'HTTP_PROXY',
  'NO_PROXY',
  'https_proxy',
  'http_proxy',
  'no_proxy',
];

function networkEnv(): Record<string, string> {
  return Object.fromEntries(NETWORK_ENV.flatMap((name) => (process.env[name] ? [[name, process.env[name]]] : [])));
}

/** A fresh sf state folder; every run of the returned CLI uses it. */
export function isolatedSf(): SfCli {
  const home = mkdtempSync(join(tmpdir(), 'social-bridge-sf-home-'));
  mkdirSync(join(home, 'work'));
  const run: SfCli['run'] = (args, options = {}) =>
    new Promise((resolve) => {
      const child = execFile(
        join(bin, 'sf'),
        args,
        {
          cwd: options.cwd ?? join(home, 'work'),
          timeout: options.timeout ?? 110_000,
          maxBuffer: 64 * 1024 * 1024,
          env: {
            ...networkEnv(),
            PATH: `${bin}:${process.env.PATH ?? ''}`,
            HOME: home,
            XDG_CACHE_HOME: join(home, '.cache'),
            XDG_CONFIG_HOME: join(home, '.config'),
            SF_DISABLE_AUTOUPDATE: 'true',
            SF_DISABLE_TELEMETRY: 'true',
            SF_SKIP_NEW_VERSION_CHECK: 'true',
            SF_HIDE_RELEASE_NOTES: 'true',
            SF_USE_PROGRESS_BAR: 'false',
            ...options.env,
          },
        },
        (error, stdout, stderr) => {
          const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
          let json: SfRun['json'];
          try {
            json = args.includes('--json') ? (JSON.parse(stdout) as SfRun['json']) : undefined;
          } catch {
            json = undefined;
          }
          resolve({ code, stdout, stderr, json });
        },
      );
      child.stdin?.end(options.input ?? '');
    });
  return { home, run };
}

/** Throws with sf's own output when a command failed, so the test report says why. */
export function expectSuccess(run: SfRun): SfRun {
  if (run.code !== 0) {
    throw new Error(`sf exited ${run.code}:\n${run.stdout}\n${run.stderr}`);
  }
  return run;
}

/** Logs the CLI into an org by access token, as the README shows; returns the alias. */
export async function loginByAccessToken(
  sf: SfCli,
  org: { url: string; accessToken: string },
  alias = 'local',
): Promise<string> {
  expectSuccess(
    await sf.run(
      ['org', 'login', 'access-token', '--instance-url', org.url, '--no-prompt', '--alias', alias, '--json'],
      {
        env: { SF_ACCESS_TOKEN: org.accessToken },
      },
    ),
  );
  return alias;
}
