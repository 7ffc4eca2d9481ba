/**
 * Routes of one area. Province (PRV): the province's own assessment, its export in the Ministry's
 * form, the Ministry's score.
 */
import {
  ministryExportQuery,
  ministryExportSchema,
  ministryScoreSchema,
  provinceParams,
  putMinistryScoreBody,
} from '../schemas/api/province.ts';
import type { RouteDefinition } from './definition.ts';

export const provinceRoutes = {
  ministryExport: {
    method: 'GET',
    path: '/v1/cycles/{year}/units/{unitId}/ministry-export',
    handler: 'functions/province/ministry-export.ts',
    access: 'signed-in',
    summary: "The province's assessment in the Ministry's form with the evidence per leaf (XLSX base64, or print-ready HTML)",
    params: provinceParams,
    query: ministryExportQuery,
    success: { status: 200, schema: ministryExportSchema },
    size: 'large',
  },
  getMinistryScore: {
    method: 'GET',
    path: '/v1/cycles/{year}/units/{unitId}/ministry-score',
    handler: 'functions/province/get-ministry-score.ts',
    access: 'signed-in',
    summary: "The Ministry's score of the province's assessment beside the self scores, per area and in total",
    params: provinceParams,
    success: { status: 200, schema: ministryScoreSchema },
  },
  putMinistryScore: {
    method: 'PUT',
    path: '/v1/cycles/{year}/units/{unitId}/ministry-score',
    handler: 'functions/province/put-ministry-score.ts',
    access: ['admin', 'unit'],
    summary: "Record the Ministry's score (per leaf, or per area with the total): admin or the coordinator, audited",
    params: provinceParams,
    body: putMinistryScoreBody,
    success: { status: 200, schema: ministryScoreSchema },
    idempotent: true,
  },
} as const satisfies Record<string, RouteDefinition>;
