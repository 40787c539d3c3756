// The UI API GraphQL schema written independently of the local org: uiApiBase.graphql (shared
// types and the standard objects, each part citing its Salesforce source) plus the custom objects
// of force-app by the same documented pattern (customObjectTypes.ts).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSchema, type GraphQLSchema } from 'graphql';
import { customObjectSdl, readCustomObjects } from './customObjectTypes.js';

const here = dirname(fileURLToPath(import.meta.url));
export const repoRoot = join(here, '..', '..', '..');
export const objectsDir = join(repoRoot, 'force-app', 'main', 'default', 'objects');

export function independentSchemaSdl(objects = objectsDir): string {
  return `${readFileSync(join(here, 'uiApiBase.graphql'), 'utf8')}\n${customObjectSdl(readCustomObjects(objects))}`;
}

export function independentSchema(objects = objectsDir): GraphQLSchema {
  return buildSchema(independentSchemaSdl(objects));
}
