/**
 * Task CloseSubmission (after the self-assessment deadline): the cycle moves to `appraisal` and the
 * units that did not submit are recorded. Run twice, it records the same.
 */
import { locallyAppraised } from '../../domain/province.ts';
import type { Caller } from '../../domain/roles.ts';
import type { UnitType } from '../../schemas/files/framework.ts';
import { logger } from '../../observability.ts';
import { advancePhase } from '../cycles/advance-phase.ts';
import { registryOf } from '../cycles/cycle-registry.ts';
import { cycleOf } from './cycle-of.ts';
import { pipelineStores, type PipelineStores } from './stores.ts';

/** States that count as submitted (or further along) at the close of submission. */
const submittedStates = new Set(['submitted', 'returned', 'explained', 'appraised']);

export async function closeSubmission(
  caller: Caller,
  input: { year: number; execution?: string },
  stores: PipelineStores = pipelineStores,
) {
  const { year, execution } = input;
  const cycle = await cycleOf(year, stores);
  const notSubmitted: { unitId: string; unitType: string; state: string }[] = [];
  let units = 0;
  // The units the cycle froze when it opened (or the live registry for a cycle opened before that).
  const cycleUnits = await registryOf({ getCycleRegistry: stores.getCycleRegistry, listUnits: () => stores.listUnits({}) }, year);
  // The province's own assessment goes to the Ministry: it does not hold up the province's cycle.
  for (const unitType of (Object.keys(cycle.frameworks) as UnitType[]).filter(locallyAppraised)) {
    const registry = cycleUnits.filter((u) => u.type === unitType);
    const assessments = await stores.listAssessments(year, unitType);
    const state = new Map(assessments.map((a) => [a.unitId, a.state as string]));
    units += registry.length;
    for (const unit of registry) {
      const s = state.get(unit.id) ?? 'none';
      if (!submittedStates.has(s)) notSubmitted.push({ unitId: unit.id, unitType, state: s });
    }
  }
  const reason = 'self-assessment deadline passed: submission closed by the pipeline';
  await advancePhase(caller, { year, to: 'appraisal', actor: 'pipeline', reason }, stores);
  await stores.recordStep(year, { step: 'close-submission', at: new Date().toISOString(), execution, details: { units, notSubmitted } });
  logger.info('submission closed', { year, units, notSubmitted: notSubmitted.length });
  return { units, notSubmitted: notSubmitted.length };
}
