// Which column of an interaction export holds which attribute. The mechanism is the identity sources'
// (plugin/src/mappings/sources): `columns` maps attribute -> CSV header or NDJSON property (dots for
// nested ones), with `network` / `networkValues` / `delimiter` / `format`. An export that is also
// listed as a source in the mapping file uses that source's settings; any other export is read with
// the default columns below, whose names are the attribute names themselves.
import { extname, resolve } from 'node:path';
import type { LoadedMapping } from '../mappings/mappingFile/load.js';
import type { FileSource } from '../mappings/mappingFile/schema.js';

/** Attributes of the interaction itself; every other mapped column describes the identity. */
export const INTERACTION_ATTRIBUTES = [
  'postId',
  'direction',
  'visibility',
  'kind',
  'body',
  'permalink',
  'postedAt',
  'inReplyTo',
  'conversationId',
  'sentiment',
  'intent',
  'editedAt',
  'deleted',
] as const;
export type InteractionAttribute = (typeof INTERACTION_ATTRIBUTES)[number];

/** Identity attributes with a fixed meaning (as in identity sources), plus the usual match-only ones. */
export const DEFAULT_IDENTITY_ATTRIBUTES = [
  'network',
  'userId',
  'handle',
  'displayName',
  'profileUrl',
  'followers',
  'email',
  'phone',
] as const;

export interface ColumnMapping {
  /** Attribute -> column header (CSV) or property path (NDJSON). */
  columns: Record<string, string>;
  format: 'csv' | 'ndjson';
  /** The network of every row when the export has no network column. */
  network?: string;
  networkValues?: Record<string, string>;
  delimiter?: string;
  /** Where the columns came from, for messages: "source interactions-export in mapping.yaml" or "default columns". */
  describedAs: string;
  /** The mapping source's name, used as the `source` of every row. */
  sourceName: string;
}

export function formatOf(path: string, declared?: 'csv' | 'ndjson'): 'csv' | 'ndjson' {
  return declared ?? (/\.(nd)?jsonl?$/i.test(extname(path)) ? 'ndjson' : 'csv');
}

export function defaultColumns(): Record<string, string> {
  const names = [...DEFAULT_IDENTITY_ATTRIBUTES, ...INTERACTION_ATTRIBUTES];
  return Object.fromEntries(names.map((name) => [name, name]));
}

/**
 * The column mapping for `file`: the mapping file's source whose file: is this file, if any; else the
 * default columns. `headerOf` gives a CSV's header so default columns it lacks are left out
 * (a source's columns must all exist; default ones are optional).
 */
export function chooseColumns(
  file: string,
  loaded: LoadedMapping | undefined,
  mappingDisplayPath: string | undefined,
): ColumnMapping {
  const absolute = resolve(file);
  const source = loaded?.mapping.sources.find(
    (candidate): candidate is FileSource => 'file' in candidate && resolve(loaded.baseDir, candidate.file) === absolute,
  );
  if (source !== undefined) {
    return {
      columns: source.columns,
      format: formatOf(absolute, source.format),
      ...(source.network !== undefined ? { network: source.network } : {}),
      ...(source.networkValues !== undefined ? { networkValues: source.networkValues } : {}),
      ...(source.delimiter !== undefined ? { delimiter: source.delimiter } : {}),
      describedAs: `source ${source.name} in ${mappingDisplayPath ?? 'the mapping file'}`,
      sourceName: source.name,
    };
  }
  return {
    columns: defaultColumns(),
    format: formatOf(absolute),
    describedAs: 'default columns',
    sourceName: 'import',
  };
}

/** Default columns a CSV header lacks are dropped: the export simply does not carry them. */
export function presentDefaultColumns(
  columns: Record<string, string>,
  header: readonly string[],
): Record<string, string> {
  const names = new Set(header.map((name) => name.trim().toLowerCase()));
  return Object.fromEntries(Object.entries(columns).filter(([, column]) => names.has(column.toLowerCase())));
}
