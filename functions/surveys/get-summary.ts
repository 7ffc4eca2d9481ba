import { compileSurvey } from '../../shared/domain/survey-aggregation.ts';
import { summarise } from '../../shared/domain/survey-summary.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { problems } from '../../shared/http/problems.ts';
import { listImports } from '../../shared/store/survey-imports-store.ts';
import { importSource, onlineSource, readCounts } from '../../shared/store/survey-respondents-store.ts';
import { surveyContextOrProblem } from './survey-context.ts';

export const handler = httpHandler('getSurveySummary', async ({ params }) => {
  const context = await surveyContextOrProblem(params.year, params.surveyId);
  const compiled = compileSurvey(context.definition, context.framework);
  if (!compiled.ok) throw problems.conflict(`the definition of ${params.surveyId} no longer fits framework ${context.framework.id}; PUT it again`);
  const [imports, stored] = await Promise.all([listImports(params.year, params.surveyId), readCounts(params.year, params.surveyId)]);
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
  return { body: { year: params.year, surveyId: params.surveyId, unitType: context.unitType, frameworkId: context.framework.id, units } };
});
