// Reads a mapping file: YAML with line positions (the `yaml` package's LineCounter), validated with
// the zod schema; every problem comes back as file:line:column plus what to write instead.
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { z } from 'zod';
import { MappingError, type Problem } from '../problem.js';
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
  mapping: MappingFile;
  /** Where a value sits in the file, e.g. locate(['sources', 1, 'pairs', 0]); the nearest existing parent otherwise. */
  locate(path: ReadonlyArray<string | number>): Position;
}

export async function loadMappingFile(path: string): Promise<LoadedMapping> {
  const file = resolve(path);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new MappingError('MappingFileNotFound', [
      {
        file: path,
        message: `cannot read the mapping file (${(error as NodeJS.ErrnoException).code ?? String(error)}); check the --file path`,
      },
    ]);
  }
  return parseMapping(text, file, path);
}

/** Parses mapping text; `displayName` is how the file is named in problems (the path the user typed). */
export function parseMapping(text: string, file: string, displayName = file): LoadedMapping {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text.replace(/^\uFEFF/, ''), { lineCounter, prettyErrors: false, uniqueKeys: true });
  const toPosition = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  if (doc.errors.length > 0) {
    throw new MappingError(
      'InvalidMappingFile',
      doc.errors.map((error) => ({
        file: displayName,
        ...toPosition(error.pos[0]),
        message: `${yamlMessage(error.code, error.message)}`,
      })),
    );
  }
  const locate = (path: ReadonlyArray<string | number>): Position => toPosition(findOffset(doc, path));
  const parsed = mappingFileSchema.safeParse(doc.toJS() ?? {});
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => issueToProblem(issue, displayName, doc, toPosition));
    problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
    throw new MappingError('InvalidMappingFile', problems);
  }
  return { file, baseDir: dirname(file), mapping: parsed.data, locate };
}

function yamlMessage(code: string, message: string): string {
  const firstLine = message.split('\n')[0] ?? message;
  switch (code) {
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
