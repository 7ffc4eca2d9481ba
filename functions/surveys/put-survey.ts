import { checkDefinition, removalsOnceAnswered } from '../../shared/domain/survey-definition.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { problems } from '../../shared/http/problems.ts';
import { surveyDefinitionSchema } from '../../shared/schemas/survey-definition.ts';
import { VersionConflict } from '../../shared/store/errors.ts';
import { getSurvey, hasResponses, saveSurvey } from '../../shared/store/surveys-store.ts';
import { asProblem, closedReason, frameworkFor, loadCycle, resolveUnitType, unitsOfType } from '../../shared/app/surveys/survey-context.ts';

export const handler = httpHandler('putSurvey', async ({ params, body, caller }) => {
  const { expectedVersion, ...definition } = body;
  if (definition.id !== params.surveyId) {
    throw problems.validation([{ path: 'body.id', message: `must equal the surveyId in the path ("${params.surveyId}")` }]);
  }
  const cycle = await loadCycle(params.year).catch((e: unknown) => Promise.reject(asProblem(e)));
  const closed = closedReason(cycle);
  if (closed) throw problems.conflict(closed);
  const current = await getSurvey(params.year, params.surveyId);
  if (expectedVersion !== undefined && expectedVersion !== (current?.version ?? 0)) {
    throw new VersionConflict(`survey ${params.surveyId}`, current ?? null);
  }
  const unitType = resolveUnitType(cycle, params.surveyId, definition.unitType ?? current?.unitType);
  if (!unitType) {
    throw problems.validation([
      { path: 'body.unitType', message: `required: cycle ${params.year} does not list survey ${params.surveyId}` },
    ]);
  }
  if (definition.unitType && definition.unitType !== unitType) {
    throw problems.validation([{ path: 'body.unitType', message: `cycle ${params.year} lists this survey for ${unitType} units` }]);
  }
  const framework = await frameworkFor(cycle, unitType).catch((e: unknown) => Promise.reject(asProblem(e)));
  if (definition.frameworkId && definition.frameworkId !== framework.id) {
    throw problems.validation([
      { path: 'body.frameworkId', message: `cycle ${params.year} uses framework ${framework.id} for ${unitType} units` },
    ]);
  }
  const units = await unitsOfType(unitType);
  const check = checkDefinition(definition, framework, new Set(units.map((u) => u.id)));
  if (check.errors.length > 0) throw problems.validation(check.errors.map((e) => ({ path: `body.${e.path}`, message: e.message })));

  if (current && (await hasResponses(params.year, params.surveyId))) {
    const before = surveyDefinitionSchema.safeParse(current.definition);
    const removals = before.success ? removalsOnceAnswered(before.data, definition) : [];
    if (removals.length > 0) {
      throw problems.conflict('responses exist for this survey: questions, options and groups can be added or reweighed, not removed', {
        errors: removals.map((e) => ({ path: `body.${e.path}`, message: e.message })),
      });
    }
  }
  const saved = await saveSurvey(
    caller,
    { year: params.year, surveyId: params.surveyId, unitType, frameworkId: framework.id, definition },
    current,
  );
  return {
    status: current ? 200 : 201,
    headers: { etag: `"${saved.version}"` },
    body: {
      year: params.year,
      surveyId: params.surveyId,
      unitType,
      frameworkId: framework.id,
      version: saved.version,
      definition,
      warnings: check.warnings,
    },
  };
});
