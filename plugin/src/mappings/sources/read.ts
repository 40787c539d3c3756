// Reads every source of a mapping, in file order, as one stream of identities and rejected rows.
// Explicit pairs come from the mapping file itself, with its line numbers.
import { access } from 'node:fs/promises';
import { extname, relative, resolve } from 'node:path';
import type { LoadedMapping } from '../mappingFile/load.js';
import type { Channel, FileSource, PairSource } from '../mappingFile/schema.js';
import { isIdentity, toIdentity, type Identity } from '../identity.js';
import { MappingError, type Problem } from '../problem.js';
import { readCsvSource } from './csv.js';
import { readNdjsonSource } from './ndjson.js';
import type { RejectedRow, SourceRow } from './row.js';

export type SourceItem = { kind: 'identity'; identity: Identity } | { kind: 'rejected'; rejected: RejectedRow };

/** Where a source file is, and how to name it in messages (relative to the working directory). */
export function sourcePath(loaded: LoadedMapping, source: FileSource): { path: string; displayPath: string } {
  const path = resolve(loaded.baseDir, source.file);
  const shown = relative(process.cwd(), path);
  return { path, displayPath: shown.startsWith('..') ? path : shown };
}

/** Fails before any row is read when a source file is missing, pointing at its file: line in the mapping. */
export async function checkSourceFiles(loaded: LoadedMapping, mappingDisplayPath: string): Promise<void> {
  const problems: Problem[] = [];
  for (const [index, source] of loaded.mapping.sources.entries()) {
    if (!('file' in source)) continue;
    const { path } = sourcePath(loaded, source);
    try {
      await access(path);
    } catch {
      problems.push({
        file: mappingDisplayPath,
        ...loaded.locate(['sources', index, 'file']),
        message: `source ${source.name}: the file ${source.file} does not exist (looked for ${path}); paths are relative to the mapping file`,
      });
    }
  }
  if (problems.length > 0) throw new MappingError('SourceNotFound', problems);
}

export async function* readSources(loaded: LoadedMapping, mappingDisplayPath: string): AsyncGenerator<SourceItem> {
  const channels = new Map<string, Channel>(loaded.mapping.channels.map((channel) => [channel.key, channel]));
  for (const [index, source] of loaded.mapping.sources.entries()) {
    const rows = 'pairs' in source ? pairRows(loaded, source, index, mappingDisplayPath) : fileRows(loaded, source);
    for await (const item of rows) {
      if (item.kind === 'rejected') {
        yield item;
        continue;
      }
      const identity = toIdentity(item.row, 'pairs' in source ? undefined : source, channels);
      yield isIdentity(identity) ? { kind: 'identity', identity } : { kind: 'rejected', rejected: identity };
    }
  }
}

async function* fileRows(
  loaded: LoadedMapping,
  source: FileSource,
): AsyncGenerator<{ kind: 'row'; row: SourceRow } | { kind: 'rejected'; rejected: RejectedRow }> {
  const { path, displayPath } = sourcePath(loaded, source);
  const format = source.format ?? (/\.(nd)?jsonl?$/i.test(extname(path)) ? 'ndjson' : 'csv');
  if (format === 'ndjson') {
    yield* readNdjsonSource({ source: source.name, path, displayPath, columns: source.columns });
  } else {
    yield* readCsvSource({
      source: source.name,
      path,
      displayPath,
      columns: source.columns,
      ...(source.delimiter ? { delimiter: source.delimiter } : {}),
    });
  }
}

async function* pairRows(
  loaded: LoadedMapping,
  source: PairSource,
  sourceIndex: number,
  mappingDisplayPath: string,
): AsyncGenerator<{ kind: 'row'; row: SourceRow }> {
  for (const [index, pair] of source.pairs.entries()) {
    const separator = pair.identity.indexOf(':');
    const values: Record<string, string> = {
      network: pair.identity.slice(0, separator),
      userId: pair.identity.slice(separator + 1),
    };
    if (pair.handle !== undefined) values.handle = pair.handle;
    if (pair.displayName !== undefined) values.displayName = pair.displayName;
    if (pair.profileUrl !== undefined) values.profileUrl = pair.profileUrl;
    const object = pair.contact !== undefined ? 'Contact' : 'Lead';
    const reference = (pair.contact ?? pair.lead)!;
    yield {
      kind: 'row',
      row: {
        origin: {
          source: source.name,
          file: mappingDisplayPath,
          line: loaded.locate(['sources', sourceIndex, 'pairs', index]).line,
        },
        values,
        pair: { object, reference },
      },
    };
  }
}
