import { newCycle } from '../../domain/cycle.ts';
import { fail } from '../../domain/errors.ts';
import type { Caller } from '../../domain/roles.ts';
import type { Cycle, CycleBody } from '../../schemas/domain/cycles.ts';
import { unitInYear } from '../../domain/registry-changes.ts';
import { snapshotOf } from '../../store/entities/cycle-unit.ts';
import { cycleErrors } from './cycle-checks.ts';
import { carryOverSurveys, type SurveyToDefine } from './survey-carry-over.ts';
import { cyclesStores, type CyclesStores } from './stores.ts';

/**
 * Opens a cycle (phase `open`), freezing its frameworks and the registry of the unit types it
 * assesses (later registry changes apply to cycles opened afterwards); a second cycle for the
 * year is CYCLE_EXISTS. The previous cycle's surveys are carried over where they still fit;
 * the answer lists those the admin still has to define.
 */
export async function createCycle(
  caller: Caller,
  input: CycleBody,
  stores: CyclesStores = cyclesStores,
): Promise<Cycle & { surveysToDefine: SurveyToDefine[] }> {
  const errors = await cycleErrors(input, stores);
  if (errors.length > 0) throw fail.invalid(errors);
  const cycle = newCycle(input);
  const { copies, toDefine } = await carryOverSurveys(cycle, stores);
  const opened = await stores.createCycle(caller, cycle, { registry: await cycleSnapshot(cycle, stores), surveys: copies });
  return { ...opened, surveysToDefine: toDefine };
}

/**
 * The live registry as the cycle will see it: the assessed types, each with its parent's type,
 * only units within their years (retired and merged ones end at `validTo`; past cycles keep them).
 */
export async function cycleSnapshot(cycle: Pick<Cycle, 'year' | 'frameworks'>, stores: Pick<CyclesStores, 'listUnits'>) {
  const assessed = new Set(Object.keys(cycle.frameworks));
  const units = await stores.listUnits({});
  const inYear = new Set(units.filter((u) => unitInYear(u, cycle.year)).map((u) => u.id));
  return snapshotOf(units).filter((u) => assessed.has(u.type) && inYear.has(u.id));
}
