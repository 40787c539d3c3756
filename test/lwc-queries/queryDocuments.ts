// Finds the GraphQL queries the LWCs send: every `<name>Query.js` module in a bundle exports one
// gql template. In jest `gql` is a mock, so these node tests read the file text instead and hand
// the query to a real parser and to the local org's executor.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const lwcRoot = join(repoRoot, 'force-app', 'main', 'default', 'lwc');

export interface QueryDocument {
  /** The bundle the query belongs to, e.g. socialTimeline. */
  bundle: string;
  /** Path relative to the repo root, for messages. */
  file: string;
  /** The exported constant, e.g. TIMELINE_QUERY. */
  exportName: string;
  /** The query text between the gql backticks. */
  text: string;
}

const GQL_EXPORT = /export\s+const\s+(\w+)\s*=\s*gql`([\s\S]*?)`;/g;

export function findQueryDocuments(): QueryDocument[] {
  const documents: QueryDocument[] = [];
  for (const bundle of readdirSync(lwcRoot).sort()) {
    const bundleDir = join(lwcRoot, bundle);
    if (!existsSync(bundleDir)) continue;
    for (const name of readdirSync(bundleDir)
      .filter((file) => /Query\.js$/.test(file))
      .sort()) {
      const path = join(bundleDir, name);
      const source = readFileSync(path, 'utf8');
      const matches = [...source.matchAll(GQL_EXPORT)];
      if (matches.length !== 1) {
        throw new Error(
          `${relative(repoRoot, path)}: expected exactly one "export const X = gql\`...\`", found ${matches.length}`,
        );
      }
      const [, exportName = '', text = ''] = matches[0] ?? [];
      documents.push({ bundle, file: relative(repoRoot, path), exportName, text });
    }
  }
  return documents;
}
