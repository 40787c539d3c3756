// Reads every source of a mapping, in file order, as one stream of identities and rejected rows.
// Explicit pairs come from the mapping file itself, with its line numbers.
// A source file must lie inside the mapping file's folder (after following links) unless the admin
// passed --allow-outside-sources: a mapping file arrives through review, and a `file: ../../.ssh/id_rsa`
// or a link to one must not let a deploy read, and echo into results and errors, files it has no
// business with.
import { createReadStream } from 'node:fs';
import { access, realpath } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
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

function inside(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}

/**
 * Why a source file may not be read without --allow-outside-sources: an absolute path, a path that
 * leaves the mapping file's folder, or a link (or a linked folder) that points out of it. Undefined
 * when it stays inside, when the flag was passed, or when it does not exist (checked separately).
 */
async function outsideReason(loaded: LoadedMapping, source: FileSource): Promise<string | undefined> {
  if (loaded.allowOutsideSources) return undefined;
  const { path } = sourcePath(loaded, source);
  const fix = `move the file into ${loaded.baseDir} (or a folder under it) and write its path relative to the mapping file, or pass --allow-outside-sources if reading it from there is intended`;
  if (isAbsolute(source.file) || /^[A-Za-z]:|^[\\/]/.test(source.file)) {
    return `source ${source.name}: ${source.file} is an absolute path; sources are read from the mapping file's folder only: ${fix}`;
  }
  if (!inside(loaded.baseDir, path)) {
    return `source ${source.name}: ${source.file} leads out of the mapping file's folder (to ${path}); ${fix}`;
  }
  let real: string;
  let realBase: string;
  try {
    [real, realBase] = await Promise.all([realpath(path), realpath(loaded.baseDir)]);
  } catch {
    return undefined;
  }
  if (!inside(realBase, real)) {
    return `source ${source.name}: ${source.file} is a link to ${real}, outside the mapping file's folder; ${fix}`;
  }
  return undefined;
}

/**
 * Fails before any row is read when a source file is outside the mapping file's folder (without
 * --allow-outside-sources) or missing, pointing at its file: line in the mapping.
 */
export async function checkSourceFiles(loaded: LoadedMapping, mappingDisplayPath: string): Promise<void> {
  const outside: Problem[] = [];
  const missing: Problem[] = [];
  for (const [index, source] of loaded.mapping.sources.entries()) {
    if (!('file' in source)) continue;
    const where = { file: mappingDisplayPath, ...loaded.locate(['sources', index, 'file']) };
    const reason = await outsideReason(loaded, source);
    if (reason !== undefined) {
      outside.push({ ...where, message: reason });
      continue;
    }
    const { path } = sourcePath(loaded, source);
    try {
      await access(path);
    } catch {
      missing.push({
        ...where,
        message: `source ${source.name}: the file ${source.file} does not exist (looked for ${path}); paths are relative to the mapping file`,
      });
    }
  }
  if (outside.length > 0) throw new MappingError('SourceOutsideFolder', outside);
  if (missing.length > 0) throw new MappingError('SourceNotFound', missing);
}

/**
 * At most how many rows the sources hold, found without parsing them: a row takes at least one line of
 * its file (a quoted line break makes it take more), so the line breaks of each file (plus a last line
 * without one), less a CSV file's header, plus the pairs. A deploy knows from it, before the one read,
 * how many partitions to sort the rows into. A file that is missing or may not be read counts nothing:
 * reading it fails as it would have.
 */
export async function maxSourceRows(loaded: LoadedMapping): Promise<number> {
  let rows = 0;
  for (const source of loaded.mapping.sources) {
    if ('pairs' in source) {
      rows += source.pairs.length;
      continue;
    }
    if ((await outsideReason(loaded, source)) !== undefined) continue;
    const { path } = sourcePath(loaded, source);
    const lines = await countLines(path).catch(() => 0);
    rows += isNdjson(source, path) ? lines : Math.max(0, lines - 1);
  }
  return rows;
}

/** Lines of a file: its line breaks (LF, CRLF or a lone CR, each once) and a last line without one. */
async function countLines(path: string): Promise<number> {
  let lines = 0;
  let last = -1;
  let crBefore = false;
  for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 }) as AsyncIterable<Buffer>) {
    if (chunk.length === 0) continue;
    for (let at = chunk.indexOf(10); at >= 0; at = chunk.indexOf(10, at + 1)) lines += 1;
    for (let at = chunk.indexOf(13); at >= 0; at = chunk.indexOf(13, at + 1)) {
      // A CR followed by LF is one break, counted as the LF; the LF may start the next chunk.
      if (at + 1 < chunk.length ? chunk[at + 1] !== 10 : true) lines += 1;
    }
    if (crBefore && chunk[0] === 10) lines -= 1;
    crBefore = chunk[chunk.length - 1] === 13;
    last = chunk[chunk.length - 1]!;
  }
  return last === -1 || last === 10 || last === 13 ? lines : lines + 1;
}

function isNdjson(source: FileSource, path: string): boolean {
  return (source.format ?? (/\.(nd)?jsonl?$/i.test(extname(path)) ? 'ndjson' : 'csv')) === 'ndjson';
}

export async function* readSources(loaded: LoadedMapping, mappingDisplayPath: string): AsyncGenerator<SourceItem> {
  const channels = new Map<string, Channel>(loaded.mapping.channels.map((channel) => [channel.key, channel]));
  for (const [index, source] of loaded.mapping.sources.entries()) {
    if (!('pairs' in source)) {
      // Checked again here for callers that read without checkSourceFiles first.
      const reason = await outsideReason(loaded, source);
      if (reason !== undefined) {
        throw new MappingError('SourceOutsideFolder', [
          { file: mappingDisplayPath, ...loaded.locate(['sources', index, 'file']), message: reason },
        ]);
      }
    }
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
  if (isNdjson(source, path)) {
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
