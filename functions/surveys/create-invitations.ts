import { hashCode, newCode, normaliseCode } from '../../shared/domain/invitation-codes.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { problems } from '../../shared/http/problems.ts';
import { createInvitations } from '../../shared/store/invitations-store.ts';
import { closedReason, surveyContextOrProblem } from '../../shared/app/surveys/survey-context.ts';

export const handler = httpHandler('createSurveyInvitations', async ({ params, body, caller }) => {
  const { cycle, definition, unitIds, unitType } = await surveyContextOrProblem(params.year, params.surveyId);
  const closed = closedReason(cycle);
  if (closed) throw problems.conflict(closed);
  const errors = [];
  if (!unitIds.has(body.unitId)) errors.push({ path: 'body.unitId', message: `"${body.unitId}" is not a ${unitType} unit of this survey` });
  if (!(body.group in definition.groups)) {
    errors.push({ path: 'body.group', message: `"${body.group}" is not one of the groups ${Object.keys(definition.groups).join(', ')}` });
  }
  if (errors.length > 0) throw problems.validation(errors);
  const codes = Array.from({ length: body.count }, () => newCode());
  const hashes = codes.map((code) => hashCode(normaliseCode(code) as string));
  await createInvitations(caller, { year: params.year, surveyId: params.surveyId, unitId: body.unitId, group: body.group }, hashes);
  return { status: 201, body: { surveyId: params.surveyId, unitId: body.unitId, group: body.group, codes } };
});
