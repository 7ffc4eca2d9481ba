/**
 * The explicit, audited admin action that re-derives an OPEN cycle's registry from the live one
 * (issue 11 item 1): units added, removed (retired, merged, out of their years) or moved since the
 * cycle opened. Only while the cycle is open: once appraisal starts, who appraises whom is settled.
 * Assessments of removed units stay stored; the cycle no longer serves them (404).
 */
import { fail } from '../../domain/errors.ts';
import type { Caller } from '../../domain/roles.ts';
import type { Cycle } from '../../schemas/domain/cycles.ts';
import { replaceCycleRegistry } from '../../store/cycle-registry-store.ts';
import { getCycle, getCycleRegistry } from '../../store/cycles-store.ts';
import { unitsPerChunk, type CycleUnit } from '../../store/entities/cycle-unit.ts';
import { listUnits } from '../../store/units-store.ts';
import { cycleSnapshot } from './create-cycle.ts';

export interface RegistryDiff {
  added: CycleUnit[];
  removed: CycleUnit[];
  changed: { unitId: string; before: CycleUnit; after: CycleUnit }[];
}

export interface RefreshStores {
  getCycle: typeof getCycle;
  getCycleRegistry: typeof getCycleRegistry;
  listUnits: typeof listUnits;
  replaceCycleRegistry: typeof replaceCycleRegistry;
}

const defaults: RefreshStores = { getCycle, getCycleRegistry, listUnits, replaceCycleRegistry };

const same = (a: CycleUnit, b: CycleUnit) =>
  a.type === b.type && a.name === b.name && a.parentId === b.parentId && a.parentType === b.parentType;

export function registryDiff(before: readonly CycleUnit[], after: readonly CycleUnit[]): RegistryDiff {
  const old = new Map(before.map((u) => [u.id, u]));
  const next = new Map(after.map((u) => [u.id, u]));
  return {
    added: after.filter((u) => !old.has(u.id)),
    removed: before.filter((u) => !next.has(u.id)),
    changed: after.flatMap((u) => {
      const was = old.get(u.id);
      return was && !same(was, u) ? [{ unitId: u.id, before: was, after: u }] : [];
    }),
  };
}

export async function refreshCycleRegistry(
  caller: Caller,
  input: { year: number; expectedVersion: number; reason?: string },
  stores: RefreshStores = defaults,
): Promise<{ cycle: Cycle } & RegistryDiff> {
  const cycle = await stores.getCycle(input.year);
  if (!cycle) throw fail.notFound(`cycle ${input.year} does not exist`, 'CYCLE_NOT_FOUND');
  if (cycle.phase !== 'open') {
    throw fail.conflict('REGISTRY_FROZEN', `cycle ${cycle.year} is in phase ${cycle.phase}: its registry is settled`, {
      phase: cycle.phase,
    });
  }
  if (cycle.version !== input.expectedVersion) throw fail.versionConflict(`cycle ${cycle.year}`, cycle);
  const current = (await stores.getCycleRegistry(cycle.year)) ?? [];
  const registry = await cycleSnapshot(cycle, stores);
  const diff = registryDiff(current, registry);
  const after = { ...cycle, version: cycle.version + 1 };
  const previousChunks = Math.ceil(current.length / unitsPerChunk);
  await stores.replaceCycleRegistry(caller, { before: cycle, after, previousChunks, registry, diff, reason: input.reason });
  return { cycle: after, ...diff };
}
