/**
 * Pipeline task AggregateSurveys (after the final appraisal deadline): every survey import of the
 * cycle must have finished (one still running, or pending within its upload window, is retried by
 * the state machine with backoff; a pending one whose form expired was never uploaded), then
 * each survey's summary is taken and the units short of their target sample are recorded.
 */
import { importStillExpected, PipelineError } from '../../shared/domain/pipeline.ts';
import { isDomainError } from '../../shared/domain/errors.ts';
import { logger } from '../../shared/observability.ts';
import { recordStep } from '../../shared/store/pipeline-store.ts';
import { importUploadExpirySeconds } from '../../shared/store/import-files.ts';
import { listImports } from '../../shared/store/survey-imports-store.ts';
import { surveySummary } from '../../shared/app/surveys/survey-summary.ts';
import { cycleOf, parseTaskInput } from './task-input.ts';

export const handler = async (event: unknown) => {
  const { year, execution } = parseTaskInput(event);
  const cycle = await cycleOf(year);
  const surveys: { surveyId: string; unitType: string; units?: number; belowTarget?: number; importsFailed: number; problem?: string }[] =
    [];
  const belowTarget: { surveyId: string; unitId: string; group: string; responses: number; target: number }[] = [];
  for (const [unitType, surveyId] of Object.entries(cycle.surveys ?? {})) {
    if (!surveyId) continue;
    const imports = await listImports(year, surveyId);
    const unfinished = imports.filter((i) => importStillExpected(i, importUploadExpirySeconds));
    if (unfinished.length > 0) {
      throw new PipelineError(
        'SurveyImportsPending',
        `${unfinished.length} imports of ${surveyId} are still ${unfinished.map((i) => i.status).join('/')}`,
      );
    }
    const importsFailed = imports.filter((i) => i.status === 'failed').length;
    try {
      const { units } = await surveySummary(year, surveyId);
      let short = 0;
      for (const unit of units) {
        for (const [group, { responses, target }] of Object.entries(unit.groups)) {
          if (target !== null && responses < target) {
            belowTarget.push({ surveyId, unitId: unit.unitId, group, responses, target });
            short++;
          }
        }
      }
      surveys.push({ surveyId, unitType, units: units.length, belowTarget: short, importsFailed });
    } catch (error) {
      // Not defined (404) or no longer fitting its framework (409): its leaves count as missing.
      if (!isDomainError(error, 'SURVEY_NOT_FOUND') && !isDomainError(error, 'SURVEY_DEFINITION_STALE')) throw error;
      surveys.push({ surveyId, unitType, importsFailed, problem: error.message });
    }
  }
  await recordStep(year, { step: 'aggregate-surveys', at: new Date().toISOString(), execution, details: { surveys, belowTarget } });
  logger.info('surveys aggregated', { year, surveys: surveys.length, belowTarget: belowTarget.length });
  return { surveys };
};
