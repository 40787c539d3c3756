// Loaded after the test framework in every LWC suite: accessibility matchers (toBeAccessible).
const { registerSa11yMatcher } = require('@sa11y/jest');

registerSa11yMatcher();
