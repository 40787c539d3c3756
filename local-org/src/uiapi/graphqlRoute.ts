// POST /services/data/vXX.X/graphql: the UI API GraphQL endpoint the LWCs reach through
// lightning/graphql. Always HTTP 200 with `{ data, errors }`, as the real endpoint answers.

import type { Route } from '../http/route.js';
import { executeGraphQL } from './graphqlExecution.js';
import { apiVersionOf, readJsonObject } from './requestBody.js';

export const graphqlRoute: Route = {
  method: 'POST',
  pattern: /^\/services\/data\/v(?<version>\d+\.\d)\/graphql\/?$/,
  async handle(request, ctx) {
    const parsed = readJsonObject(request);
    if (!parsed.ok) {
      return parsed.response;
    }
    const body = await executeGraphQL(parsed.body, { store: ctx.store, apiVersion: apiVersionOf(request) });
    return { status: 200, body };
  },
};
