/**
 * A record from user input that takes only ordinary own keys: `__proto__`, `constructor` and
 * `prototype` are refused before the record is built (zod's record silently drops `__proto__`,
 * which turned an exemption list with that key into "no exemptions").
 */
import * as z from 'zod/mini';

const inheritedNames = new Set(['__proto__', 'constructor', 'prototype']);

export function ownRecord<K extends z.core.$ZodRecordKey, V extends z.ZodMiniType>(key: K, value: V) {
  return z.pipe(
    z.transform((input, ctx) => {
      if (input && typeof input === 'object' && !Array.isArray(input)) {
        for (const name of Object.keys(input)) {
          if (inheritedNames.has(name))
            ctx.issues.push({ code: 'custom', message: `"${name}" is not allowed as a key`, path: [name], input });
        }
      }
      return input;
    }),
    z.record(key, value),
  );
}
