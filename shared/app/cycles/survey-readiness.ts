/** The stored side of the survey-phase rule (shared/domain/survey-readiness.ts). */
import type { CyclePhase } from '../../domain/cycle-phase.ts';
import { enforce } from '../../domain/errors.ts';
import { namedSurveys, surveysUndefinedRefusal } from '../../domain/survey-readiness.ts';
import type { Cycle } from '../../schemas/domain/cycles.ts';
import type { CyclesStores } from './stores.ts';

export async function enforceSurveysDefined(cycle: Cycle, to: CyclePhase, stores: Pick<CyclesStores, 'getSurvey'>): Promise<void> {
  if (cycle.phase !== 'open' || to === 'open') return;
  const named = namedSurveys(cycle);
  const found = await Promise.all(named.map((s) => stores.getSurvey(cycle.year, s.surveyId)));
  const defined = new Set(named.filter((_, i) => found[i]).map((s) => s.surveyId));
  enforce(surveysUndefinedRefusal(cycle, to, defined));
}
