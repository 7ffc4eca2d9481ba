/**
 * The council's draft computation, shared by the compute route and the pipeline's compute task:
 * gather the inputs of every unit type of the cycle, compute, store the draft (refused once the
 * results are published).
 */
import { computeResults } from '../../domain/compute-results.ts';
import { scoreInput } from '../../domain/results-inputs.ts';
import type { Caller } from '../../domain/roles.ts';
import type { Cycle } from '../../schemas/cycles.ts';
import { saveDraft, type DraftResults } from '../../store/results-store.ts';
import { withInsights } from './insights.ts';
import { resultsInputs } from './results-inputs.ts';

export async function computeDraft(caller: Caller, cycle: Cycle, now = new Date()): Promise<DraftResults> {
  const inputs = await resultsInputs(cycle);
  const draft: DraftResults = {
    year: cycle.year,
    status: 'draft',
    computedAt: now.toISOString(),
    computedBy: caller.username,
    notFinalized: inputs.flatMap((t) => t.notFinalized),
    results: await withInsights(
      cycle,
      inputs,
      Object.fromEntries(inputs.map((t) => [t.unitType, computeResults(t.framework, t.units.map(scoreInput))])),
    ),
  };
  await saveDraft(caller, draft);
  return draft;
}
