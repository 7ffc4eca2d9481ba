import { errorCodes, type ErrorCode } from '../../domain/errors.ts';
import * as z from 'zod';
import { cycleYears } from '../../domain/cycle-years.ts';

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

/**
 * A whole number written canonically in a path or query string: `2026`, never `2026.0`, `02026`,
 * ` 2026`, `2e3` or `0x7ea` (coercion would read them all as a number and let one resource have
 * many names). Accepts a number too, for callers that already parsed one.
 */
export const canonicalInt = (min: number, max: number, what = 'a whole number') =>
  z
    .union([z.string().regex(/^(0|[1-9][0-9]{0,8})$/, `must be ${what} written in digits, without leading zeros`), z.number().int()])
    .transform(Number)
    .pipe(z.number().int().min(min, `must be ${min} or more`).max(max, `must be ${max} or less`));

export const yearParam = canonicalInt(cycleYears.first, cycleYears.last, 'a year');

/** Optimistic locking: the version the client last read; a mismatch answers 409. */
export const expectedVersion = z.number().int().min(0).optional();
