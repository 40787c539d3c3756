// Streams an NDJSON export (one JSON object per line, as listening tools' APIs emit) into rows keyed by
// identity attribute. A column may name a nested property with dots ("author.id"). A line that is not
// a JSON object is rejected with its reason and the read goes on: unlike CSV, one bad line cannot shift
// the values of the others. So is a line over MAX_ROW_BYTES; a file that is not UTF-8 is refused
// (encoding.ts says why).
import { createReadStream } from 'node:fs';
import { MappingError } from '../problem.js';
import { controlCharacterReason, MAX_ROW_BYTES, Utf8Guard } from './encoding.js';
import type { ReadResult } from './row.js';

export interface NdjsonSourceOptions {
  source: string;
  path: string;
  displayPath: string;
  columns: Record<string, string>;
}

export async function* readNdjsonSource(options: NdjsonSourceOptions): AsyncGenerator<ReadResult> {
  const input = createReadStream(options.path);
  const opened = new Promise<void>((resolve, reject) => {
    input.once('open', () => resolve());
    input.once('error', reject);
  });
  try {
    await opened;
  } catch (error) {
    throw new MappingError('SourceNotFound', [
      {
        file: options.displayPath,
        message: `cannot read this source file (${(error as NodeJS.ErrnoException).code ?? String(error)}); check the file: path, which is relative to the mapping file`,
      },
    ]);
  }
  const guard = new Utf8Guard(options.displayPath);
  input.on('error', (error) => guard.destroy(error));
  input.pipe(guard);
  try {
    for await (const { line, text: rawLine, bytes } of lines(guard)) {
      const origin = { source: options.source, file: options.displayPath, line };
      if (rawLine === undefined) {
        yield {
          kind: 'rejected',
          rejected: {
            origin,
            values: {},
            reason: `this line is ${bytes} bytes long, more than the ${MAX_ROW_BYTES} a row may have; it was skipped unread. Split or shorten the record`,
          },
        };
        continue;
      }
      const text = (line === 1 ? rawLine.replace(/^\uFEFF/, '') : rawLine).trim();
      if (text === '') continue;
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch (error) {
        yield {
          kind: 'rejected',
          rejected: {
            origin,
            values: {},
            reason: `not valid JSON (${(error as Error).message}); write one JSON object per line`,
          },
        };
        continue;
      }
      if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
        yield {
          kind: 'rejected',
          rejected: { origin, values: {}, reason: 'this line is not a JSON object; write one {…} object per line' },
        };
        continue;
      }
      const values: Record<string, string> = {};
      for (const [attribute, property] of Object.entries(options.columns)) {
        const value = propertyAt(parsed as Record<string, unknown>, property);
        if (value !== undefined && value !== null && String(value).trim() !== '')
          values[attribute] = String(value).trim();
      }
      const control = controlCharacterReason(values);
      if (control !== undefined) {
        yield { kind: 'rejected', rejected: { origin, values, reason: control } };
        continue;
      }
      yield { kind: 'row', row: { origin, values } };
    }
  } finally {
    input.destroy();
    guard.destroy();
  }
}

/**
 * The lines of a byte stream split at "\n" (a "\r" before it is trimmed with the other white space),
 * each decoded as UTF-8. A line longer than MAX_ROW_BYTES is not kept: its bytes are counted and
 * dropped, and it comes back with no text, so one huge line cannot take the memory.
 */
async function* lines(
  stream: AsyncIterable<Buffer>,
): AsyncGenerator<{ line: number; text: string | undefined; bytes: number }> {
  let parts: Buffer[] = [];
  let size = 0;
  let line = 1;
  let overflow = false;
  const take = (part: Buffer): void => {
    size += part.length;
    if (size > MAX_ROW_BYTES) {
      overflow = true;
      parts = [];
    } else if (part.length > 0) {
      parts.push(part);
    }
  };
  const finish = (): { line: number; text: string | undefined; bytes: number } => {
    const done = { line, text: overflow ? undefined : Buffer.concat(parts).toString('utf8'), bytes: size };
    parts = [];
    size = 0;
    overflow = false;
    line += 1;
    return done;
  };
  for await (const chunk of stream) {
    let start = 0;
    let end = chunk.indexOf(0x0a);
    while (end >= 0) {
      take(chunk.subarray(start, end));
      yield finish();
      start = end + 1;
      end = chunk.indexOf(0x0a, start);
    }
    take(chunk.subarray(start));
  }
  if (size > 0) yield finish();
}

function propertyAt(object: Record<string, unknown>, path: string): unknown {
  if (path in object) return object[path];
  let value: unknown = object;
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return typeof value === 'object' ? undefined : value;
}
