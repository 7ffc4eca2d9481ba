/**
 * The cycle's registry: the units a cycle assesses, frozen when it opens, in the cycle's partition.
 *
 * Why a snapshot rather than effective-dated unit versions: a cycle needs exactly one answer to
 * "who is this unit's parent" for its whole life, and readers (scope checks on every request,
 * worklists, results) want it in one Query without a date to resolve. Effective dating would make
 * every read pick a version by the cycle's date and let a back-dated registry edit change a past
 * year; a snapshot cannot change once written. The cost (~185 small units copied per year) is trivial.
 *
 * Units are stored in chunks (`REGISTRY#000`, ...) so the whole snapshot goes into the cycle's own
 * opening transaction (at most 100 items): a cycle never exists half-frozen.
 */
import { deferred } from '../../schemas/zod.ts';
import { unitTypeSchema, type UnitType } from '../../schemas/unit-types.ts';
import * as z from 'zod/mini';

export const cycleUnitSchema = deferred(() =>
  z.object({
    id: z.string(),
    type: unitTypeSchema,
    name: z.string(),
    parentId: z.optional(z.string()),
    /** The parent's type at opening: a commune under the province (no district level) is the province's to appraise. */
    parentType: z.optional(unitTypeSchema),
  }),
);
export type CycleUnit = z.infer<typeof cycleUnitSchema>;

/** Units per chunk item: ~100 bytes each keeps a chunk far below DynamoDB's 400 KB item limit. */
export const unitsPerChunk = 500;

export const cycleUnitKeys = {
  chunk: (year: number, index: number) => ({ pk: `CYCLE#${year}`, sk: `REGISTRY#${String(index).padStart(3, '0')}` }),
  prefix: 'REGISTRY#',
} as const;

export function cycleUnitChunks(year: number, units: readonly CycleUnit[]): Record<string, unknown>[] {
  const items: Record<string, unknown>[] = [];
  for (let i = 0; i * unitsPerChunk < units.length; i++) {
    const chunk = units.slice(i * unitsPerChunk, (i + 1) * unitsPerChunk);
    items.push({ ...cycleUnitKeys.chunk(year, i), entity: 'cycle-registry', year, units: chunk });
  }
  return items;
}

export function cycleUnitsFromChunks(items: readonly Record<string, unknown>[]): CycleUnit[] {
  return items.flatMap((item) => z.array(cycleUnitSchema).parse(item.units));
}

/** The snapshot of a live registry: each unit with its parent's type. */
export function snapshotOf(units: readonly { id: string; type: UnitType; name: string; parentId?: string }[]): CycleUnit[] {
  const byId = new Map(units.map((u) => [u.id, u]));
  return units.map((u) => {
    const parentType = u.parentId ? byId.get(u.parentId)?.type : undefined;
    return {
      id: u.id,
      type: u.type,
      name: u.name,
      ...(u.parentId ? { parentId: u.parentId } : {}),
      ...(parentType ? { parentType } : {}),
    };
  });
}
