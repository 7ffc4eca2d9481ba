/**
 * Pipeline task ComputeResults: the cycle moves to `computation` and the council's draft is
 * computed by the same service as POST /v1/cycles/{year}/results/compute. Once the results are
 * published (a re-run after approval) nothing is recomputed.
 */
import { logger } from '../../shared/observability.ts';
import { advanceCycle, pipelineCaller, recordStep } from '../../shared/store/pipeline-store.ts';
import { getPublication } from '../../shared/store/results-store.ts';
import { computeDraft } from '../../shared/app/results/compute-draft.ts';
import { cycleOf, parseTaskInput } from './task-input.ts';

export const handler = async (event: unknown) => {
  const { year, execution } = parseTaskInput(event);
  await cycleOf(year);
  const published = await getPublication(year);
  if (published) return { computedAt: null, alreadyPublished: true, units: 0, notFinalized: 0 };
  const cycle = (await advanceCycle(year, 'computation', 'final appraisal deadline passed: computation by the pipeline'))!;
  const draft = await computeDraft(pipelineCaller, cycle);
  const units = Object.values(draft.results).reduce((n, r) => n + (r?.units.length ?? 0), 0);
  await recordStep(year, {
    step: 'compute-results',
    at: draft.computedAt,
    execution,
    details: { computedAt: draft.computedAt, units, notFinalized: draft.notFinalized },
  });
  logger.info('draft results computed', { year, units, notFinalized: draft.notFinalized.length });
  return { computedAt: draft.computedAt, alreadyPublished: false, units, notFinalized: draft.notFinalized.length };
};
