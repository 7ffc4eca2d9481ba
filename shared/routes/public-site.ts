/** Routes of one area. CNC: the public results site, HTML rendered by the API so it reads without JavaScript (shared/app/public-site/html.ts says why). */
import { resultsParams, resultsQuery } from '../schemas/api/results-api.ts';
import { publicUnitParams } from '../schemas/api/results-insights.ts';
import type { RouteDefinition } from './definition.ts';

export const publicSiteRoutes = {
  publicSiteHome: {
    method: 'GET',
    path: '/cong-khai',
    handler: 'functions/public-site/home.ts',
    access: 'public',
    summary: 'Public results site (HTML): the published years',
    success: { status: 200 },
  },
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
  publicSiteUnit: {
    method: 'GET',
    path: '/cong-khai/don-vi/{unitId}',
    handler: 'functions/public-site/unit.ts',
    access: 'public',
    summary: "Public results site (HTML): a unit's history across years and its area sub-indexes",
    params: publicUnitParams,
    success: { status: 200 },
  },
} as const satisfies Record<string, RouteDefinition>;
