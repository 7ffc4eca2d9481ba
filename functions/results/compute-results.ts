import { computeResults } from '../../shared/domain/compute-results.ts';
import { scoreInput } from '../../shared/domain/results-inputs.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { problems } from '../../shared/http/problems.ts';
import { getCycle } from '../../shared/store/cycles-store.ts';
import { saveDraft, type DraftResults } from '../../shared/store/results-store.ts';
import { resultsInputs } from './results-inputs.ts';

export const handler = httpHandler('computeResults', async ({ params, caller }) => {
  const cycle = await getCycle(params.year);
  if (!cycle) throw problems.notFound(`cycle ${params.year} does not exist`);
  if (cycle.phase === 'published') throw problems.conflict(`the results of ${params.year} are published and can no longer be recomputed`);
  const inputs = await resultsInputs(cycle);
  const draft: DraftResults = {
    year: params.year,
    status: 'draft',
    computedAt: new Date().toISOString(),
    computedBy: caller.username,
    notFinalized: inputs.flatMap((t) => t.notFinalized),
    results: Object.fromEntries(inputs.map((t) => [t.unitType, computeResults(t.framework, t.units.map(scoreInput))])),
  };
  await saveDraft(caller, draft);
  return { body: draft };
});
