// Streams an NDJSON export (one JSON object per line, as listening tools' APIs emit) into rows keyed by
// identity attribute. A column may name a nested property with dots ("author.id"). A line that is not
// a JSON object is rejected with its reason and the read goes on: unlike CSV, one bad line cannot shift
// the values of the others.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { MappingError } from '../problem.js';
import type { ReadResult } from './row.js';

export interface NdjsonSourceOptions {
  source: string;
  path: string;
  displayPath: string;
  columns: Record<string, string>;
}

export async function* readNdjsonSource(options: NdjsonSourceOptions): AsyncGenerator<ReadResult> {
  const input = createReadStream(options.path, { encoding: 'utf8' });
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
  const lines = createInterface({ input, crlfDelay: Infinity });
  let line = 0;
  try {
    for await (const rawLine of lines) {
      line += 1;
      const text = (line === 1 ? rawLine.replace(/^\uFEFF/, '') : rawLine).trim();
      if (text === '') continue;
      const origin = { source: options.source, file: options.displayPath, line };
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
      yield { kind: 'row', row: { origin, values } };
    }
  } finally {
    lines.close();
    input.destroy();
  }
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
