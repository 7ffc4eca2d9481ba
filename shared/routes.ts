/**
 * The one route table: read by the CDK api stack (one function per route), the local HTTP
 * adapter, the OpenAPI generator and the tests. Each route is declared once, in its area's module
 * (shared/routes/<area>.ts); a handler imports only its own area, so that it constructs the
 * schemas of its own routes and not those of the whole API (issue 15; test/infra/bundle.test.ts
 * asserts no function bundle includes this file). A route names its handler module by path;
 * nothing here imports handler code.
 */
import { problemSchema } from './schemas/api/common.ts';
import { adminRoutes } from './routes/admin.ts';
import { appraisalRoutes } from './routes/appraisal.ts';
import { assessmentRoutes } from './routes/assessment.ts';
import { cycleRoutes } from './routes/cycles.ts';
import type { RouteDefinition } from './routes/definition.ts';
import { frameworkRoutes } from './routes/frameworks.ts';
import { insightRoutes } from './routes/insights.ts';
import { provinceRoutes } from './routes/province.ts';
import { publicHomeRoutes } from './routes/public-home.ts';
import { publicUnitRoutes } from './routes/public-unit.ts';
import { publicYearRoutes } from './routes/public-year.ts';
import { registryRoutes } from './routes/registry.ts';
import { resultRoutes } from './routes/results.ts';
import { surveyDeskRoutes } from './routes/survey-desk.ts';
import { surveyRoutes } from './routes/surveys.ts';
import { unitRoutes } from './routes/units.ts';

export type { Access, HttpMethod, RouteDefinition } from './routes/definition.ts';

// In the order the table had before the split (OpenAPI, the console's types and the CDK read it in order).
export const routes = {
  ...unitRoutes,
  ...frameworkRoutes,
  ...cycleRoutes,
  ...assessmentRoutes,
  ...appraisalRoutes,
  ...surveyRoutes,
  ...resultRoutes,
  ...insightRoutes,
  ...registryRoutes,
  ...publicHomeRoutes,
  ...publicYearRoutes,
  ...publicUnitRoutes,
  ...surveyDeskRoutes,
  ...provinceRoutes,
  ...adminRoutes,
} as const satisfies Record<string, RouteDefinition>;

export type RouteId = keyof typeof routes;

export const routeList: readonly (RouteDefinition & { readonly id: RouteId })[] = (
  Object.entries(routes) as [RouteId, RouteDefinition][]
).map(([id, route]) => ({ id, ...route }));

export { problemSchema };
