/** The province's assessment as its use cases load it: the assessment context, refused for any other unit type. */
import type { Assignment } from '../../domain/appraisal.ts';
import { DomainError } from '../../domain/errors.ts';
import { provinceType } from '../../domain/province.ts';
import type { Caller } from '../../domain/roles.ts';
import { getMinistryScore, saveMinistryScore } from '../../store/ministry-score-store.ts';
import { loadContext, type AssessmentContext, type Intent } from '../assessment/assessment-context.ts';
import { assessmentStores, type AssessmentStores } from '../assessment/stores.ts';

export interface ProvinceStores extends AssessmentStores {
  getMinistryScore: typeof getMinistryScore;
  saveMinistryScore: typeof saveMinistryScore;
}

export const provinceStores: ProvinceStores = { ...assessmentStores, getMinistryScore, saveMinistryScore };

export async function loadProvinceContext(
  caller: Caller,
  year: number,
  unitId: string,
  intent: Intent,
  stores: ProvinceStores,
): Promise<AssessmentContext & { assignment: Assignment }> {
  const ctx = await loadContext(caller, year, unitId, intent, stores);
  if (ctx.unit.type !== provinceType) {
    throw new DomainError(
      'ASSESSMENT_NOT_FOUND',
      `unit ${unitId} is not the province: only the province's assessment goes to the Ministry`,
    );
  }
  return { ...ctx, assignment: ctx.cycle.appraisal as Assignment };
}
