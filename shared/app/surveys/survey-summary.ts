/**
 * The survey summary of one survey in a cycle: per unit, responses per group against the target
 * and the survey leaf scores. Used by the summary route and by the results computation.
 */
import { compileSurvey } from '../../domain/survey-aggregation.ts';
import { summarise, type UnitSummary } from '../../domain/survey-summary.ts';
import { problems } from '../../http/problems.ts';
import { listImports } from '../../store/survey-imports-store.ts';
import { importSource, onlineSource, readCounts } from '../../store/survey-respondents-store.ts';
import { surveyContextOrProblem, type SurveyContext } from './survey-context.ts';

export async function surveySummary(year: number, surveyId: string): Promise<{ context: SurveyContext; units: UnitSummary[] }> {
  const context = await surveyContextOrProblem(year, surveyId);
  const compiled = compileSurvey(context.definition, context.framework);
  if (!compiled.ok)
    throw problems.conflict(
      `the definition of ${surveyId} no longer fits framework ${context.framework.id}; PUT it again`,
      {},
      'SURVEY_DEFINITION_STALE',
    );
  const [imports, stored] = await Promise.all([listImports(year, surveyId), readCounts(year, surveyId)]);
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
