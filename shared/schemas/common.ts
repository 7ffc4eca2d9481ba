import { errorCodes, type ErrorCode } from '../domain/errors.ts';
import * as z from 'zod';

/** RFC 9457 problem details, with the validation errors that name the field and the rule. */
export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.enum(Object.keys(errorCodes) as [ErrorCode, ...ErrorCode[]]).describe('stable machine-readable code (README: Problem codes)'),
    detail: z.string().optional(),
    instance: z.string().optional(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: 'Problem' });
export type Problem = z.infer<typeof problemSchema>;

export const yearParam = z.coerce
  .number()
  .int('must be a whole year')
  .min(2000, 'must be 2000 or later')
  .max(2100, 'must be 2100 or earlier');

/** Optimistic locking: the version the client last read; a mismatch answers 409. */
export const expectedVersion = z.number().int().min(0).optional();
