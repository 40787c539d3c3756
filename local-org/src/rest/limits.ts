// GET /limits: the daily API request allowance the local org counts (see OrgContext.apiCalls).

import type { Route } from '../http/route.js';
import { dataRoute } from './paths.js';

export function limitsRoutes(): Route[] {
  return [
    dataRoute('GET', '/limits', (_request, ctx) => ({
      status: 200,
      body: {
        DailyApiRequests: { Max: ctx.apiCalls.max, Remaining: Math.max(0, ctx.apiCalls.max - ctx.apiCalls.used) },
        DailyBulkV2QueryJobs: { Max: 10000, Remaining: 10000 },
        DailyBulkV2QueryFileStorageMB: { Max: 976562, Remaining: 976562 },
        DataStorageMB: { Max: 5, Remaining: 5 },
        FileStorageMB: { Max: 20, Remaining: 20 },
        ConcurrentAsyncGetReportInstances: { Max: 200, Remaining: 200 },
      },
    })),
  ];
}
