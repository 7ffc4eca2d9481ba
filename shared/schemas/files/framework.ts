/**
 * The shape of a criteria framework (DESIGN §3.4). Structural rules that need the whole tree
 * (parent maximum = sum of children, unique codes) live in `shared/domain/framework.ts`.
 */
import { deferred } from '../zod.ts';
import * as z from 'zod/mini';
import { frameworkCode } from '../codes.ts';

import { unitTypeSchema } from '../unit-types.ts';

export { unitTypes, unitTypeSchema, type UnitType } from '../unit-types.ts';

const points = deferred(() => z.number().check(z.nonnegative()));
const code = frameworkCode();

export const tierSchema = deferred(() => z.strictObject({ min: z.number(), points }));

export const ruleSchema = deferred(() =>
  z.discriminatedUnion('kind', [
    z.strictObject({
      kind: z.literal('tiers'),
      figure: z.string().check(z.minLength(1), z.maxLength(300)),
      tiers: z.array(tierSchema).check(z.minLength(1)),
    }),
    z.strictObject({ kind: z.literal('boolean'), figure: z.optional(z.string().check(z.minLength(1), z.maxLength(300))) }),
    z.strictObject({ kind: z.literal('manual'), step: z.optional(z.number().check(z.positive())) }),
  ]),
);
export type Rule = z.infer<typeof ruleSchema>;

export const leafSchema = deferred(() =>
  z.strictObject({
    code,
    name: z.string().check(z.minLength(1), z.maxLength(1000)),
    maxPoints: points,
    method: z.enum(['self', 'survey']),
    rule: z.optional(ruleSchema),
    evidenceRequired: z.optional(z.boolean()),
  }),
);
export type Leaf = z.infer<typeof leafSchema>;

export interface GroupNode {
  code: string;
  name: string;
  maxPoints: number;
  items: FrameworkNode[];
}
export type FrameworkNode = Leaf | GroupNode;

export const nodeSchema: z.ZodMiniType<FrameworkNode> = deferred(() =>
  z
    .lazy(() =>
      z.union([
        leafSchema,
        z.strictObject({
          code,
          name: z.string().check(z.minLength(1), z.maxLength(1000)),
          maxPoints: points,
          items: z.array(nodeSchema).check(z.minLength(1)),
        }),
      ]),
    )
    .register(z.globalRegistry, { id: 'FrameworkNode' }),
);

export const areaSchema = deferred(() =>
  z.strictObject({
    code,
    name: z.string().check(z.minLength(1), z.maxLength(1000)),
    maxPoints: points,
    items: z.array(nodeSchema).check(z.minLength(1)),
  }),
);
export type Area = z.infer<typeof areaSchema>;

export const adjustmentSchema = deferred(() =>
  z.strictObject({
    code: z.string().check(z.regex(/^[A-Z][A-Z0-9]*$/, 'must be an upper-case code such as "P1"')),
    kind: z.enum(['bonus', 'penalty']),
    name: z.string().check(z.minLength(1), z.maxLength(1000)),
    maxPoints: points,
  }),
);

export const bandSchema = deferred(() =>
  z.strictObject({
    label: z.string().check(z.minLength(1), z.maxLength(100)),
    min: z.number().check(z.gte(0), z.lte(100)),
  }),
);

/**
 * The crosswalk to the version this framework replaces (year-over-year comparison of areas):
 * each area code of this framework → the previous version's area code(s) it continues, or null for
 * an area with no counterpart. An area not listed is not comparable; codes are never matched silently.
 */
export const crosswalkSchema = deferred(() =>
  z.strictObject({
    frameworkId: z.string().check(z.regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'must be letters, digits, ".", "_" or "-"')),
    areas: z.record(code, z.union([code, z.array(code).check(z.minLength(1)), z.null()])),
  }),
);
export type Crosswalk = z.infer<typeof crosswalkSchema>;

export const frameworkSchema = deferred(() =>
  z
    .strictObject({
      id: z.string().check(z.regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'must be letters, digits, ".", "_" or "-"')),
      name: z.string().check(z.minLength(1), z.maxLength(500)),
      unitType: unitTypeSchema,
      status: z.optional(z.string().check(z.maxLength(1000))),
      maxTotal: points,
      areas: z.array(areaSchema).check(z.minLength(1)),
      adjustments: z._default(z.array(adjustmentSchema), []),
      bands: z.array(bandSchema).check(z.minLength(1)),
      predecessor: z.optional(crosswalkSchema),
    })
    .register(z.globalRegistry, { id: 'Framework' }),
);
export type Framework = z.infer<typeof frameworkSchema>;

/** PUT body: the framework, and the version read when it replaces an existing one (optimistic locking). */
export const putFrameworkBody = deferred(() =>
  z.extend(frameworkSchema, { expectedVersion: z.optional(z.number().check(z.int(), z.gte(1))) }),
);
export type FrameworkInput = z.input<typeof frameworkSchema>;

export function isLeaf(node: FrameworkNode): node is Leaf {
  return 'method' in node;
}
