/**
 * Pipeline task CloseSubmission (after the self-assessment deadline): the cycle moves to
 * `appraisal` and the units that did not submit are recorded. Run twice, it records the same.
 */
import type { UnitType } from '../../shared/schemas/framework.ts';
import { listAssessments } from '../../shared/store/assessment-store.ts';
import { advanceCycle, recordStep } from '../../shared/store/pipeline-store.ts';
import { listUnits } from '../../shared/store/units-store.ts';
import { logger } from '../../shared/observability.ts';
import { cycleOf, parseTaskInput } from './task-input.ts';

/** States that count as submitted (or further along) at the close of submission. */
const submittedStates = new Set(['submitted', 'returned', 'explained', 'appraised']);

export const handler = async (event: unknown) => {
  const { year, execution } = parseTaskInput(event);
  const cycle = await cycleOf(year);
  const notSubmitted: { unitId: string; unitType: string; state: string }[] = [];
  let units = 0;
  for (const unitType of Object.keys(cycle.frameworks) as UnitType[]) {
    const [registry, assessments] = await Promise.all([listUnits({ type: unitType }), listAssessments(year, unitType)]);
    const state = new Map(assessments.map((a) => [a.unitId, a.state as string]));
    units += registry.length;
    for (const unit of registry) {
      const s = state.get(unit.id) ?? 'none';
      if (!submittedStates.has(s)) notSubmitted.push({ unitId: unit.id, unitType, state: s });
    }
  }
  await advanceCycle(year, 'appraisal', 'self-assessment deadline passed: submission closed by the pipeline');
  await recordStep(year, { step: 'close-submission', at: new Date().toISOString(), execution, details: { units, notSubmitted } });
  logger.info('submission closed', { year, units, notSubmitted: notSubmitted.length });
  return { units, notSubmitted: notSubmitted.length };
};
