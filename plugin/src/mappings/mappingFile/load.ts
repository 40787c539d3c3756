// Reads a mapping file: YAML with line positions (the `yaml` package's LineCounter), validated with
// the zod schema; every problem comes back as file:line:column plus what to write instead.
// The file is treated as untrusted input (it may arrive in a pull request): it must be UTF-8 and at
// most MAX_MAPPING_BYTES, YAML 1.2 only (no %YAML 1.1 with its yes/no booleans and merge keys), no
// tags beyond the plain core ones (!!binary, !!js/function, custom tags are refused, never run), no
// nesting deeper than MAX_NESTING, and anchors/aliases may expand to MAX_ALIAS_NODES at most, so a
// "billion laughs" file is refused in milliseconds instead of taking the memory.
import { open } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import {
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  visit,
  type Document,
  type Node,
} from 'yaml';
import type { z } from 'zod';
import { MappingError, type Problem } from '../problem.js';
import { byteOrderMarkProblem, firstBadByte } from '../sources/encoding.js';
import { mappingFileSchema, type MappingFile } from './schema.js';

export interface Position {
  line: number;
  column: number;
}

export interface LoadedMapping {
  /** Absolute path of the mapping file. */
  file: string;
  /** Directory source files are relative to. */
  baseDir: string;
  /** Source files may lie outside baseDir (the admin passed --allow-outside-sources). */
  allowOutsideSources: boolean;
  mapping: MappingFile;
  /** Where a value sits in the file, e.g. locate(['sources', 1, 'pairs', 0]); the nearest existing parent otherwise. */
  locate(path: ReadonlyArray<string | number>): Position;
}

export interface LoadOptions {
  /** Let sources name files outside the mapping file's folder (--allow-outside-sources). */
  allowOutsideSources?: boolean;
}

/** A mapping file is configuration: 1 MiB holds thousands of pairs; larger lists belong in a CSV source. */
export const MAX_MAPPING_BYTES = 1_048_576;
/** Lists and maps inside each other; a real mapping file needs 6. */
export const MAX_NESTING = 64;
/** Nodes that anchors and aliases may expand to (the `yaml` package's maxAliasCount). */
export const MAX_ALIAS_NODES = 100;

/** Tags a mapping file may spell out: the plain core types. Anything else is refused, never resolved. */
const ALLOWED_TAGS = new Set(
  ['str', 'int', 'float', 'bool', 'null', 'seq', 'map'].map((name) => `tag:yaml.org,2002:${name}`),
);

export async function loadMappingFile(path: string, options: LoadOptions = {}): Promise<LoadedMapping> {
  const file = resolve(path);
  let bytes: Buffer;
  try {
    const handle = await open(file);
    try {
      const { size } = await handle.stat();
      if (size > MAX_MAPPING_BYTES) {
        throw new MappingError('InvalidMappingFile', [
          {
            file: path,
            message: `the mapping file is ${size} bytes, more than the ${MAX_MAPPING_BYTES} a mapping file may have; move long lists of pairs into a CSV source (file:) and keep the mapping file to settings`,
          },
        ]);
      }
      bytes = await handle.readFile();
    } finally {
      await handle.close();
    }
  } catch (error) {
    if (error instanceof MappingError) throw error;
    throw new MappingError('MappingFileNotFound', [
      {
        file: path,
        message: `cannot read the mapping file (${(error as NodeJS.ErrnoException).code ?? String(error)}); check the --file path`,
      },
    ]);
  }
  return parseMapping(decodeMapping(bytes, path), file, path, options);
}

/** The file's text, or a MappingError naming the line when it is not UTF-8. */
function decodeMapping(bytes: Buffer, displayName: string): string {
  const bom = byteOrderMarkProblem(bytes);
  if (bom !== undefined) throw new MappingError('InvalidMappingFile', [{ file: displayName, line: 1, message: bom }]);
  const bad = firstBadByte(bytes);
  if (bad !== undefined) {
    const before = bytes.subarray(0, bad.index);
    const line = before.filter((byte) => byte === 0x0a).length + 1;
    const column = bad.index - (before.lastIndexOf(0x0a) + 1) + 1;
    throw new MappingError('InvalidMappingFile', [
      {
        file: displayName,
        line,
        column,
        message: bad.nul
          ? 'this is a NUL byte: the mapping file must be UTF-8 text; save it as UTF-8'
          : 'these bytes are not valid UTF-8; save the mapping file as UTF-8',
      },
    ]);
  }
  return bytes.toString('utf8');
}

