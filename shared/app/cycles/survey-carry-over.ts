/**
 * Opening a cycle copies the previous cycle's survey definitions (issue 11 item 5), so the
 * surveys a new cycle names do not answer 404 until an admin PUTs each one again.
 */
import { checkDefinition } from '../../domain/survey-definition.ts';
import type { Cycle } from '../../schemas/domain/cycles.ts';
import type { UnitType } from '../../schemas/files/framework.ts';
import { surveyDefinitionSchema } from '../../schemas/files/survey-definition.ts';
import type { SurveyFields } from '../../store/surveys-store.ts';
import type { CyclesStores } from './stores.ts';

/** How far back "the previous cycle" is looked for: years may be skipped, not decades. */
const lookBackYears = 5;

export interface SurveyCopy extends SurveyFields {
  /** Where it came from: `year/surveyId`, for the audit trail. */
  from: string;
}

export interface SurveyToDefine {
  unitType: UnitType;
  surveyId: string;
  reason: string;
}

type Reads = Pick<CyclesStores, 'getCycle' | 'getSurvey' | 'getFramework' | 'listUnits'>;

async function previousCycle(year: number, stores: Reads): Promise<Cycle | undefined> {
  for (let y = year - 1; y >= year - lookBackYears; y--) {
    const cycle = await stores.getCycle(y);
    if (cycle) return cycle;
  }
  return undefined;
}

/**
 * For each survey the new cycle names and does not define yet: the previous cycle's survey of the
 * same unit type (re-keyed to the new id), copied only when it answers the same framework id (a
 * new framework changes the leaves a survey feeds; copying would guess) and still checks against
 * that framework and the registry. The rest are listed for the admin to define.
 */
export async function carryOverSurveys(cycle: Cycle, stores: Reads): Promise<{ copies: SurveyCopy[]; toDefine: SurveyToDefine[] }> {
  const named = Object.entries(cycle.surveys ?? {}) as [UnitType, string][];
  const previous = named.length > 0 ? await previousCycle(cycle.year, stores) : undefined;
  const copies: SurveyCopy[] = [];
  const toDefine: SurveyToDefine[] = [];
  for (const [unitType, surveyId] of named) {
    if (await stores.getSurvey(cycle.year, surveyId)) continue;
    const refuse = (reason: string) => toDefine.push({ unitType, surveyId, reason });
    const fromId = previous?.surveys?.[unitType] ?? surveyId;
    const source = previous ? await stores.getSurvey(previous.year, fromId) : undefined;
    if (!previous || !source) {
      refuse('no survey of the previous cycle to copy');
      continue;
    }
    const frameworkId = cycle.frameworks[unitType];
    if (!frameworkId || source.frameworkId !== frameworkId) {
      refuse(`the previous cycle's survey answers framework ${source.frameworkId ?? '?'}, this cycle uses ${frameworkId ?? 'none'}`);
      continue;
    }
    const parsed = surveyDefinitionSchema.safeParse({ ...(source.definition as object), id: surveyId });
    const framework = (await stores.getFramework(frameworkId))?.framework;
    const units = new Set((await stores.listUnits({ type: unitType })).map((u) => u.id));
    const check = parsed.success && framework ? checkDefinition(parsed.data, framework, units) : undefined;
    if (!parsed.success || !check || check.errors.length > 0) {
      refuse("the previous cycle's survey no longer checks against the framework or the registry");
      continue;
    }
    copies.push({ year: cycle.year, surveyId, unitType, frameworkId, definition: parsed.data, from: `${previous.year}/${fromId}` });
  }
  return { copies, toDefine };
}
