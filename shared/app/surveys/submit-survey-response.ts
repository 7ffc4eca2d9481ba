/**
 * The public answer: the invitation code is the credential. Unknown, forged and other surveys'
 * codes get the same INVITATION_UNKNOWN (nothing tells a guesser which codes exist); a spent code
 * INVITATION_USED; a code whose unit or group left the survey INVITATION_MISMATCH. A refused
 * answer spends nothing.
 */
import { DomainError, enforce, fail } from '../../domain/errors.ts';
import { hashCode, normaliseCode } from '../../domain/invitation-codes.ts';
import type { Caller } from '../../domain/roles.ts';
import { countName } from '../../domain/survey-counts.ts';
import { answerRules, checkAnswers } from '../../domain/survey-rows.ts';
import { surveyWindow } from '../../domain/write-window.ts';
import { formatPath } from '../../schemas/issues.ts';
import { loadSurveyContext } from './survey-context.ts';
import { surveyStores, type SurveyStores } from './stores.ts';

export interface SubmitSurveyResponseInput {
  surveyId: string;
  code: string;
  answers: Record<string, string | null>;
}

const unknownCode = () => new DomainError('INVITATION_UNKNOWN', 'this invitation code is not valid for this survey');

export async function submitSurveyResponse(
  _caller: Caller,
  input: SubmitSurveyResponseInput,
  stores: SurveyStores = surveyStores,
  now = new Date(),
) {
  const canonical = normaliseCode(input.code);
  if (!canonical) throw unknownCode();
  const hash = hashCode(canonical);
  const invitation = await stores.getInvitation(hash);
  if (!invitation || invitation.surveyId !== input.surveyId) throw unknownCode();
  if (invitation.usedAt) throw fail.conflict('INVITATION_USED', 'this invitation code has already been used');

  const { cycle, definition, unitType, unitIds } = await loadSurveyContext(invitation.year, invitation.surveyId, stores);
  enforce(surveyWindow(cycle, now, { answers: true }));
  const checked = checkAnswers(invitation.unitId, invitation.group, input.answers, answerRules(definition, unitType, unitIds));
  if (checked.errors.length > 0) {
    const binding = checked.errors.filter((e) => e.path === 'unitId' || e.path === 'group');
    if (binding.length > 0) throw fail.conflict('INVITATION_MISMATCH', `the code's ${binding.map((e) => e.message).join('; ')}`);
    throw fail.invalid(
      checked.errors.map((e) => ({ path: e.path === 'answers' ? 'answers' : formatPath(['answers', e.path]), message: e.message })),
    );
  }
  const names = Object.entries(checked.answers).map(([q, option]) => countName(q, option));
  await stores.spendInvitation(hash, invitation, checked.answers, names);
  return { surveyId: invitation.surveyId, unitId: invitation.unitId, group: invitation.group, answered: names.length };
}
