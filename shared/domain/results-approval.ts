/**
 * The rules of a council's approval (DESIGN §3.2): the council approves exactly the draft it
 * read, once, and only when every unit's appraisal is final and the cycle is ready for it. Which
 * council may approve which units is councils.ts.
 */
import type { Cycle } from '../schemas/domain/cycles.ts';
import { phaseTransitionRefusal } from './cycle-phase.ts';
import { refusal, type Refusal } from './errors.ts';

export interface DraftView {
  status: 'draft' | 'approved';
  computedAt: string;
  notFinalized: readonly { unitId: string; state: string }[];
}

/**
 * `published`: whether this council's publication is written (each council approves its own draft;
 * the cycle stays `approved` until the last council the cycle needs has published).
 */
export function approvalRefusal(
  cycle: Pick<Cycle, 'year' | 'phase' | 'deadlines'>,
  draft: DraftView | undefined,
  input: { computedAt: string },
  now: Date,
  published = cycle.phase === 'published',
): Refusal | undefined {
  const { year } = cycle;
  if (!draft) return refusal('NO_DRAFT', `no results have been computed for ${year}`);
  if (published || cycle.phase === 'published') {
    return refusal('ALREADY_PUBLISHED', `the results of ${year} are already approved and published`);
  }
  if (draft.status === 'approved') {
    return refusal('APPROVAL_IN_PROGRESS', `the results of ${year} are approved and being published; read them again shortly`);
  }
  if (draft.computedAt !== input.computedAt) {
    return refusal('DRAFT_SUPERSEDED', 'the results were recomputed after the draft you read; read them again before approving', {
      computedAt: draft.computedAt,
    });
  }
  if (draft.notFinalized.length > 0) {
    return refusal('APPRAISALS_OPEN', `${draft.notFinalized.length} units have no finalised appraisal`, {
      errors: draft.notFinalized.map((u) => ({ path: `units["${u.unitId}"]`, message: `appraisal is "${u.state}", not "appraised"` })),
      errorsAt: 'resource',
    });
  }
  // Another council approved first: the cycle is already `approved`.
  return cycle.phase === 'approved' ? undefined : phaseTransitionRefusal(cycle, 'approved', 'approval', now);
}

/** A draft claimed for approval whose publication never followed (the approving call died) may be published again after this. */
export const approvalLeaseMs = 5 * 60_000;

/** Whether an approved-but-unpublished draft may be resumed by this request: same draft and decision, claim expired. */
export function resumableApproval(
  draft: { status: string; computedAt: string; approval?: { decision: string; approvedAt: string } },
  input: { computedAt: string; decision: string },
  now: Date,
): boolean {
  const claim = draft.approval;
  if (draft.status !== 'approved' || !claim) return false;
  if (draft.computedAt !== input.computedAt || claim.decision !== input.decision) return false;
  return now.getTime() - Date.parse(claim.approvedAt) > approvalLeaseMs;
}
