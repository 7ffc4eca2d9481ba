/**
 * Routes of the public results site (CNC: HTML rendered by the API so it reads without JavaScript;
 * shared/app/public-site/html.ts says why), one module per page: anonymous visitors meet cold
 * starts most, and each page constructs only its own schemas (measured: 5-9 ms of CPU at import
 * per page against one module for the three). This one: the start page (the published years); it reads no
 * parameter, so it constructs no schema.
 */
import type { RouteDefinition } from './definition.ts';

export const publicHomeRoutes = {
  publicSiteHome: {
    method: 'GET',
    path: '/cong-khai',
    handler: 'functions/public-site/home.ts',
    access: 'public',
    summary: 'Public results site (HTML): the published years',
    success: { status: 200 },
  },
} as const satisfies Record<string, RouteDefinition>;
