// Every user-facing string of the LWCs is a Custom Label: each imported label exists in
// CustomLabels.labels-meta.xml, no label is left unused, and templates hold no literal text.
import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { lwcRoot, repoRoot } from './queryDocuments.js';

const labelsFile = join(repoRoot, 'force-app', 'main', 'default', 'labels', 'CustomLabels.labels-meta.xml');
const parsed = new XMLParser({ isArray: (name) => name === 'labels', parseTagValue: false }).parse(
  readFileSync(labelsFile, 'utf8'),
);
const labels = new Map<string, string>(
  (parsed.CustomLabels.labels as { fullName: string; value: string }[]).map((label) => [
    label.fullName,
    String(label.value),
  ]),
);

function sourceFiles(extension: string): string[] {
  const files: string[] = [];
  for (const bundle of readdirSync(lwcRoot)) {
    for (const name of readdirSync(join(lwcRoot, bundle))) {
      if (name.endsWith(extension)) files.push(join(lwcRoot, bundle, name));
    }
  }
  return files.sort();
}

const imported = new Map<string, string[]>();
for (const file of sourceFiles('.js')) {
  for (const match of readFileSync(file, 'utf8').matchAll(/from '@salesforce\/label\/c\.(\w+)'/g)) {
    const name = match[1] ?? '';
    imported.set(name, [...(imported.get(name) ?? []), relative(repoRoot, file)]);
  }
}

describe('Custom Labels', () => {
  it('defines every label a component imports', () => {
    const missing = [...imported.entries()]
      .filter(([name]) => !labels.has(name))
      .map(([name, files]) => `${name} (${files.join(', ')})`);
    expect(missing).toEqual([]);
  });

  it('has no unused labels and no empty ones', () => {
    expect([...labels.keys()].filter((name) => !imported.has(name))).toEqual([]);
    expect([...labels.entries()].filter(([, value]) => !value.trim()).map(([name]) => name)).toEqual([]);
  });

  it('numbers placeholders from {0} without gaps', () => {
    const gaps = [...labels.entries()].filter(([, value]) => {
      const indexes = [...new Set([...value.matchAll(/\{(\d+)\}/g)].map((m) => Number(m[1])))].sort((a, b) => a - b);
      return indexes.some((index, position) => index !== position);
    });
    expect(gaps).toEqual([]);
  });

  it('leaves no literal words in templates', () => {
    const literal = sourceFiles('.html').flatMap((file) => {
      const text = readFileSync(file, 'utf8')
        .replace(/<!--[\s\S]*?-->/g, '')
        .replace(/<[^>]*>/g, ' ')
        .replace(/\{[^}]*\}/g, ' ');
      // Punctuation and arrows between bindings are fine; letters are not.
      return /\p{L}/u.test(text) ? [`${relative(repoRoot, file)}: ${text.replace(/\s+/g, ' ').trim()}`] : [];
    });
    expect(literal).toEqual([]);
  });
});
