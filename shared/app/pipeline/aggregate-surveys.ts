/**
 * Task AggregateSurveys (after the final appraisal deadline): every survey import of the cycle must
 * have finished (one still running, or pending within its upload window, keeps the task retrying;
 * a pending one whose form expired was never uploaded), then each survey's summary is taken and
 * the units short of their target sample are recorded.
 */
import { fail, isDomainError } from '../../domain/errors.ts';
import { importStillExpected } from '../../domain/pipeline.ts';
import type { Caller } from '../../domain/roles.ts';
import { logger } from '../../observability.ts';
import { cycleOf } from './cycle-of.ts';
import { pipelineStores, type PipelineStores } from './stores.ts';

interface SurveyLine {
  surveyId: string;
  unitType: string;
  units?: number;
  belowTarget?: number;
  importsFailed: number;
  problem?: string;
}
type Short = { surveyId: string; unitId: string; group: string; responses: number; target: number };

async function surveyLine(
  year: number,
  unitType: string,
  surveyId: string,
  belowTarget: Short[],
  stores: PipelineStores,
): Promise<SurveyLine> {
  const imports = await stores.listImports(year, surveyId);
  const unfinished = imports.filter((i) => importStillExpected(i, stores.importUploadExpirySeconds));
  if (unfinished.length > 0) {
    const states = unfinished.map((i) => i.status).join('/');
    throw fail.conflict('SURVEY_IMPORTS_PENDING', `${unfinished.length} imports of ${surveyId} are still ${states}`);
  }
  const importsFailed = imports.filter((i) => i.status === 'failed').length;
  try {
    const { units } = await stores.surveySummary(year, surveyId);
    let short = 0;
    for (const unit of units) {
      for (const [group, { responses, target }] of Object.entries(unit.groups)) {
        if (target !== null && responses < target) {
          belowTarget.push({ surveyId, unitId: unit.unitId, group, responses, target });
          short++;
        }
      }
    }
    return { surveyId, unitType, units: units.length, belowTarget: short, importsFailed };
  } catch (error) {
    // Not defined, or no longer fitting its framework: its leaves count as missing.
    if (!isDomainError(error, 'SURVEY_NOT_FOUND') && !isDomainError(error, 'SURVEY_DEFINITION_STALE')) throw error;
    return { surveyId, unitType, importsFailed, problem: error.message };
  }
}

export async function aggregateSurveys(
  _caller: Caller,
  input: { year: number; execution?: string },
  stores: PipelineStores = pipelineStores,
) {
  const { year, execution } = input;
  const cycle = await cycleOf(year, stores);
  const surveys: SurveyLine[] = [];
  const belowTarget: Short[] = [];
  for (const [unitType, surveyId] of Object.entries(cycle.surveys ?? {})) {
    if (surveyId) surveys.push(await surveyLine(year, unitType, surveyId, belowTarget, stores));
  }
  await stores.recordStep(year, { step: 'aggregate-surveys', at: new Date().toISOString(), execution, details: { surveys, belowTarget } });
  logger.info('surveys aggregated', { year, surveys: surveys.length, belowTarget: belowTarget.length });
  return { surveys };
}
