import { applyExplanation } from '../../domain/appraisal.ts';
import { evidenceLinkErrors, type EvidenceRef } from '../../domain/assessment.ts';
import { explanationStates } from '../../domain/assessment-workflow.ts';
import { DomainError, enforce, fail } from '../../domain/errors.ts';
import { findApplicableLeaf } from '../../domain/framework.ts';
import type { Caller } from '../../domain/roles.ts';
import { writeWindow } from '../../domain/write-window.ts';
import { loadContext, roundOf } from '../assessment/assessment-context.ts';
import { writeLeaf } from '../assessment/leaf-writes.ts';
import { assessmentStores, type AssessmentStores } from '../assessment/stores.ts';

export interface SetExplanationInput {
  year: number;
  unitId: string;
  code: string;
  text: string;
  evidence?: EvidenceRef[];
  expectedVersion?: number;
}

/** The unit's explanation of one leaf, with new evidence, while the assessment is returned. */
export async function setExplanation(caller: Caller, input: SetExplanationInput, stores: AssessmentStores = assessmentStores) {
  const ctx = await loadContext(caller, input.year, input.unitId, 'write-own', stores);
  const entry = findApplicableLeaf(ctx.framework, input.code, ctx.notApplicable);
  const before = ctx.loaded.items.get(input.code);
  if (!entry || !before) throw new DomainError('LEAF_NOT_FOUND', `leaf ${input.code} has nothing to explain in this assessment`);
  const evidence = input.evidence ?? [];
  // Evidence links are checked as for a self score; the score itself is the stored one.
  const errors = evidenceLinkErrors(evidence, ctx.loaded.evidence);
  if (errors.length > 0) throw fail.invalid(errors);
  enforce(writeWindow(ctx.cycle, ctx.unit.id, ctx.state, explanationStates, 'explaining', new Date()));
  const after = applyExplanation(before, input.text, evidence, roundOf(ctx), caller.username, new Date().toISOString());
  return writeLeaf(
    caller,
    ctx,
    entry,
    explanationStates,
    { after, action: 'explanation.set', expectedVersion: input.expectedVersion },
    stores,
  );
}
