/** One-time invitation codes for a unit and group of a survey; only their hashes are stored. */
import { enforce, fail, type FieldError } from '../../domain/errors.ts';
import { hashCode, newCode, normaliseCode } from '../../domain/invitation-codes.ts';
import type { Caller } from '../../domain/roles.ts';
import { surveyWindow } from '../../domain/write-window.ts';
import { loadSurveyContext } from './survey-context.ts';
import { surveyStores, type SurveyStores } from './stores.ts';
import { answerLinks } from './answer-links.ts';

export interface CreateInvitationsInput {
  year: number;
  surveyId: string;
  unitId: string;
  group: string;
  count: number;
}

export async function createInvitations(
  caller: Caller,
  input: CreateInvitationsInput,
  stores: SurveyStores = surveyStores,
  now = new Date(),
) {
  const { cycle, definition, unitIds, unitType } = await loadSurveyContext(input.year, input.surveyId, stores);
  enforce(surveyWindow(cycle, now));
  const errors: FieldError[] = [];
  if (!unitIds.has(input.unitId)) errors.push({ path: 'unitId', message: `"${input.unitId}" is not a ${unitType} unit of this survey` });
  if (!Object.hasOwn(definition.groups, input.group)) {
    errors.push({ path: 'group', message: `"${input.group}" is not one of the groups ${Object.keys(definition.groups).join(', ')}` });
  }
  if (errors.length > 0) throw fail.invalid(errors);
  const codes = Array.from({ length: input.count }, () => newCode());
  const hashes = codes.map((code) => hashCode(normaliseCode(code) as string));
  const binding = { year: input.year, surveyId: input.surveyId, unitId: input.unitId, group: input.group };
  await stores.createInvitations(caller, binding, hashes);
  return { surveyId: input.surveyId, unitId: input.unitId, group: input.group, codes, links: answerLinks(codes) };
}
