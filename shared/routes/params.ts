/** Path parameters that routes of several areas share. */
import { deferred } from '../schemas/zod.ts';
import * as z from 'zod/mini';
import { yearParam } from '../schemas/api/common.ts';

export const yearOnly = deferred(() => z.strictObject({ year: yearParam }));
