import { deferred } from '../zod.ts';
import { errorCodes, type ErrorCode } from '../../domain/errors.ts';
import * as z from 'zod/mini';
import { cycleYears } from '../../domain/cycle-years.ts';

/** RFC 9457 problem details, with the validation errors that name the field and the rule. */
export const problemSchema = deferred(() =>
  z
    .object({
      type: z.string(),
      title: z.string(),
      status: z.number().check(z.int()),
      code: z
        .enum(Object.keys(errorCodes) as [ErrorCode, ...ErrorCode[]])
        .register(z.globalRegistry, { description: 'stable machine-readable code (README: Problem codes)' }),
      detail: z.optional(z.string()),
      instance: z.optional(z.string()),
      errors: z.optional(z.array(z.object({ path: z.string(), message: z.string() }))),
    })
    .register(z.globalRegistry, { id: 'Problem' }),
);
export type Problem = z.infer<typeof problemSchema>;

/**
 * A whole number written canonically in a path or query string: `2026`, never `2026.0`, `02026`,
 * ` 2026`, `2e3` or `0x7ea` (coercion would read them all as a number and let one resource have
 * many names). Accepts a number too, for callers that already parsed one.
 */
export const canonicalInt = (min: number, max: number, what = 'a whole number') =>
  z.pipe(
    z.pipe(
      z.union([
        z.string().check(z.regex(/^(0|[1-9][0-9]{0,8})$/, `must be ${what} written in digits, without leading zeros`)),
        z.number().check(z.int()),
      ]),
      z.transform(Number),
    ),
    z.number().check(z.int(), z.gte(min, `must be ${min} or more`), z.lte(max, `must be ${max} or less`)),
  );

export const yearParam = canonicalInt(cycleYears.first, cycleYears.last, 'a year');

/** Optimistic locking: the version the client last read; a mismatch answers 409. */
export const expectedVersion = deferred(() => z.optional(z.number().check(z.int(), z.gte(0))));
