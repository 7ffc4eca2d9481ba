/**
 * Routes of the public results site (CNC: HTML rendered by the API so it reads without JavaScript;
 * shared/app/public-site/html.ts says why), one module per page: anonymous visitors meet cold
 * starts most, and each page constructs only its own schemas (measured: 5-9 ms of CPU at import
 * per page against one module for the three). This one: a year's rankings.
 */
import { resultsParams, resultsQuery } from '../schemas/api/results-api.ts';
import type { RouteDefinition } from './definition.ts';

export const publicYearRoutes = {
  publicSiteYear: {
    method: 'GET',
    path: '/cong-khai/{year}',
    handler: 'functions/public-site/year.ts',
    access: 'public',
    summary: "Public results site (HTML): a year's rankings per unit type, report files with checksums, open data",
    params: resultsParams,
    query: resultsQuery,
    success: { status: 200 },
    buckets: [{ id: 'reports', access: 'read' }],
  },
} as const satisfies Record<string, RouteDefinition>;
