/**
 * The survey summary of one survey in a cycle: per unit, responses per group against the target
 * and the survey leaf scores. Used by the summary route and by the results computation.
 */
import { DomainError } from '../../domain/errors.ts';
import { compileSurvey } from '../../domain/survey-aggregation.ts';
import { summarise, type UnitSummary } from '../../domain/survey-summary.ts';
import { importSource, onlineSource } from '../../store/entities/respondent.ts';
import { loadSurveyContext, type SurveyContext } from './survey-context.ts';
import { surveyStores, type SurveyStores } from './stores.ts';

export type { SurveyContext };

export async function surveySummary(
  year: number,
  surveyId: string,
  stores: SurveyStores = surveyStores,
): Promise<{ context: SurveyContext; units: UnitSummary[] }> {
  const context = await loadSurveyContext(year, surveyId, stores);
  const compiled = compileSurvey(context.definition, context.framework);
  if (!compiled.ok) {
    throw new DomainError(
      'SURVEY_DEFINITION_STALE',
      `the definition of ${surveyId} no longer fits framework ${context.framework.id}; PUT it again`,
    );
  }
  const [imports, stored] = await Promise.all([stores.listImports(year, surveyId), stores.readCounts(year, surveyId)]);
  // An import's counts count once it is done: written before the status flips, read only after.
  const done = new Set(imports.filter((i) => i.status === 'done').map((i) => importSource(i.importId)));
  const counts = stored.filter((c) => c.source === onlineSource || done.has(c.source));
  const units = summarise({
    definition: context.definition,
    survey: compiled.survey,
    framework: context.framework,
    units: context.units,
    counts,
    notApplicable: context.cycle.notApplicable,
  });
  return { context, units };
}
