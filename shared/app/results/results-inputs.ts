/** Gathers what the council's computation needs for each unit type of a cycle. */
import { locallyAppraised } from '../../domain/province.ts';
import type { StoredItem } from '../../domain/assessment.ts';
import type { UnitInputs } from '../../domain/results-inputs.ts';
import { isDomainError } from '../../domain/errors.ts';
import type { Cycle } from '../../schemas/domain/cycles.ts';
import type { Framework, UnitType } from '../../schemas/files/framework.ts';
import { loadAssessment } from '../../store/assessment-store.ts';
import { getCycleRegistry } from '../../store/cycles-store.ts';
import { listUnits } from '../../store/units-store.ts';
import { registryOf } from '../cycles/cycle-registry.ts';
import { getFramework } from '../../store/frameworks-store.ts';
import { surveySummary } from '../surveys/survey-summary.ts';

export interface TypeInputs {
  unitType: UnitType;
  framework: Framework;
  units: UnitInputs[];
  notFinalized: { unitId: string; state: string }[];
}

/** Runs `fn` over `items`, at most `limit` at a time (DynamoDB reads of 157 communes). */
async function mapLimited<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i]!);
      }
    }),
  );
  return out;
}

// A framework used by a cycle is frozen, so a warm function may keep it.
const frozenFrameworks = new Map<string, Framework>();

async function frameworkOf(id: string): Promise<Framework | undefined> {
  const cached = frozenFrameworks.get(id);
  if (cached) return cached;
  const stored = await getFramework(id);
  if (stored && stored.usedBy.length > 0) frozenFrameworks.set(id, stored.framework);
  return stored?.framework;
}

export async function resultsInputs(cycle: Cycle): Promise<TypeInputs[]> {
  const out: TypeInputs[] = [];
  // The units the cycle froze when it opened: a unit added or moved later is not this year's.
  const registry = await registryOf({ getCycleRegistry, listUnits: () => listUnits({}) }, cycle.year);
  // The province is ranked by the Ministry among provinces, not here.
  for (const [type, frameworkId] of (Object.entries(cycle.frameworks) as [UnitType, string][]).filter(([t]) => locallyAppraised(t))) {
    const framework = await frameworkOf(frameworkId);
    if (!framework) continue;
    const surveyId = cycle.surveys?.[type];
    // A survey not defined or not fitting its framework (by code) leaves the survey leaves missing; other failures stop the computation.
    const survey = surveyId
      ? await surveySummary(cycle.year, surveyId).catch((error: unknown) => {
          if (isDomainError(error, 'SURVEY_NOT_FOUND') || isDomainError(error, 'SURVEY_DEFINITION_STALE')) return undefined;
          throw error;
        })
      : undefined;
    const byUnit = new Map(survey?.units.map((u) => [u.unitId, u]) ?? []);
    const units = registry.filter((u) => u.type === type);
    const assessments = await mapLimited(units, 8, (u) => loadAssessment(cycle.year, u.id));
    const notFinalized: TypeInputs['notFinalized'] = [];
    const inputs = units.map((unit, i) => {
      const loaded = assessments[i]!;
      if (loaded.header?.state !== 'appraised') notFinalized.push({ unitId: unit.id, state: loaded.header?.state ?? 'none' });
      const summary = byUnit.get(unit.id);
      return {
        unitId: unit.id,
        name: unit.name,
        unitType: type,
        items: loaded.items as ReadonlyMap<string, StoredItem>,
        surveyScores: summary?.leafScores ?? {},
        surveyMissing: summary?.missing ?? [],
        notApplicable: cycle.notApplicable[unit.id] ?? [],
      } satisfies UnitInputs;
    });
    out.push({ unitType: type, framework, units: inputs, notFinalized });
  }
  return out;
}
