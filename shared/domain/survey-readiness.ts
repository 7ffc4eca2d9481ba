/**
 * Surveys are answered while the cycle is open; leaving that phase (to appraisal, or straight to
 * computation) with a named survey still undefined would compute survey leaves from nothing.
 */
import type { Cycle } from '../schemas/domain/cycles.ts';
import type { CyclePhase } from './cycle-phase.ts';
import { refusal, type Refusal } from './errors.ts';

export function namedSurveys(cycle: Pick<Cycle, 'surveys'>): { unitType: string; surveyId: string }[] {
  return Object.entries(cycle.surveys ?? {}).map(([unitType, surveyId]) => ({ unitType, surveyId: surveyId! }));
}

/** Nothing unless the move leaves `open` while a survey the cycle names is not in `defined`. */
export function surveysUndefinedRefusal(
  cycle: Pick<Cycle, 'year' | 'phase' | 'surveys'>,
  to: CyclePhase,
  defined: ReadonlySet<string>,
): Refusal | undefined {
  if (cycle.phase !== 'open' || to === 'open') return undefined;
  const missing = namedSurveys(cycle).filter((s) => !defined.has(s.surveyId));
  if (missing.length === 0) return undefined;
  const ids = missing.map((s) => s.surveyId).join(', ');
  return refusal('SURVEYS_UNDEFINED', `cycle ${cycle.year} cannot leave its survey phase while these surveys are undefined: ${ids}`, {
    surveys: missing,
  });
}
