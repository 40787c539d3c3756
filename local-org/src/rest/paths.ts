// Route patterns of the REST surfaces: every resource lives under /services/data/vNN.N.

import type { Route, RouteRequest, RouteResponse } from '../http/route.js';
import type { OrgContext } from '../http/route.js';

const VERSIONED = String.raw`^/services/data/v(?<version>\d+\.\d)`;

/** A route under `/services/data/vNN.N`; `suffix` is a regex source such as `/sobjects/(?<object>\w+)`. */
export function dataRoute(
  method: Route['method'],
  suffix: string,
  handle: (request: RouteRequest, ctx: OrgContext) => RouteResponse | Promise<RouteResponse>,
): Route {
  return { method, pattern: new RegExp(`${VERSIONED}${suffix}/?$`), handle };
}

export function apiVersion(request: RouteRequest): string {
  return request.params.version ?? '62.0';
}
