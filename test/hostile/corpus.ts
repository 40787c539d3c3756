// The hostile-input corpus (test/fixtures/hostile, listed in its README.md) and the helpers the
// hostile suites share: reading a corpus file, and counting results-CSV rows.
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';

export const CORPUS = fileURLToPath(new URL('../fixtures/hostile/', import.meta.url));

/** A corpus file's bytes (several are deliberately not UTF-8). */
export function corpus(path: string): Buffer {
  return readFileSync(join(CORPUS, path));
}

/** Every row of every results CSV in `dir`, with the outcome (the file's name) it was written under. */
export async function resultsRows(
  dir: string,
  outcomes: readonly string[],
): Promise<Array<Record<string, string> & { outcome: string }>> {
  const rows: Array<Record<string, string> & { outcome: string }> = [];
  for (const outcome of outcomes) {
    const text = await readFile(join(dir, `${outcome}.csv`), 'utf8');
    for (const row of parse(text, { columns: true, bom: true }) as Array<Record<string, string>>) {
      rows.push({ ...row, outcome });
    }
  }
  return rows;
}

/** Formula triggers a spreadsheet acts on at the start of a cell; results CSVs must neutralise them. */
export const FORMULA_START = /^[=+\-@\t\r]/;
