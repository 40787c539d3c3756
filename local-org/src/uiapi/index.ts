// The local org's UI API: the GraphQL endpoint (lightning/graphql), the record resources
// (lightning/uiRecordApi) and object info (lightning/uiObjectInfoApi). The server registers these
// routes beside the REST and Bulk ones.

import type { Route } from '../http/route.js';
import { graphqlRoute } from './graphqlRoute.js';
import { objectInfoRoutes } from './objectInfo.js';
import { recordRoutes } from './recordRoutes.js';

export { executeGraphQL } from './graphqlExecution.js';
export { uiApiSchema } from './graphqlSchema.js';

export function uiApiRoutes(): Route[] {
  return [graphqlRoute, ...recordRoutes, ...objectInfoRoutes];
}
