/** Routes of one area. The unit registry: list, read, create or update a unit. */
import { listUnitsQuery, putUnitBody, unitListSchema, unitParams, unitSchema } from '../schemas/domain/units.ts';
import type { RouteDefinition } from './definition.ts';

export const unitRoutes = {
  listUnits: {
    method: 'GET',
    path: '/v1/units',
    handler: 'functions/units/list-units.ts',
    access: 'signed-in',
    summary: 'Unit registry, filtered by type and parent',
    query: listUnitsQuery,
    success: { status: 200, schema: unitListSchema },
  },
  getUnit: {
    method: 'GET',
    path: '/v1/units/{unitId}',
    handler: 'functions/units/get-unit.ts',
    access: 'signed-in',
    summary: 'One unit',
    params: unitParams,
    success: { status: 200, schema: unitSchema },
  },
  putUnit: {
    method: 'PUT',
    path: '/v1/units/{unitId}',
    handler: 'functions/units/put-unit.ts',
    access: ['admin'],
    summary: 'Create or update a unit',
    params: unitParams,
    body: putUnitBody,
    success: { status: 200, schema: unitSchema },
    idempotent: true,
  },
} as const satisfies Record<string, RouteDefinition>;
