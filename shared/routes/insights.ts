/**
 * Routes of one area. Results that explain themselves (issue 12): the trace of one unit, published
 * years, a unit's history, open data.
 */
import { resultsParams } from '../schemas/api/results-api.ts';
import {
  explanationSchema,
  openDataSchema,
  publicUnitParams,
  publishedYearsSchema,
  unitHistorySchema,
  unitResultParams,
} from '../schemas/api/results-insights.ts';
import type { RouteDefinition } from './definition.ts';

export const insightRoutes = {
  explainUnitResult: {
    method: 'GET',
    path: '/v1/cycles/{year}/results/units/{unitId}/explanation',
    handler: 'functions/results/explain-result.ts',
    access: ['admin', 'council'],
    summary:
      "A unit's computation trace: leaves, appraisal rounds, survey ratios, exemptions, areas, rank with its ties, what lifts it to the next band",
    params: unitResultParams,
    success: { status: 200, schema: explanationSchema },
  },
  publicResultYears: {
    method: 'GET',
    path: '/v1/public/results',
    handler: 'functions/results/public-years.ts',
    access: 'public',
    summary: 'The years whose results are published',
    success: { status: 200, schema: publishedYearsSchema },
  },
  publicUnitHistory: {
    method: 'GET',
    path: '/v1/public/units/{unitId}/results',
    handler: 'functions/results/public-unit-history.ts',
    access: 'public',
    summary: "A unit's published results across the years (stable unit ids)",
    params: publicUnitParams,
    success: { status: 200, schema: unitHistorySchema },
  },
  publicOpenData: {
    method: 'GET',
    path: '/v1/public/results/{year}/open-data',
    handler: 'functions/results/public-open-data.ts',
    access: 'public',
    summary: 'The machine-readable bundle of a published year: one record per unit and the data dictionary',
    params: resultsParams,
    success: { status: 200, schema: openDataSchema },
  },
} as const satisfies Record<string, RouteDefinition>;
