/**
 * What every survey use case and the ingestion need: the cycle, the stored definition (checked
 * against the schema: seeded items predate the route), its unit type and framework, and the
 * units it covers. Refusals: CYCLE_NOT_FOUND, SURVEY_NOT_FOUND, SURVEY_DEFINITION_STALE.
 */
import { DomainError } from '../../domain/errors.ts';
import type { Cycle } from '../../schemas/domain/cycles.ts';
import type { Framework, UnitType } from '../../schemas/files/framework.ts';
import { surveyDefinitionSchema, type SurveyDefinitionInput } from '../../schemas/files/survey-definition.ts';
import type { Unit } from '../../schemas/domain/units.ts';
import type { StoredSurvey } from '../../store/surveys-store.ts';
import { surveyStores, type SurveyStores } from './stores.ts';

type ContextStores = Pick<SurveyStores, 'getCycle' | 'getFramework' | 'listUnits' | 'getSurvey'>;

export interface SurveyContext {
  cycle: Cycle;
  stored: StoredSurvey;
  definition: SurveyDefinitionInput;
  unitType: UnitType;
  framework: Framework;
  units: Unit[];
  unitIds: ReadonlySet<string>;
}

/** The survey's unit type: the cycle's `surveys` map first, then what the stored item or body says. */
export function resolveUnitType(cycle: Cycle, surveyId: string, declared?: UnitType): UnitType | undefined {
  const fromCycle = Object.entries(cycle.surveys ?? {}).find(([, id]) => id === surveyId)?.[0] as UnitType | undefined;
  return fromCycle ?? declared;
}

export async function loadCycle(year: number, stores: ContextStores = surveyStores): Promise<Cycle> {
  const cycle = await stores.getCycle(year);
  if (!cycle) throw new DomainError('CYCLE_NOT_FOUND', `cycle ${year} does not exist`);
  return cycle;
}

export async function frameworkFor(cycle: Cycle, unitType: UnitType, stores: ContextStores = surveyStores): Promise<Framework> {
  const frameworkId = cycle.frameworks[unitType];
  const framework = frameworkId ? (await stores.getFramework(frameworkId))?.framework : undefined;
  if (!framework) throw new DomainError('SURVEY_DEFINITION_STALE', `cycle ${cycle.year} names no framework for ${unitType} units`);
  return framework;
}

export async function loadSurveyContext(year: number, surveyId: string, stores: ContextStores = surveyStores): Promise<SurveyContext> {
  const cycle = await loadCycle(year, stores);
  const stored = await stores.getSurvey(year, surveyId);
  if (!stored) throw new DomainError('SURVEY_NOT_FOUND', `survey ${surveyId} does not exist in cycle ${year}`);
  const parsed = surveyDefinitionSchema.safeParse(stored.definition);
  if (!parsed.success) throw new DomainError('SURVEY_DEFINITION_STALE', `the stored definition of ${surveyId} is not valid; PUT it again`);
  const unitType = resolveUnitType(cycle, surveyId, stored.unitType ?? parsed.data.unitType);
  if (!unitType) {
    throw new DomainError('SURVEY_DEFINITION_STALE', `survey ${surveyId} names no unit type and the cycle does not list it`);
  }
  const framework = await frameworkFor(cycle, unitType, stores);
  const units = await stores.listUnits({ type: unitType });
  return { cycle, stored, definition: parsed.data, unitType, framework, units, unitIds: new Set(units.map((u) => u.id)) };
}
