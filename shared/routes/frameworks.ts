/** Routes of one area. Criteria frameworks: read, create or replace. */
import * as z from 'zod/mini';
import { frameworkSchema, putFrameworkBody } from '../schemas/files/framework.ts';
import { idString } from '../schemas/zod.ts';
import type { RouteDefinition } from './definition.ts';

export const frameworkRoutes = {
  getFramework: {
    method: 'GET',
    path: '/v1/frameworks/{frameworkId}',
    handler: 'functions/frameworks/get-framework.ts',
    access: 'signed-in',
    summary: 'A criteria framework',
    params: z.strictObject({ frameworkId: idString }),
    success: { status: 200, schema: frameworkSchema },
  },
  putFramework: {
    method: 'PUT',
    path: '/v1/frameworks/{frameworkId}',
    handler: 'functions/frameworks/put-framework.ts',
    access: ['admin'],
    summary: 'Create or replace a framework; refused (409) once a cycle uses it',
    params: z.strictObject({ frameworkId: idString }),
    body: putFrameworkBody,
    success: { status: 200, schema: frameworkSchema },
    idempotent: true,
  },
} as const satisfies Record<string, RouteDefinition>;
