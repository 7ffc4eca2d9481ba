/**
 * Create or replace a survey definition. Checked against the cycle (open to change), the
 * framework of its unit type and the unit registry; once answers exist, nothing may be removed.
 */
import { DomainError, enforce, fail } from '../../domain/errors.ts';
import type { Caller } from '../../domain/roles.ts';
import { checkDefinition, removalsOnceAnswered } from '../../domain/survey-definition.ts';
import { surveyWindow } from '../../domain/write-window.ts';
import type { UnitType } from '../../schemas/files/framework.ts';
import { surveyDefinitionSchema, type SurveyDefinitionInput } from '../../schemas/files/survey-definition.ts';
import { frameworkFor, loadCycle, resolveUnitType } from './survey-context.ts';
import { surveyStores, type SurveyStores } from './stores.ts';

export interface PutSurveyInput extends SurveyDefinitionInput {
  year: number;
  surveyId: string;
  expectedVersion?: number;
}

export interface SurveyView {
  year: number;
  surveyId: string;
  unitType: UnitType;
  frameworkId: string;
  version: number;
  definition: SurveyDefinitionInput;
}

export async function putSurvey(
  caller: Caller,
  input: PutSurveyInput,
  stores: SurveyStores = surveyStores,
  now = new Date(),
): Promise<SurveyView & { created: boolean; warnings: string[] }> {
  const { year, surveyId, expectedVersion, ...definition } = input;
  if (definition.id !== surveyId) throw fail.invalid([{ path: 'id', message: `must equal the surveyId in the path ("${surveyId}")` }]);
  const cycle = await loadCycle(year, stores);
  enforce(surveyWindow(cycle, now));
  const current = await stores.getSurvey(year, surveyId);
  const unitType = resolveUnitType(cycle, surveyId, definition.unitType ?? current?.unitType);
  if (!unitType) throw fail.invalid([{ path: 'unitType', message: `required: cycle ${year} does not list survey ${surveyId}` }]);
  if (definition.unitType && definition.unitType !== unitType) {
    throw fail.invalid([{ path: 'unitType', message: `cycle ${year} lists this survey for ${unitType} units` }]);
  }
  const framework = await frameworkFor(cycle, unitType, stores);
  if (definition.frameworkId && definition.frameworkId !== framework.id) {
    throw fail.invalid([{ path: 'frameworkId', message: `cycle ${year} uses framework ${framework.id} for ${unitType} units` }]);
  }
  const units = await stores.listUnits({ type: unitType });
  const check = checkDefinition(definition, framework, new Set(units.map((u) => u.id)));
  if (check.errors.length > 0) throw fail.invalid(check.errors);
  if (current && (await stores.hasResponses(year, surveyId))) {
    const before = surveyDefinitionSchema.safeParse(current.definition);
    const removals = before.success ? removalsOnceAnswered(before.data, definition) : [];
    if (removals.length > 0) {
      throw new DomainError(
        'SURVEY_ANSWERED',
        'responses exist for this survey: questions, options and groups can be added or reweighed, not removed',
        { errors: removals },
      );
    }
  }
  // The version the caller read (0: "must not exist yet"), else the one just read: the store's condition decides.
  const readVersion = expectedVersion === undefined ? current?.version : expectedVersion === 0 ? undefined : expectedVersion;
  const saved = await stores.saveSurvey(caller, { year, surveyId, unitType, frameworkId: framework.id, definition }, readVersion);
  return {
    year,
    surveyId,
    unitType,
    frameworkId: framework.id,
    version: saved.version,
    definition,
    created: !current,
    warnings: check.warnings,
  };
}
