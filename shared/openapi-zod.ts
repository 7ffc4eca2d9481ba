/**
 * The run-time schemas are zod/mini; zod-to-openapi reads classic zod (`.meta()`, `.unwrap()`,
 * `.format`, `.isOptional()`). Both share zod's core: a mini schema's `def` is a classic
 * schema's `def`, so each mini schema is re-created as its classic twin (same def, nested schemas
 * converted, checks shared) carrying the mini schema's metadata. Build time, local runtime and
 * tests only (shared/openapi.ts): no function bundle imports this file (test/infra/bundle.test.ts).
 */
import * as classic from 'zod';
import * as z from 'zod/mini';
import { builtSchema } from './schemas/zod.ts';

type AnySchema = z.core.$ZodType;
type Ctor = new (def: unknown) => AnySchema;

const twins = new WeakMap<AnySchema, AnySchema>();

const isSchema = (v: unknown): v is AnySchema =>
  typeof v === 'object' && v !== null && '_zod' in v && typeof (v as AnySchema)._zod.def?.type === 'string';

/** A def value: schemas become twins, arrays and plain objects (a shape) are mapped; checks stay. */
function convertValue(key: string, v: unknown): unknown {
  if (key === 'checks') return v;
  if (isSchema(v)) return toClassic(v);
  if (Array.isArray(v)) return v.map((x) => (isSchema(x) ? toClassic(x) : x));
  if (key === 'shape' && v && typeof v === 'object') {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, isSchema(x) ? toClassic(x) : x]));
  }
  if (key === 'getter' && typeof v === 'function') return () => toClassic((v as () => AnySchema)());
  return v;
}

function convertDef(def: object): object {
  const out = {};
  for (const [key, d] of Object.entries(Object.getOwnPropertyDescriptors(def))) {
    // Caches zod adds while parsing (a z.lazy's `_cachedInner`) are the twin's own to make.
    if (key.startsWith('_')) continue;
    // Getters (a default's value, an object's lazy shape) stay getters.
    if (d.get && key !== 'shape') Object.defineProperty(out, key, d);
    else {
      const value = convertValue(key, d.get ? d.get.call(def) : d.value);
      Object.defineProperty(out, key, { value, enumerable: d.enumerable, writable: true, configurable: true });
    }
  }
  return out;
}

/** The classic twin of a mini schema (memoised: a schema used twice has one twin). */
export function toClassic<S extends AnySchema>(deferredOrBuilt: S): classic.ZodType {
  const schema = builtSchema(deferredOrBuilt);
  const known = twins.get(schema);
  if (known) return known as classic.ZodType;
  const name = schema._zod.constr.name.replace(/^ZodMini/, 'Zod');
  const Twin = (classic as unknown as Record<string, Ctor | undefined>)[name];
  if (!Twin) throw new Error(`no classic zod class ${name} for OpenAPI`);
  const made = new Twin(convertDef(schema._zod.def)); // a recursive schema meets its twin through z.lazy's getter, later
  const meta = z.globalRegistry.get(schema);
  // Classic `.meta()` and `.check()` return a clone whose `_zod.parent` is the original, and
  // zod-to-openapi reads an `id` as a component name only on such a clone: the twin is one too.
  const twin = schema._zod.parent || meta ? (made as classic.ZodType).clone() : made;
  // zod-to-openapi asks `.meta()`; answering here leaves the global registry to the mini schemas.
  Object.defineProperty(twin, 'meta', { value: () => meta });
  twins.set(schema, twin);
  return twin as classic.ZodType;
}
