// Compiles an LWC bundle with Salesforce's platform compiler (@lwc/sfdc-lwc-compiler), the one the
// platform and Local Dev run on deploy: the LWC compiler plus the platform's lint rules (no Aura,
// no interop, allowed `lwc` imports, GraphQL wire callbacks) and the Lightning Web Security
// transforms. Our own lint and jest never see what only the platform refuses.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { compile } from '@lwc/sfdc-lwc-compiler';
import { repoRoot } from '../support/sfCli.js';

export const lwcRoot = join(repoRoot, 'force-app', 'main', 'default', 'lwc');

/** The compiler's diagnostic levels (@lwc/errors DiagnosticLevel): 0 fatal, 1 error, 2 warning, 3 log. */
const LEVELS: Record<number, Problem['level'] | undefined> = { 0: 'fatal', 1: 'error', 2: 'warning' };

export interface Problem {
  level: 'fatal' | 'error' | 'warning';
  /** The file inside the bundle, with line:column when the compiler gives one. */
  where: string;
  message: string;
}

/** The project's API version (sfdx-project.json `sourceApiVersion`), as the deploy would use. */
export function projectApiVersion(): number {
  const project = JSON.parse(readFileSync(join(repoRoot, 'sfdx-project.json'), 'utf8')) as {
    sourceApiVersion: string;
  };
  return Number.parseFloat(project.sourceApiVersion);
}

/**
 * The files a deploy sends the compiler: everything in the bundle folder except jest tests and the
 * -meta.xml (read by the Metadata API, not by the compiler).
 */
export function bundleFiles(bundleDir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== '__tests__') walk(path);
      } else if (!entry.name.endsWith('-meta.xml')) {
        files[relative(bundleDir, path)] = readFileSync(path, 'utf8');
      }
    }
  };
  walk(bundleDir);
  return files;
}

/** Every error and warning the platform compiler reports for the bundle in `bundleDir`. */
export async function compileProblems(bundleDir: string, name: string): Promise<Problem[]> {
  const output = await compile({
    bundle: {
      namespace: 'c',
      name,
      type: 'platform',
      files: bundleFiles(bundleDir),
      options: { enableLightningWebSecurityTransforms: true, apiVersion: projectApiVersion() },
    },
  });
  const problems: Problem[] = [];
  for (const diagnostic of output.diagnostics) {
    const level = LEVELS[diagnostic.level];
    if (level === undefined) continue;
    const location = diagnostic.location ? `:${diagnostic.location.line}:${diagnostic.location.column}` : '';
    problems.push({ level, where: `${diagnostic.filename ?? name}${location}`, message: diagnostic.message });
  }
  if (!output.success && problems.length === 0) {
    problems.push({ level: 'error', where: name, message: 'compilation failed without a diagnostic' });
  }
  return problems;
}
