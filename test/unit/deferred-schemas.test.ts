/**
 * Module-level schemas are built on first use (`deferred` in shared/schemas/zod.ts): a schema
 * written as a plain top-level `const x = z....` in the schema or entity modules would be built by
 * every function that imports its module (README "Bundles and cost"). And a deferred schema is the
 * schema: it parses, composes and reports its registry id like the one it wraps.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { builtSchema, deferred } from '../../shared/schemas/zod.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const folders = ['shared/schemas', 'shared/store/entities'];
const filesUnder = (dir: string): string[] =>
  readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );

/** `z` at the root of a call chain such as `z.string().check(...)`. */
function rootIsZ(e: ts.Expression): boolean {
  while (ts.isCallExpression(e) || ts.isPropertyAccessExpression(e) || ts.isNonNullExpression(e)) e = e.expression;
  return ts.isIdentifier(e) && e.text === 'z';
}

describe('module-level schemas', () => {
  it('are declared deferred in the schema and entity modules', () => {
    const eager: string[] = [];
    for (const file of folders.flatMap(filesUnder)) {
      const sf = ts.createSourceFile(file, readFileSync(join(root, file), 'utf8'), ts.ScriptTarget.Latest, true);
      for (const st of sf.statements) {
        if (!ts.isVariableStatement(st)) continue;
        for (const d of st.declarationList.declarations) {
          if (d.initializer && ts.isCallExpression(d.initializer) && rootIsZ(d.initializer)) {
            eager.push(`${relative(root, join(root, file))}: ${d.name.getText(sf)}`);
          }
        }
      }
    }
    expect(eager).toEqual([]);
  });

  it('build once, on first use, and behave as the schema they wrap', () => {
    let builds = 0;
    const item = deferred(() => {
      builds++;
      return z.strictObject({ code: z.string().check(z.minLength(1)) }).register(z.globalRegistry, { id: 'DeferredProbe' });
    });
    const list = z.array(item); // composing does not build it
    expect(builds).toBe(0);
    expect(z.safeParse(list, [{ code: 'a' }]).success).toBe(true);
    expect(z.safeParse(list, [{ code: '' }]).error?.issues[0]?.path).toEqual([0, 'code']);
    expect(item.parse({ code: 'b' })).toEqual({ code: 'b' });
    expect(builds).toBe(1);
    expect('_zod' in item).toBe(true);
    expect(z.globalRegistry.get(builtSchema(item))).toEqual({ id: 'DeferredProbe' });
    expect(builtSchema(item)).not.toBe(item);
    expect(builtSchema(list)).toBe(list);
  });
});
