/** Routes of one area. Computation, approval and publication (DESIGN §3.2, §3.4). */
import {
  approveBody,
  draftSchema,
  publicResultsQuery,
  publicationSchema,
  reportsSchema,
  resultsParams,
  resultsQuery,
} from '../schemas/api/results-api.ts';
import type { RouteDefinition } from './definition.ts';

export const resultRoutes = {
  computeResults: {
    method: 'POST',
    path: '/v1/cycles/{year}/results/compute',
    handler: 'functions/results/compute-results.ts',
    // CNL: a council computes its own draft (a district council its communes); the admin every council's.
    access: ['admin', 'council'],
    summary: 'Compute (draft) results from appraised and survey scores, per council; may be rerun until approval',
    params: resultsParams,
    success: { status: 200, schema: draftSchema },
    size: 'large',
    idempotent: true,
  },
  getResults: {
    method: 'GET',
    path: '/v1/cycles/{year}/results',
    handler: 'functions/results/get-results.ts',
    access: ['admin', 'council'],
    summary: 'Draft results with rank, band and area sub-indexes',
    params: resultsParams,
    query: resultsQuery,
    success: { status: 200, schema: draftSchema },
  },
  approveResults: {
    method: 'POST',
    path: '/v1/cycles/{year}/results/approve',
    handler: 'functions/results/approve-results.ts',
    access: ['council'],
    summary: 'Approve the draft the council read and publish it: immutable reports (JSON, CSV, XLSX, HTML)',
    params: resultsParams,
    body: approveBody,
    success: { status: 200, schema: reportsSchema },
    idempotent: true,
    buckets: [{ id: 'reports', access: 'write' }],
    size: 'large',
  },
  publicResults: {
    method: 'GET',
    path: '/v1/public/results/{year}',
    handler: 'functions/results/public-results.ts',
    access: 'public',
    summary: 'Published results (every council publication of the year; each unit names the decision that published it)',
    params: resultsParams,
    query: publicResultsQuery,
    success: { status: 200, schema: publicationSchema },
  },
  publicReports: {
    method: 'GET',
    path: '/v1/public/results/{year}/reports',
    handler: 'functions/results/public-reports.ts',
    access: 'public',
    summary: 'The published report files with their SHA-256 checksums and download links',
    params: resultsParams,
    success: { status: 200, schema: reportsSchema },
    buckets: [{ id: 'reports', access: 'read' }],
  },
} as const satisfies Record<string, RouteDefinition>;
