import { httpHandler } from '../../shared/http/handler.ts';
import { problems } from '../../shared/http/problems.ts';
import { getCycle } from '../../shared/store/cycles-store.ts';
import { computeDraft } from '../../shared/app/results/compute-draft.ts';

export const handler = httpHandler('computeResults', async ({ params, caller }) => {
  const cycle = await getCycle(params.year);
  if (!cycle) throw problems.notFound(`cycle ${params.year} does not exist`);
  if (cycle.phase === 'published') throw problems.conflict(`the results of ${params.year} are published and can no longer be recomputed`);
  return { body: await computeDraft(caller, cycle) };
});
