/**
 * The four unit types, apart from the framework schema: the registry, the stores and most routes
 * need only these, and importing shared/schemas/files/framework.ts would construct the whole
 * framework tree schema at every cold start (issue 15).
 */
import { deferred } from './zod.ts';
import * as z from 'zod/mini';

export const unitTypes = ['province', 'department', 'district', 'commune'] as const;
export const unitTypeSchema = deferred(() => z.enum(unitTypes));
export type UnitType = z.infer<typeof unitTypeSchema>;
