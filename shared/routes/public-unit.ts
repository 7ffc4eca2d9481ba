/**
 * Routes of the public results site (CNC: HTML rendered by the API so it reads without JavaScript;
 * shared/app/public-site/html.ts says why), one module per page: anonymous visitors meet cold
 * starts most, and each page constructs only its own schemas (measured: 5-9 ms of CPU at import
 * per page against one module for the three). This one: a unit's history.
 */
import { publicUnitParams } from '../schemas/api/results-insights.ts';
import type { RouteDefinition } from './definition.ts';

export const publicUnitRoutes = {
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
