/**
 * Routes of one area. ADM: the administrator's screens (issue 14 items 2 and 5): audit, framework
 * import, state and freeze, the pipeline.
 */
import * as z from 'zod/mini';
import { yearOnly } from './params.ts';
import {
  cycleAuditQuery,
  cycleAuditSchema,
  frameworkImportBody,
  frameworkImportSchema,
  frameworkStateSchema,
  freezeFrameworkBody,
  pipelineStatusSchema,
} from '../schemas/api/admin-api.ts';
import { idString } from '../schemas/zod.ts';
import type { RouteDefinition } from './definition.ts';

export const adminRoutes = {
  getCycleAudit: {
    method: 'GET',
    path: '/v1/cycles/{year}/audit',
    handler: 'functions/cycles/get-cycle-audit.ts',
    access: ['admin'],
    summary: "The cycle's audit events, newest first; with unitId, the changes to that unit's extension and exemptions",
    params: yearOnly,
    query: cycleAuditQuery,
    success: { status: 200, schema: cycleAuditSchema },
  },
  importFramework: {
    method: 'POST',
    path: '/v1/framework-imports',
    handler: 'functions/frameworks/import-framework.ts',
    access: ['admin'],
    summary: 'Read a framework annex (XLSX, base64): the framework it describes and the parse report; nothing is stored',
    body: frameworkImportBody,
    success: { status: 200, schema: frameworkImportSchema },
    size: 'large',
  },
  getFrameworkState: {
    method: 'GET',
    path: '/v1/frameworks/{frameworkId}/state',
    handler: 'functions/frameworks/get-framework-state.ts',
    access: ['admin'],
    summary: "A framework's version, the cycles that use it and when the admin froze it",
    params: z.strictObject({ frameworkId: idString }),
    success: { status: 200, schema: frameworkStateSchema },
  },
  freezeFramework: {
    method: 'POST',
    path: '/v1/frameworks/{frameworkId}/freeze',
    handler: 'functions/frameworks/freeze-framework.ts',
    access: ['admin'],
    summary: 'Freeze a framework (never replaced after; audited): needs the version read',
    params: z.strictObject({ frameworkId: idString }),
    body: freezeFrameworkBody,
    success: { status: 200, schema: frameworkStateSchema },
    idempotent: true,
  },
  getPipelineStatus: {
    method: 'GET',
    path: '/v1/cycles/{year}/pipeline',
    handler: 'functions/cycles/get-pipeline.ts',
    access: ['admin'],
    summary: "The yearly pipeline: the execution's state and history, the steps recorded, the failure with its reason",
    params: yearOnly,
    success: { status: 200, schema: pipelineStatusSchema },
  },
} as const satisfies Record<string, RouteDefinition>;
