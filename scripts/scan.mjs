// `npm run scan`: Salesforce Code Analyzer with the AppExchange security-review rules over what we
// ship (force-app and the sf plugin's source). Writes the full report to .scan/ and exits 1 when any
// finding is Critical (1) or High (2), so CI stops on them.
//
// The engines live in scripts/code-analyzer/ with their own lockfile, installed here on first use:
// they bring a second ESLint and PMD's jars (~250 MB) that the rest of the repo must not resolve.
// `sf plugins install @salesforce/plugin-code-analyzer@5.16.0` cannot be used: it depends on two
// engines (apexguru, uibundle) the npm registry we reach does not serve. The driver below does what
// that plugin's `run` command does, with the same core, engines and code-analyzer.yml.
//
//   npm run scan                       force-app and plugin/src
//   npm run scan -- force-app/main/default/lwc/socialThread   other paths (files or folders)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const toolDir = join(root, 'scripts', 'code-analyzer');
const reportDir = join(root, '.scan');
const configFile = join(root, 'code-analyzer.yml');

// The AppExchange security review asks for `--rule-selector AppExchange --rule-selector
// Recommended:Security`; the whole "Security" tag is a superset of the latter (it adds a few React
// rules), so nothing the review runs is left out.
const ruleSelectors = ['AppExchange', 'Security'];
const defaultPaths = ['force-app', 'plugin/src'];
const engines = ['eslint', 'pmd', 'regex', 'retirejs'];
const severityNames = { 1: 'Critical', 2: 'High', 3: 'Moderate', 4: 'Low', 5: 'Info' };
const failAtOrAbove = 2; // severity numbers 1..2 fail the scan
const shownBelowThreshold = 10;

installEngines();
const requireTool = createRequire(join(toolDir, 'package.json'));
const core = requireTool('@salesforce/code-analyzer-core');

const started = Date.now();
// A fresh .scan/ per run. Engines' temporary folders (kept when an engine logs an error) go to
// .scan/work rather than the system temp folder: core takes its default from os.tmpdir().
rmSync(reportDir, { recursive: true, force: true });
mkdirSync(join(reportDir, 'work'), { recursive: true });
process.env.TMPDIR = join(reportDir, 'work');
const logLines = [];
const analyzer = new core.CodeAnalyzer(core.CodeAnalyzerConfig.fromFile(configFile));
// Everything down to the config's log_level goes to .scan/code-analyzer.log; the summary repeats the
// first line of each warning and error (e.g. a file an engine could not parse) and how many findings
// suppression markers hid.
const problems = [];
const onLog = (event) => {
  const line = `${core.LogLevel[event.logLevel]} [${event.engineName ?? 'core'}] ${event.message}`;
  logLines.push(line);
  const suppressed = !event.engineName && /suppressed by/.test(event.message);
  if (event.logLevel <= core.LogLevel.Warn || suppressed) problems.push(line.split('\n')[0]);
};
analyzer.onEvent(core.EventType.LogEvent, onLog);
analyzer.onEvent(core.EventType.EngineLogEvent, onLog);
for (const engine of engines) {
  await analyzer.addEnginePlugin(requireTool(`@salesforce/code-analyzer-${engine}-engine`).createEnginePlugin());
}

const paths = process.argv.length > 2 ? process.argv.slice(2) : defaultPaths;
for (const path of paths) {
  if (!existsSync(join(root, path))) fail(`${path} does not exist (paths are relative to the repo root).`);
}
const workspace = await analyzer.createWorkspace(paths.map((path) => join(root, path)));
const selection = await analyzer.selectRules(ruleSelectors, { workspace });
const results = await analyzer.run(selection, { workspace });
writeFileSync(join(reportDir, 'code-analyzer.log'), logLines.join('\n') + '\n');

const reports = { json: 'JSON', html: 'HTML', sarif: 'SARIF' };
for (const [extension, format] of Object.entries(reports)) {
  writeFileSync(join(reportDir, `code-analyzer.${extension}`), results.toFormattedOutput(core.OutputFormat[format]));
}

