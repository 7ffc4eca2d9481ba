/** Path parameters that routes of several areas share. */
import * as z from 'zod/mini';
import { yearParam } from '../schemas/api/common.ts';

export const yearOnly = z.strictObject({ year: yearParam });
