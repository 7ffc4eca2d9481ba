/**
 * The council's draft computation, shared by the compute route and the pipeline's compute task:
 * gather the inputs of every unit type of the cycle, compute, store the draft (refused once the
 * results are approved or published).
 */
import { computeIndex } from '../../domain/index-computation.ts';
import { scoreInput } from '../../domain/results-inputs.ts';
import type { Caller } from '../../domain/roles.ts';
import type { Cycle } from '../../schemas/domain/cycles.ts';
import type { DraftResults } from '../../store/results-store.ts';
import { resultsStores, type ResultsStores } from './stores.ts';

export async function computeDraft(
  caller: Caller,
  cycle: Cycle,
  stores: Pick<ResultsStores, 'resultsInputs' | 'saveDraft' | 'withInsights'> = resultsStores,
  now = new Date(),
): Promise<DraftResults> {
  const inputs = await stores.resultsInputs(cycle);
  const draft: DraftResults = {
    year: cycle.year,
    status: 'draft',
    computedAt: now.toISOString(),
    computedBy: caller.username,
    notFinalized: inputs.flatMap((t) => t.notFinalized),
    results: await stores.withInsights(
      cycle,
      inputs,
      Object.fromEntries(inputs.map((t) => [t.unitType, computeIndex(t.framework, t.units.map(scoreInput))])),
    ),
  };
  await stores.saveDraft(caller, draft);
  return draft;
}
