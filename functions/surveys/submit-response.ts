/**
 * The public survey route: no sign-in, the invitation code is the credential. Unknown, forged and
 * other surveys' codes get the same 404 (nothing tells a guesser which codes exist); a spent code
 * gets 409. API Gateway throttles this route harder than the rest (api stack, `publicRoute`).
 */
import { hashCode, normaliseCode } from '../../shared/domain/invitation-codes.ts';
import { countName } from '../../shared/domain/survey-counts.ts';
import { answerRules, checkAnswers } from '../../shared/domain/survey-rows.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { prefixedPath, problems } from '../../shared/http/problems.ts';
import { getInvitation, spendInvitation } from '../../shared/store/invitations-store.ts';
import { closedReason, surveyContextOrProblem } from '../../shared/app/surveys/survey-context.ts';

const unknownCode = () => problems.notFound('this invitation code is not valid for this survey');

export const handler = httpHandler('submitSurveyResponse', async ({ params, body }) => {
  const canonical = normaliseCode(body.code);
  if (!canonical) throw unknownCode();
  const hash = hashCode(canonical);
  const invitation = await getInvitation(hash);
  if (!invitation || invitation.surveyId !== params.surveyId) throw unknownCode();
  if (invitation.usedAt) throw problems.conflict('this invitation code has already been used');

  const { cycle, definition, unitType, unitIds } = await surveyContextOrProblem(invitation.year, invitation.surveyId);
  const closed = closedReason(cycle);
  if (closed) throw problems.conflict(closed);
  if (Date.parse(cycle.deadlines.survey) < Date.now()) {
    throw problems.conflict(`the survey closed at ${cycle.deadlines.survey}`);
  }
  const checked = checkAnswers(invitation.unitId, invitation.group, body.answers, answerRules(definition, unitType, unitIds));
  if (checked.errors.length > 0) {
    const binding = checked.errors.filter((e) => e.path === 'unitId' || e.path === 'group');
    if (binding.length > 0) throw problems.conflict(`the code's ${binding.map((e) => e.message).join('; ')}`);
    throw problems.validation(
      checked.errors.map((e) => ({
        path: e.path === 'answers' ? 'body.answers' : prefixedPath('body', ['answers', e.path]),
        message: e.message,
      })),
    );
  }
  const names = Object.entries(checked.answers).map(([q, option]) => countName(q, option));
  await spendInvitation(hash, invitation, checked.answers, names);
  return {
    status: 201,
    body: { surveyId: invitation.surveyId, unitId: invitation.unitId, group: invitation.group, answered: names.length },
  };
});
