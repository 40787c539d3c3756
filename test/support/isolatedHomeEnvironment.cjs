// The node test project's environment: jest's node environment, with a home folder of its own for
// every test file. @salesforce/core finds its state (~/.sf, ~/.sfdx: aliases, auth files, keys,
// logs) through os.homedir(), which reads HOME from the worker's real environment, not from the
// copy of process.env a test sees; so HOME is set here, in the worker itself, before jest copies
// the environment for the file. Files never share sf state, whatever order or worker runs them,
// and nothing reaches the real home of whoever runs the tests. Child processes a test starts
// inherit the same folder.
const { mkdtempSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { TestEnvironment } = require('jest-environment-node');

/** The variables that decide where sf, npm caches and XDG-aware tools keep state. */
function homeVariables(home) {
  return {
    HOME: home,
    XDG_CACHE_HOME: join(home, '.cache'),
    XDG_CONFIG_HOME: join(home, '.config'),
    XDG_DATA_HOME: join(home, '.local', 'share'),
    XDG_STATE_HOME: join(home, '.local', 'state'),
  };
}

class IsolatedHomeEnvironment extends TestEnvironment {
  constructor(config, context) {
    const root = process.env.SOCIAL_BRIDGE_TEST_HOMES ?? tmpdir();
    const home = mkdtempSync(join(root, 'file-home-'));
    const previous = Object.fromEntries(Object.keys(homeVariables(home)).map((name) => [name, process.env[name]]));
    Object.assign(process.env, homeVariables(home));
    super(config, context);
    this.home = home;
    this.previous = previous;
  }

  async teardown() {
    await super.teardown();
    for (const [name, value] of Object.entries(this.previous)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    rmSync(this.home, { recursive: true, force: true, maxRetries: 3 });
  }
}

module.exports = IsolatedHomeEnvironment;
