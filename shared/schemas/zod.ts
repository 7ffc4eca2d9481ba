/**
 * The one zod import of the project. Plain zod, imported as a namespace so the bundler keeps only
 * the validators a function uses (no locale tables, no OpenAPI extension at run time). Named
 * schemas carry `.meta({ id })`, which zod keeps in its global registry and which
 * zod-to-openapi reads as the component name when shared/openapi.ts builds the document (local
 * runtime, tests and `npm run openapi` only).
 */
import * as z from 'zod';

// No `export { z }`: re-exporting the namespace keeps all of zod (~450 KB) in every bundle; import `* as z from 'zod'`.

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
