// The Metadata API's types as Salesforce publishes them, read from the npm package
// @salesforce/types (lib/metadata.d.ts: TypeScript generated from the Metadata API WSDL, one type
// alias per complex type, string-literal unions for its enumerations). Used to check that every
// element in force-app's XML is one the Metadata API defines for its type, with a valid value.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

export interface ElementDefinition {
  /** The element's type: a primitive (string, boolean, number), an enumeration or a complex type. */
  type: string;
  array: boolean;
  required: boolean;
}

export interface MetadataTypes {
  complex: Map<string, Map<string, ElementDefinition>>;
  enums: Map<string, Set<string>>;
}

const TYPE_START = /^export type (\w+) = (?:(\w+) & )?\{$/;
const FIELD = /^ {4}(\w+)(\??): (\w+)(\[\])?;$/;
const ENUM = /^export type (\w+) = ('[^']*'(?: \| '[^']*')*);$/;

export function parseMetadataTypes(source: string): MetadataTypes {
  const complex = new Map<string, Map<string, ElementDefinition>>();
  const bases = new Map<string, string>();
  const enums = new Map<string, Set<string>>();
  let current: Map<string, ElementDefinition> | undefined;
  for (const line of source.split('\n')) {
    const enumMatch = ENUM.exec(line);
    if (enumMatch) {
      enums.set(enumMatch[1]!, new Set([...enumMatch[2]!.matchAll(/'([^']*)'/g)].map((match) => match[1]!)));
      continue;
    }
    const start = TYPE_START.exec(line);
    if (start) {
      current = new Map();
      complex.set(start[1]!, current);
      if (start[2]) bases.set(start[1]!, start[2]);
      continue;
    }
    if (line === '};') {
      current = undefined;
      continue;
    }
    const field = current ? FIELD.exec(line) : null;
    if (field && current) {
      current.set(field[1]!, { type: field[3]!, array: field[4] === '[]', required: field[2] !== '?' });
    }
  }
  // `X = Metadata & { ... }`: X has the base's elements too (fullName, ...).
  for (const [name, base] of bases) {
    const own = complex.get(name)!;
    for (const [element, definition] of complex.get(base) ?? []) {
      if (!own.has(element)) own.set(element, definition);
    }
  }
  return { complex, enums };
}

let cached: MetadataTypes | undefined;

export function metadataTypes(): MetadataTypes {
  if (!cached) {
    const path = createRequire(import.meta.url)
      .resolve('@salesforce/types/metadata')
      .replace(/\.js$/, '.d.ts');
    cached = parseMetadataTypes(readFileSync(path, 'utf8'));
  }
  return cached;
}

/** Where an element sits, for messages: file and element path. */
export interface ElementProblem {
  file: string;
  path: string;
  problem: string;
}

const PRIMITIVE_CHECKS: Record<string, (value: string) => boolean> = {
  string: () => true,
  boolean: (value) => value === 'true' || value === 'false',
  number: (value) => value.trim() !== '' && Number.isFinite(Number(value)),
};

/**
 * Every problem with one parsed element (fast-xml-parser, text values as strings, attributes
 * dropped) of Metadata API type `type`: an element the type does not define, a value that is not
 * a boolean, number or enumeration value it allows, a required element missing.
 */
export function checkElement(
  types: MetadataTypes,
  file: string,
  path: string,
  type: string,
  value: unknown,
): ElementProblem[] {
  const primitive = PRIMITIVE_CHECKS[type];
  if (primitive) {
    const text = typeof value === 'string' ? value : '';
    return primitive(text) ? [] : [{ file, path, problem: `"${text}" is not a valid ${type}` }];
  }
  const allowed = types.enums.get(type);
  if (allowed) {
    return typeof value === 'string' && allowed.has(value)
      ? []
      : [{ file, path, problem: `"${String(value)}" is not a ${type} value (${[...allowed].join(', ')})` }];
  }
  const elements = types.complex.get(type);
  if (!elements) {
    return [{ file, path, problem: `the Metadata API defines no type ${type}` }];
  }
  // An empty element (`<searchLayouts></searchLayouts>`) is a complex value with no children.
  if (value === '') return [];
  if (typeof value !== 'object' || value === null) {
    return [{ file, path, problem: `expected ${type} elements, found text "${String(value)}"` }];
  }
  const problems: ElementProblem[] = [];
  const children = value as Record<string, unknown>;
  for (const [name, child] of Object.entries(children)) {
    const definition = elements.get(name);
    if (!definition) {
      problems.push({ file, path: `${path}/${name}`, problem: `${type} has no element <${name}>` });
      continue;
    }
    const items = Array.isArray(child) ? child : [child];
    if (items.length > 1 && !definition.array) {
      problems.push({
        file,
        path: `${path}/${name}`,
        problem: `${type}.${name} appears ${items.length} times, but is not a list`,
      });
    }
    for (const item of items) {
      problems.push(...checkElement(types, file, `${path}/${name}`, definition.type, item));
    }
  }
  for (const [name, definition] of elements) {
    if (definition.required && !(name in children) && !definition.array) {
      problems.push({ file, path, problem: `${type} requires <${name}>` });
    }
  }
  return problems;
}
