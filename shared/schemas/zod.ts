/**
 * The one shared zod module. Schemas are written with zod/mini (`import * as z from 'zod/mini'`):
 * functions instead of methods, so a bundle carries only the validators it uses (classic zod put
 * ~98 KB and ~9 ms of import into every API handler). Named schemas are registered in
 * `z.globalRegistry` with an `id`, which shared/openapi.ts turns into components (local runtime,
 * tests and `npm run openapi` only).
 *
 * zod/mini loads no locale: without one every message is "Invalid input" and the API's
 * problem+json would no longer name the rule ("Too small: expected string to have >=1
 * characters"). English only (not `z.locales`, which is every language). Every function reaches
 * this module through the schemas that use `idString` or `nfcText`; test/infra/bundle.test.ts
 * fails a bundle that has zod without it.
 */
import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';

z.config(en());

// No `export { z }`: re-exporting the namespace keeps all of zod in every bundle; import `* as z from 'zod/mini'`.

/** Text from users: NFC-normalised so that composed and decomposed Vietnamese compare equal. */
export const nfcText = (min = 1, max = 500) =>
  z.pipe(
    z.pipe(
      z.string(),
      z.transform((s) => s.normalize('NFC').trim()),
    ),
    z.string().check(z.minLength(min), z.maxLength(max)),
  );

/** Codes and ids: ASCII, no spaces, safe in keys and URLs. */
export const idString = deferred(() =>
  z.string().check(z.minLength(1), z.maxLength(64), z.regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'must be letters, digits, ".", "_" or "-"')),
);

const builtOf = Symbol('deferred schema');

/**
 * A module-level schema that is constructed the first time anything touches it (parse, compose,
 * OpenAPI). Why: zod builds each schema eagerly (~7 µs for every node, and a module of API schemas
 * holds hundreds), and a function parses only its own route's requests and stored items; the rest
 * of its area's schemas (responses, other routes, other entities in the same modules) were built
 * on every cold start and never used. The proxy forwards everything to the built schema, so callers
 * and types see the schema itself; `builtSchema` gives the real object where identity matters
 * (the OpenAPI twins and the registry of named schemas).
 */
export function deferred<T extends object>(build: () => T): T {
  let built: T | undefined;
  const schema = () => (built ??= build());
  return new Proxy({} as T, {
    get: (_, key) => (key === builtOf ? schema() : Reflect.get(schema(), key)),
    has: (_, key) => Reflect.has(schema(), key),
    set: (_, key, value) => Reflect.set(schema(), key, value),
    getPrototypeOf: () => Reflect.getPrototypeOf(schema()),
    ownKeys: () => Reflect.ownKeys(schema()),
    // A proxy may not report a non-configurable property its (empty) target lacks.
    getOwnPropertyDescriptor: (_, key) => {
      const d = Reflect.getOwnPropertyDescriptor(schema(), key);
      return d && { ...d, configurable: true };
    },
    defineProperty: (_, key, d) => Reflect.defineProperty(schema(), key, d),
  });
}

/** The schema itself behind a `deferred` one (any other value as it is). */
export const builtSchema = <T>(value: T): T =>
  (typeof value === 'object' && value !== null && (value as Record<symbol, T>)[builtOf]) || value;
