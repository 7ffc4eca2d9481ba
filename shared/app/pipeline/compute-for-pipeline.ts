/**
 * Task ComputeResults: the cycle moves to `computation` and the council's draft is computed by the
 * same service as POST /v1/cycles/{year}/results/compute. Once the results are approved or
 * published (a re-run) nothing is recomputed.
 */
import { phaseReached } from '../../domain/cycle-phase.ts';
import type { Caller } from '../../domain/roles.ts';
import { logger } from '../../observability.ts';
import { advancePhase } from '../cycles/advance-phase.ts';
import { computeDraft } from '../results/compute-draft.ts';
import { cycleOf } from './cycle-of.ts';
import { pipelineStores, type PipelineStores } from './stores.ts';

export async function computeForPipeline(
  caller: Caller,
  input: { year: number; execution?: string },
  stores: PipelineStores = pipelineStores,
) {
  const { year, execution } = input;
  const current = await cycleOf(year, stores);
  if (phaseReached(current.phase, 'approved') || (await stores.getPublication(year))) {
    return { computedAt: null, alreadyPublished: true, units: 0, notFinalized: 0 };
  }
  const reason = 'final appraisal deadline passed: computation by the pipeline';
  const cycle = await advancePhase(caller, { year, to: 'computation', actor: 'computation', reason }, stores);
  const draft = await computeDraft(caller, cycle, stores);
  const units = Object.values(draft.results).reduce((n, r) => n + (r?.units.length ?? 0), 0);
  await stores.recordStep(year, {
    step: 'compute-results',
    at: draft.computedAt,
    execution,
    details: { computedAt: draft.computedAt, units, notFinalized: draft.notFinalized },
  });
  logger.info('draft results computed', { year, units, notFinalized: draft.notFinalized.length });
  return { computedAt: draft.computedAt, alreadyPublished: false, units, notFinalized: draft.notFinalized.length };
}
