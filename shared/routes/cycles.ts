/** Routes of one area. Yearly cycles: open one, read it, change its deadlines, exemptions or phase. */
import { yearOnly } from './params.ts';
import { cycleBody, cycleOpenedSchema, cycleSchema, patchCycleBody } from '../schemas/domain/cycles.ts';
import type { RouteDefinition } from './definition.ts';

export const cycleRoutes = {
  createCycle: {
    method: 'POST',
    path: '/v1/cycles',
    handler: 'functions/cycles/create-cycle.ts',
    access: ['admin'],
    summary: 'Open a cycle: year, framework per unit type, deadlines',
    body: cycleBody,
    success: { status: 201, schema: cycleOpenedSchema },
    idempotent: true,
  },
  getCycle: {
    method: 'GET',
    path: '/v1/cycles/{year}',
    handler: 'functions/cycles/get-cycle.ts',
    access: 'signed-in',
    summary: 'A cycle, its phase and deadlines',
    params: yearOnly,
    success: { status: 200, schema: cycleSchema },
  },
  patchCycle: {
    method: 'PATCH',
    path: '/v1/cycles/{year}',
    handler: 'functions/cycles/patch-cycle.ts',
    access: ['admin'],
    summary: 'Change deadlines, exemptions or phase (audited)',
    params: yearOnly,
    body: patchCycleBody,
    success: { status: 200, schema: cycleSchema },
    idempotent: true,
  },
} as const satisfies Record<string, RouteDefinition>;
