// Item 4 of #16: every element in force-app's metadata XML (objects, fields, list views, compact
// layouts, permission sets, layouts, tabs, the app, labels, LWC bundles) is an element the
// Metadata API defines for that type, with a value it allows. The definition is Salesforce's own:
// the npm package @salesforce/types (lib/metadata.d.ts, generated from the Metadata API WSDL).
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { XMLParser } from 'fast-xml-parser';
import { checkDeployLimits, MAX_TRACKED_FIELDS } from './deployLimits.js';
import { readForceApp } from './metadata.js';
import { checkElement, metadataTypes } from './metadataTypes.js';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const sourceRoot = join(repoRoot, 'force-app', 'main', 'default');
// Text stays text (no number parsing), so "0" and "true" are checked as written.
const parser = new XMLParser({ ignoreAttributes: true, parseTagValue: false, trimValues: true });

function metadataFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return metadataFiles(path);
    return entry.name.endsWith('-meta.xml') ? [path] : [];
  });
}

/** The problems of one XML text whose root element names its Metadata API type. */
function problemsOf(file: string, xml: string) {
  const parsed = parser.parse(xml) as Record<string, unknown>;
  const [root, body] = Object.entries(parsed).find(([name]) => name !== '?xml') ?? [];
  if (!root) return [{ file, path: '', problem: 'no root element' }];
  return checkElement(metadataTypes(), file, root, root, body ?? {});
}

const files = metadataFiles(sourceRoot).sort();

describe('force-app metadata against the Metadata API types (@salesforce/types)', () => {
  it('reads the types and finds the files', () => {
    expect(metadataTypes().complex.get('CustomField')?.get('type')?.type).toBe('FieldType');
    expect(files.length).toBeGreaterThan(100);
  });

  it.each(files.map((file) => [relative(repoRoot, file)]))('%s', (file) => {
    expect(problemsOf(file, readFileSync(join(repoRoot, file), 'utf8'))).toEqual([]);
  });

  it('finds an element its type does not define, and a value outside an enumeration (deliberate mistakes)', () => {
    const field = readFileSync(
      join(sourceRoot, 'objects', 'Social_Interaction__c', 'fields', 'Body__c.field-meta.xml'),
      'utf8',
    );
    const unknown = field.replace('<label>', '<labell>Body</labell>\n    <label>');
    expect(problemsOf('Body__c', unknown).map((entry) => entry.problem)).toEqual([
      'CustomField has no element <labell>',
    ]);
    const badType = field.replace('<type>LongTextArea</type>', '<type>LongText</type>');
    expect(problemsOf('Body__c', badType).map((entry) => entry.problem)).toEqual([
      expect.stringContaining('"LongText" is not a FieldType value'),
    ]);
    const badBoolean = field.replace('<required>false</required>', '<required>no</required>');
    expect(problemsOf('Body__c', badBoolean).map((entry) => entry.problem)).toEqual(['"no" is not a valid boolean']);
  });
});

describe('deploy limits', () => {
  it('holds for force-app: at most 20 history-tracked fields per object, API names of at most 40 characters', async () => {
    expect(checkDeployLimits(await readForceApp(join(repoRoot, 'force-app')))).toEqual([]);
  });

  it('names an object tracking history on too many fields, and a name too long (deliberate mistakes)', async () => {
    const metadata = await readForceApp(join(repoRoot, 'force-app'));
    const identity = metadata.objects.get('Social_Identity__c')!;
    const fields = new Map(identity.fields);
    for (let index = 0; index <= MAX_TRACKED_FIELDS; index++) {
      const name = `Tracked_${index}__c`;
      fields.set(name, { ...identity.fields.values().next().value!, name, trackHistory: true });
    }
    fields.set('A_Field_Name_Much_Longer_Than_Forty_Chars__c', {
      ...identity.fields.values().next().value!,
      name: 'A_Field_Name_Much_Longer_Than_Forty_Chars__c',
      trackHistory: false,
    });
    const broken = { ...metadata, objects: new Map([['Social_Identity__c', { ...identity, fields }]]) };
    expect(checkDeployLimits(broken)).toEqual([
      expect.stringMatching(/^object Social_Identity__c tracks history on \d+ fields; a deploy allows 20/),
      'field Social_Identity__c.A_Field_Name_Much_Longer_Than_Forty_Chars__c: the name has 41 characters before __c; the limit is 40',
    ]);
  });
});
