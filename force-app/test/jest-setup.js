// Loaded after the test framework in every LWC suite: accessibility matchers (toBeAccessible),
// and the real Custom Label values. sfdx-lwc-jest would otherwise hand components the label's
// name ("c.Social_Sla_DueIn"), so tests could never see a placeholder filled in or a wrong label.
const { readFileSync } = require('fs');
const { join } = require('path');
const { XMLParser } = require('fast-xml-parser');
const { registerSa11yMatcher } = require('@sa11y/jest');

registerSa11yMatcher();

const labelsFile = join(__dirname, '..', 'main', 'default', 'labels', 'CustomLabels.labels-meta.xml');
const parsed = new XMLParser({ isArray: (name) => name === 'labels', parseTagValue: false }).parse(
    readFileSync(labelsFile, 'utf8')
);
(parsed.CustomLabels.labels || []).forEach((label) => {
    const mockValue = String(label.value);
    // doMock (not mock): not hoisted, so it can close over the label read from the file.
    jest.doMock(`@salesforce/label/c.${label.fullName}`, () => ({ default: mockValue }), { virtual: true });
});