// Summary: what ran, how much was found, then the findings that fail the scan and a few others.
const ruleCounts = selection.getEngineNames().map((engine) => `${engine} ${selection.getRulesFor(engine).length}`);
console.log(`Code Analyzer ${results.getCoreVersion()}: ${selection.getCount()} rules (${ruleCounts.join(', ')}),`);
console.log(
  `  selectors ${ruleSelectors.join(' + ')} over ${paths.join(', ')} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
);
const counts = Object.entries(severityNames).map(
  ([level, name]) => `${name} ${results.getViolationCountOfSeverity(Number(level))}`,
);
console.log(`  findings: ${counts.join(', ')}`);

const violations = results
  .getViolations()
  .map((violation) => ({ violation, severity: violation.getRule().getSeverityLevel() }))
  .sort((a, b) => a.severity - b.severity);
const failing = violations.filter(({ severity }) => severity <= failAtOrAbove);
const others = violations.filter(({ severity }) => severity > failAtOrAbove);
for (const { violation, severity } of [...failing, ...others.slice(0, shownBelowThreshold)]) {
  console.log(`  ${severityNames[severity]}: ${where(violation)} ${describe(violation)}`);
}
if (others.length > shownBelowThreshold) console.log(`  … ${others.length - shownBelowThreshold} more below High`);
// Messages only: a file one engine could not parse (PMD's JavaScript parser lacks some ES2019+
// syntax) is still read by the others, and an engine that fails outright is a Critical finding.
if (problems.length > 0) console.log('  engine messages (full text in .scan/code-analyzer.log):');
for (const problem of problems) console.log(`    ${problem.replaceAll(`${root}/`, '')}`);
console.log(`  report: ${relative(root, join(reportDir, 'code-analyzer.html'))} (also .json, .sarif, .log)`);

if (failing.length > 0) {
  // Core reports an engine that could not start or crashed as a Critical finding without a file.
  const engineErrors = failing.filter(({ violation }) => /EngineError$/.test(violation.getRule().getName()));
  console.error(`Scan failed: ${failing.length} Critical/High finding(s).`);
  if (engineErrors.length > 0) {
    console.error('An engine did not run: see .scan/code-analyzer.log (PMD needs `java` 11+ on the PATH).');
  }
  if (failing.length > engineErrors.length) {
    console.error('Fix the code; suppress only a false positive, between code-analyzer-suppress and');
    console.error('code-analyzer-unsuppress markers with the reason (README, "Security scan").');
  }
  process.exit(1);
}

function where(violation) {
  const location = violation.getPrimaryLocation();
  const file = location.getFile();
  if (!file) return '(no file)';
  const line = location.getStartLine();
  return `${relative(root, file)}${line ? `:${line}` : ''}`;
}

function describe(violation) {
  const rule = violation.getRule();
  const message = violation.getMessage().trim().replace(/\s+/g, ' ');
  return `${rule.getEngineName()}/${rule.getName()}: ${message.length > 240 ? `${message.slice(0, 240)}…` : message}`;
}

// npm ci into scripts/code-analyzer/ when a pinned engine is missing or at another version.
function installEngines() {
  const wanted = JSON.parse(readFileSync(join(toolDir, 'package.json'), 'utf8')).dependencies;
  const stale = Object.entries(wanted).filter(([name, version]) => {
    const manifest = join(toolDir, 'node_modules', name, 'package.json');
    return !existsSync(manifest) || JSON.parse(readFileSync(manifest, 'utf8')).version !== version;
  });
  if (stale.length === 0) return;
  console.log(`Installing Code Analyzer engines into ${relative(root, toolDir)}/ (once) …`);
  const npm = spawnSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: toolDir,
    stdio: 'inherit',
  });
  if (npm.status !== 0) fail(`npm ci in ${relative(root, toolDir)} failed (exit ${npm.status ?? npm.signal}).`);
}

function fail(message) {
  console.error(`Scan failed: ${message}`);
  process.exit(2);
}
