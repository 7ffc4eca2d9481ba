/**
 * What the public answer page shows for a code: the unit's name, the group's label and the
 * questions asked of that group with their options, in the survey's words. Nothing else leaves:
 * no ids of other units, no counts, no other codes. Unknown and forged codes get the same
 * INVITATION_UNKNOWN as the answer route; a spent one INVITATION_USED; a closed survey its
 * write-window refusal (so the citizen learns before typing anything).
 */
import { DomainError, enforce, fail } from '../../domain/errors.ts';
import { hashCode, normaliseCode } from '../../domain/invitation-codes.ts';
import { questionOptions } from '../../domain/survey-definition.ts';
import type { SurveyDefinitionInput } from '../../schemas/files/survey-definition.ts';
import { surveyWindow } from '../../domain/write-window.ts';
import { loadSurveyContext } from './survey-context.ts';
import { surveyStores, type SurveyStores } from './stores.ts';

const unknownCode = () => new DomainError('INVITATION_UNKNOWN', 'this invitation code is not valid');

export function questionsFor(definition: SurveyDefinitionInput, group: string) {
  return definition.questions.flatMap((q, i) =>
    q.groups && !q.groups.includes(group)
      ? []
      : [
          {
            id: q.id,
            text: q.text ?? q.id,
            options: Object.keys(questionOptions(definition, i)).map((key) => ({ key, label: definition.optionLabels?.[key] ?? key })),
          },
        ],
  );
}

export async function getPublicInvitation(input: { code: string }, stores: SurveyStores = surveyStores, now = new Date()) {
  const canonical = normaliseCode(input.code);
  if (!canonical) throw unknownCode();
  const invitation = await stores.getInvitation(hashCode(canonical));
  if (!invitation) throw unknownCode();
  if (invitation.usedAt) throw fail.conflict('INVITATION_USED', 'this invitation code has already been used');
  const { cycle, definition, units } = await loadSurveyContext(invitation.year, invitation.surveyId, stores);
  enforce(surveyWindow(cycle, now, { answers: true }));
  const unit = units.find((u) => u.id === invitation.unitId);
  const groupLabel = definition.groups[invitation.group];
  if (!unit || groupLabel === undefined) {
    throw fail.conflict('INVITATION_MISMATCH', "the code's unit or group is no longer part of this survey");
  }
  return {
    surveyId: invitation.surveyId,
    surveyName: definition.name,
    unitName: unit.name,
    groupLabel,
    questions: questionsFor(definition, invitation.group),
  };
}
