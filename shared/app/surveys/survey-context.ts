/**
 * What every survey route and the ingestion need: the cycle, the stored definition (checked
 * against the schema: seeded items predate the route), its unit type and framework, and the
 * units it covers.
 */
import { problems } from '../../http/problems.ts';
import type { Cycle } from '../../schemas/cycles.ts';
import type { Framework, UnitType } from '../../schemas/framework.ts';
import { surveyDefinitionSchema, type SurveyDefinitionInput } from '../../schemas/survey-definition.ts';
import type { Unit } from '../../schemas/units.ts';
import { getCycle } from '../../store/cycles-store.ts';
import { getFramework } from '../../store/frameworks-store.ts';
import { getSurvey, type StoredSurvey } from '../../store/surveys-store.ts';
import { listUnits } from '../../store/units-store.ts';

export class SurveyContextError extends Error {
  constructor(
    readonly kind: 'not-found' | 'invalid',
    message: string,
  ) {
    super(message);
  }
}

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

/**
 * Once the council has approved (or the province published) a cycle, its survey counts are part of
 * the result: no new definitions, files, codes or answers change them.
 */
export function closedReason(cycle: Cycle): string | undefined {
  return cycle.phase === 'approved' || cycle.phase === 'published'
    ? `cycle ${cycle.year} is ${cycle.phase}: its survey can no longer change`
    : undefined;
}

export async function loadCycle(year: number): Promise<Cycle> {
  const cycle = await getCycle(year);
  if (!cycle) throw new SurveyContextError('not-found', `cycle ${year} does not exist`);
  return cycle;
}

export async function frameworkFor(cycle: Cycle, unitType: UnitType): Promise<Framework> {
  const frameworkId = cycle.frameworks[unitType];
  const framework = frameworkId ? (await getFramework(frameworkId))?.framework : undefined;
  if (!framework) throw new SurveyContextError('invalid', `cycle ${cycle.year} names no framework for ${unitType} units`);
  return framework;
}

export async function unitsOfType(unitType: UnitType): Promise<Unit[]> {
  return listUnits({ type: unitType });
}

export async function loadSurveyContext(year: number, surveyId: string): Promise<SurveyContext> {
  const cycle = await loadCycle(year);
  const stored = await getSurvey(year, surveyId);
  if (!stored) throw new SurveyContextError('not-found', `survey ${surveyId} does not exist in cycle ${year}`);
  const parsed = surveyDefinitionSchema.safeParse(stored.definition);
  if (!parsed.success) throw new SurveyContextError('invalid', `the stored definition of ${surveyId} is not valid; PUT it again`);
  const unitType = resolveUnitType(cycle, surveyId, stored.unitType ?? parsed.data.unitType);
  if (!unitType) throw new SurveyContextError('invalid', `survey ${surveyId} names no unit type and the cycle does not list it`);
  const framework = await frameworkFor(cycle, unitType);
  const units = await unitsOfType(unitType);
  return { cycle, stored, definition: parsed.data, unitType, framework, units, unitIds: new Set(units.map((u) => u.id)) };
}

/** For routes: the context, or the problem that explains why there is none. */
export async function surveyContextOrProblem(year: number, surveyId: string): Promise<SurveyContext> {
  try {
    return await loadSurveyContext(year, surveyId);
  } catch (error) {
    throw asProblem(error);
  }
}

export function asProblem(error: unknown): unknown {
  if (!(error instanceof SurveyContextError)) return error;
  return error.kind === 'not-found'
    ? problems.notFound(error.message, error.message.startsWith('cycle') ? 'CYCLE_NOT_FOUND' : 'SURVEY_NOT_FOUND')
    : problems.conflict(error.message, {}, 'SURVEY_DEFINITION_STALE');
}
