/**
 * What the council's draft carries beside the numbers of §3.4: the comparison with the previous
 * published year (year-over-year.ts, through the framework's crosswalk) and the strengths and
 * weaknesses of each unit type (weaknesses.ts), with every unit's five weakest leaves.
 */
import { scoreInput } from '../../domain/results-inputs.ts';
import { analyse, leafOutcomes } from '../../domain/weaknesses.ts';
import { compareWithPrevious, predecessorsFromRegistry } from '../../domain/year-over-year.ts';
import type { Cycle } from '../../schemas/domain/cycles.ts';
import type { Results } from '../../schemas/files/results.ts';
import { listUnits } from '../../store/units-store.ts';
import { frameworkOf } from '../assessment/assessment-context.ts';
import { previousPublication } from './previous-publications.ts';
import type { TypeInputs } from './results-inputs.ts';

export async function withInsights(
  cycle: Cycle,
  inputs: readonly TypeInputs[],
  results: Partial<Record<string, Results>>,
): Promise<Partial<Record<string, Results>>> {
  const [previous, registry] = await Promise.all([previousPublication(cycle.year), listUnits({})]);
  const predecessors = predecessorsFromRegistry(registry);
  const out: Partial<Record<string, Results>> = {};
  for (const t of inputs) {
    const current = results[t.unitType];
    if (!current) continue;
    const before = previous?.results[t.unitType];
    const previousBands = before ? (await frameworkOf(before.frameworkId))?.bands : undefined;
    const compared = compareWithPrevious(
      current,
      t.framework,
      before && previous ? { year: previous.year, results: before, ...(previousBands ? { bands: previousBands } : {}) } : undefined,
      { predecessors },
    );
    const { analysis, weakest } = analyse(
      t.units.map((u) => {
        const selfScores: Record<string, number> = {};
        for (const [code, item] of u.items) if (item.selfScore !== undefined) selfScores[code] = item.selfScore;
        return { unitId: u.unitId, name: u.name, leaves: leafOutcomes(t.framework, scoreInput(u), selfScores) };
      }),
    );
    out[t.unitType] = { ...compared, units: compared.units.map((u) => ({ ...u, weakest: weakest.get(u.unitId) ?? [] })), analysis };
  }
  return { ...results, ...out };
}
