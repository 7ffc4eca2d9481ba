/**
 * The one zod instance of the project, extended with `.openapi()` before any schema is built
 * (zod-to-openapi throws "openapi is not a function" otherwise). Every schema imports z from here.
 */
import { extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';

extendZodWithOpenApi(z);

export { z };

/** Text from users: NFC-normalised so that composed and decomposed Vietnamese compare equal. */
export const nfcText = (min = 1, max = 500) =>
  z
    .string()
    .transform((s) => s.normalize('NFC').trim())
    .pipe(z.string().min(min).max(max));

/** Codes and ids: ASCII, no spaces, safe in keys and URLs. */
export const idString = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'must be letters, digits, ".", "_" or "-"');