/**
 * Where flow collections ([ and {) nest deeper than MAX_NESTING, found by a quick scan before the
 * parser (which takes seconds and overflows its stack on such input). Quoted text and comments are
 * skipped; block nesting is caught by the parser itself, cheaply.
 */
function tooDeep(text: string): number | undefined {
  let depth = 0;
  let quote: string | undefined;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (quote !== undefined) {
      if (char === '\\' && quote === '"') index += 1;
      else if (char === quote) quote = undefined;
      else if (char === '\n') quote = undefined;
      continue;
    }
    if (char === '"' || char === "'") quote = char;
    else if (char === '#' && (index === 0 || /\s/.test(text[index - 1]!))) {
      const end = text.indexOf('\n', index);
      index = end < 0 ? text.length : end;
    } else if (char === '[' || char === '{') {
      depth += 1;
      if (depth > MAX_NESTING) return index;
    } else if (char === ']' || char === '}') depth = Math.max(0, depth - 1);
  }
  return undefined;
}

/** Parses mapping text; `displayName` is how the file is named in problems (the path the user typed). */
export function parseMapping(text: string, file: string, displayName = file, options: LoadOptions = {}): LoadedMapping {
  const lineCounter = new LineCounter();
  const source = text.replace(/^\uFEFF/, '');
  const deep = tooDeep(source);
  if (deep !== undefined) {
    const lines = source.slice(0, deep).split('\n');
    throw new MappingError('InvalidMappingFile', [
      {
        file: displayName,
        line: lines.length,
        column: lines.at(-1)!.length + 1,
        message: `lists and maps are nested more than ${MAX_NESTING} deep here; a mapping file needs a few levels, so check the brackets`,
      },
    ]);
  }
  const doc = parseDocument(source, {
    lineCounter,
    prettyErrors: false,
    uniqueKeys: true,
    version: '1.2',
    schema: 'core',
    merge: false,
  });
  const toPosition = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  // Unresolved tags are reported by the tag check below, with the other tags.
  const warnings = doc.warnings.filter((warning) => warning.code !== 'TAG_RESOLVE_FAILED');
  const yamlProblems: Problem[] = [...doc.errors, ...warnings].map((error) => ({
    file: displayName,
    ...toPosition(error.pos[0]),
    message: `${yamlMessage(error.code, error.message)}`,
  }));
  if (doc.directives?.yaml.explicit && doc.directives.yaml.version !== '1.2') {
    yamlProblems.push({
      file: displayName,
      line: 1,
      column: 1,
      message: `%YAML ${doc.directives.yaml.version} is not supported (YAML 1.1 reads yes/no as true/false and applies << merge keys); remove the %YAML line, mapping files are YAML 1.2`,
    });
  }
  let firstAlias: number | undefined;
  visit(doc, {
    Node(_key, node) {
      if (isAlias(node)) firstAlias ??= rangeStart(node);
      if (node.tag !== undefined && !ALLOWED_TAGS.has(node.tag)) {
        yamlProblems.push({
          file: displayName,
          ...toPosition(tagStart(source, rangeStart(node) ?? 0)),
          message: `the tag ${node.tag.replace('tag:yaml.org,2002:', '!!')} is not allowed in a mapping file (only plain text, numbers, true/false, lists and maps); remove it and write the value as plain text`,
        });
      }
    },
  });
  if (yamlProblems.length > 0) throw new MappingError('InvalidMappingFile', dedupe(yamlProblems));
  const locate = (path: ReadonlyArray<string | number>): Position => toPosition(findOffset(doc, path));
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_NODES });
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error;
    throw new MappingError('InvalidMappingFile', [
      {
        file: displayName,
        ...toPosition(firstAlias ?? 0),
        message: `the anchors and aliases (&name, *name) from here on expand to more than ${MAX_ALIAS_NODES} values, which is how a "billion laughs" file takes all memory; write the values out, or use fewer aliases (${error.message})`,
      },
    ]);
  }
  const parsed = mappingFileSchema.safeParse(value ?? {});
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => issueToProblem(issue, displayName, doc, toPosition));
    problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
    throw new MappingError('InvalidMappingFile', problems);
  }
  return {
    file,
    baseDir: dirname(file),
    allowOutsideSources: options.allowOutsideSources ?? false,
    mapping: parsed.data,
    locate,
  };
}

