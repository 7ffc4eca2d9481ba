/**
 * Routes of one area. Registry changes (REG): bulk import with a dry run, retire and merge, a cycle's
 * own registry.
 */
import { yearOnly } from './params.ts';
import {
  cycleRegistrySchema,
  refreshRegistryBody,
  registryImportBody,
  registryImportReportSchema,
  registryRefreshSchema,
  retireUnitBody,
} from '../schemas/api/registry-api.ts';
import { unitParams } from '../schemas/domain/units.ts';
import type { RouteDefinition } from './definition.ts';

export const registryRoutes = {
  importRegistry: {
    method: 'POST',
    path: '/v1/registry/imports',
    handler: 'functions/registry/import-registry.ts',
    access: ['admin'],
    summary:
      'Bulk registry import (CSV or XLSX, base64): the dry-run report, or the changes applied (all or nothing if any row has a problem)',
    body: registryImportBody,
    success: { status: 200, schema: registryImportReportSchema },
    idempotent: true,
    size: 'large',
  },
  retireUnit: {
    method: 'POST',
    path: '/v1/units/{unitId}/retire',
    handler: 'functions/registry/retire-unit.ts',
    access: ['admin'],
    summary: 'Retire a unit after its last year, or merge it into a successor (it keeps its id and history)',
    params: unitParams,
    body: retireUnitBody,
    success: { status: 200, schema: registryImportReportSchema },
    idempotent: true,
  },
  getCycleRegistry: {
    method: 'GET',
    path: '/v1/cycles/{year}/registry',
    handler: 'functions/registry/get-cycle-registry.ts',
    access: ['admin', 'council'],
    summary: 'The units cycle {year} assesses, as it froze them (or the live registry for a cycle opened before snapshots)',
    params: yearOnly,
    success: { status: 200, schema: cycleRegistrySchema },
  },
  refreshCycleRegistry: {
    method: 'POST',
    path: '/v1/cycles/{year}/registry/refresh',
    handler: 'functions/registry/refresh-cycle-registry.ts',
    access: ['admin'],
    summary: "Re-derive an open cycle's registry from the live one (audited); answers what was added, removed and changed",
    params: yearOnly,
    body: refreshRegistryBody,
    success: { status: 200, schema: registryRefreshSchema },
    idempotent: true,
  },
} as const satisfies Record<string, RouteDefinition>;
