/**
 * The council approves the draft it read and publishes it, exactly once: the draft is claimed
 * first (a conditional write only one approval can win), then the report objects are written,
 * then the publication. A refused or losing approval writes no object. A claim whose publication
 * never followed (the approving call died) is resumed by the same approval after a lease.
 */
import { enforce, fail } from '../../domain/errors.ts';
import { approvalRefusal, resumableApproval } from '../../domain/results-approval.ts';
import type { Caller } from '../../domain/roles.ts';
import type { Cycle } from '../../schemas/domain/cycles.ts';
import type { ApprovalClaim, DraftResults, Publication } from '../../store/results-store.ts';
import { reportBodies } from './report-files.ts';
import { publicationStores, type PublicationStores } from './publication-stores.ts';

export interface ApproveInput {
  year: number;
  decision: string;
  computedAt: string;
}

async function publishClaimed(caller: Caller, draft: DraftResults, claim: ApprovalClaim, approved: Cycle, stores: PublicationStores) {
  const content = { year: draft.year, decision: claim.decision, approvedAt: claim.approvedAt, results: draft.results };
  const bodies = await reportBodies(content, stores);
  const files = await Promise.all(bodies.map((f) => stores.putReportFile(draft.year, f.name, f.contentType, f.body)));
  const publication: Publication = { ...content, approvedBy: claim.approvedBy, files };
  await stores.publish(caller, publication, approved, { ...approved, phase: 'published', version: approved.version + 1 });
  await stores.notifyApproval(draft.year);
  return { year: draft.year, decision: claim.decision, approvedAt: claim.approvedAt, files: files.map(({ key: _k, ...f }) => f) };
}

export async function approveResults(caller: Caller, input: ApproveInput, stores: PublicationStores = publicationStores, now = new Date()) {
  const [cycle, draft] = await Promise.all([stores.getCycle(input.year), stores.getDraft(input.year)]);
  if (!cycle) throw fail.notFound(`cycle ${input.year} does not exist`, 'CYCLE_NOT_FOUND');
  if (draft?.approval && cycle.phase === 'approved' && resumableApproval(draft, input, now)) {
    return publishClaimed(caller, draft, draft.approval, cycle, stores);
  }
  enforce(approvalRefusal(cycle, draft, input, now));
  const claim: ApprovalClaim = { decision: input.decision, approvedAt: now.toISOString(), approvedBy: caller.username };
  const approved: Cycle = { ...cycle, phase: 'approved', version: cycle.version + 1 };
  await stores.claimApproval(caller, draft!, claim, cycle, approved);
  return publishClaimed(caller, { ...draft!, status: 'approved', approval: claim }, claim, approved, stores);
}
