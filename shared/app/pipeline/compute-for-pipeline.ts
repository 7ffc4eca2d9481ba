/**
 * Task ComputeResults: the cycle moves to `computation` and the council's draft is computed by the
 * same service as POST /v1/cycles/{year}/results/compute. Once the results are approved or
 * published (a re-run) nothing is recomputed.
 */
import { phaseReached } from '../../domain/cycle-phase.ts';
import type { Caller } from '../../domain/roles.ts';
import { logger } from '../../observability.ts';
import { advancePhase } from '../cycles/advance-phase.ts';
import { computeDrafts } from '../results/compute-draft.ts';
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
  // Every council's draft (the province's, each district council's for its communes).
  const drafts = await computeDrafts(caller, cycle, stores);
  const draft = drafts[0]!;
  const units = drafts.flatMap((d) => Object.values(d.results)).reduce((n, r) => n + (r?.units.length ?? 0), 0);
  const notFinalized = drafts.flatMap((d) => d.notFinalized);
  const councils = drafts.map((d) => d.council ?? 'province');
  await stores.recordStep(year, {
    step: 'compute-results',
    at: draft.computedAt,
    execution,
    details: { computedAt: draft.computedAt, units, notFinalized, councils },
  });
  logger.info('draft results computed', { year, units, notFinalized: notFinalized.length, councils: councils.length });
  return { computedAt: draft.computedAt, alreadyPublished: false, units, notFinalized: notFinalized.length, councils };
}
