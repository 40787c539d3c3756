// Loaded after the test framework in every node test file (jest.config.js setupFilesAfterEnv).
// sf commands run in-process set process.exitCode = 1 when they fail, as a CLI must; under jest
// that would become the test runner's own exit code although every test passed. A command's
// failure is judged by the test's assertions on its result instead.
import { afterEach } from '@jest/globals';

afterEach(() => {
  process.exitCode = undefined;
});