/** Where the tag before a value starts (`!!binary aGVs…` -> the first "!"); the value's start otherwise. */
function tagStart(text: string, valueStart: number): number {
  let index = valueStart;
  while (index > 0 && (text[index - 1] === ' ' || text[index - 1] === '\t')) index -= 1;
  const end = index;
  while (index > 0 && !/\s/.test(text[index - 1]!)) index -= 1;
  return text[index] === '!' && index < end ? index : valueStart;
}

function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems
    .filter((problem) => {
      const key = `${problem.line}:${problem.column}:${problem.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .slice(0, 20);
}

function yamlMessage(code: string, message: string): string {
  const firstLine = message.split('\n')[0] ?? message;
  switch (code) {
    case 'RESOURCE_EXHAUSTION':
      return `${firstLine}: the file is nested too deeply to read; a mapping file needs a few levels, so check the indentation`;
    case 'MULTIPLE_DOCS':
      return `${firstLine}; a mapping file is one YAML document: remove the "---" line and merge the parts`;
    case 'DUPLICATE_KEY':
      return `${firstLine}; keep one of the two keys`;
    case 'TAB_AS_INDENT':
      return `${firstLine}; indent with spaces, not tabs`;
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
    case 'UNEXPECTED_TOKEN':
      return `${firstLine}; check the indentation and that list items start with "- "`;
    default:
      return `${firstLine}; this is not valid YAML`;
  }
}

function issueToProblem(
  issue: z.core.$ZodIssue,
  file: string,
  doc: Document,
  toPosition: (offset: number) => Position,
): Problem {
  const path = issue.path.filter((segment): segment is string | number => typeof segment !== 'symbol');
  const where = path.length > 0 ? `${formatPath(path)}: ` : '';
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? '';
    return {
      file,
      ...toPosition(findKeyOffset(doc, path, key)),
      message: `${where}${issue.keys.map((name) => `"${name}"`).join(', ')} ${issue.keys.length === 1 ? 'is' : 'are'} not a setting here; check the spelling against examples/mapping.yaml or remove ${issue.keys.length === 1 ? 'it' : 'them'}`,
    };
  }
  const node = nodeAt(doc, path);
  const shown =
    issue.code !== 'custom' && isScalar(node) && node.value !== null ? ` is ${JSON.stringify(node.value)}` : '';
  const message =
    node === undefined && issue.code === 'invalid_type'
      ? `${formatPath(path)} is missing; ${issue.message}`
      : `${path.length > 0 ? formatPath(path) : 'the file'}${shown}${shown ? ';' : ':'} ${issue.message}`;
  return { file, ...toPosition(findOffset(doc, path)), message };
}

function formatPath(path: ReadonlyArray<string | number>): string {
  return path
    .map((segment, index) => (typeof segment === 'number' ? `[${segment}]` : index === 0 ? segment : `.${segment}`))
    .join('');
}

function nodeAt(doc: Document, path: ReadonlyArray<string | number>): Node | undefined {
  let node: unknown = doc.contents;
  for (const segment of path) {
    node = child(node, segment);
    if (node === undefined) return undefined;
  }
  return node as Node;
}

function child(node: unknown, segment: string | number): unknown {
  if (isMap(node)) {
    const pair = node.items.find(
      (item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment),
    );
    return pair?.value ?? undefined;
  }
  if (isSeq(node) && typeof segment === 'number') return node.items[segment];
  return undefined;
}

/** Offset of the deepest node on the path that exists: a missing key points at the map that should hold it. */
function findOffset(doc: Document, path: ReadonlyArray<string | number>): number {
  let node: unknown = doc.contents;
  let offset = rangeStart(node) ?? 0;
  for (const segment of path) {
    const next = child(node, segment);
    if (next === undefined || next === null) {
      // A key with an empty value (`pairs:`) has no value node: point at the key itself.
      if (isMap(node)) {
        const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment));
        const keyStart = pair !== undefined ? rangeStart(pair.key) : undefined;
        if (keyStart !== undefined) return keyStart;
      }
      break;
    }
    node = next;
    offset = rangeStart(node) ?? offset;
  }
  return offset;
}

function findKeyOffset(doc: Document, path: ReadonlyArray<string | number>, key: string): number {
  const node = nodeAt(doc, path) ?? doc.contents;
  if (isMap(node)) {
    const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === key);
    const start = pair !== undefined ? rangeStart(pair.key) : undefined;
    if (start !== undefined) return start;
  }
  return findOffset(doc, path);
}

function rangeStart(node: unknown): number | undefined {
  if (node !== null && typeof node === 'object' && 'range' in node) {
    const range = (node as { range?: [number, number, number] | null }).range;
    return range?.[0];
  }
  return undefined;
}
