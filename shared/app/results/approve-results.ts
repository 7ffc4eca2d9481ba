/**
 * A council approves the draft it read and publishes it, exactly once: the draft is claimed
 * first (a conditional write only one approval can win), then the publication is written with its
 * report files `pending`, then a report request. A refused or losing approval writes no object.
 * A claim whose publication never followed (the approving call died) is resumed by the same
 * approval after a lease. Councils per level: each council (the provincial one, or a district's
 * for its communes) claims and publishes its own draft; the cycle is `published` with the last
 * council it needs.
 *
 * Why the files follow instead of being written here: building them (XLSX, HTML, open data) is
 * the heavy part, in time and bundle. The request object's creation event (shared/events.ts
 * `reportsRequested`) runs the report function with the platform's async retries, a dead-letter
 * queue and a re-drive, the same delivery the survey imports use; a DynamoDB stream would need its
 * own local emulation. The report function writes the files, completes the publication and only
 * then resumes the pipeline (shared/app/results/generate-reports.ts).
 */
import { councilOfCaller, councilRefusal, provinceCouncil, publishedBy, requiredCouncils, type CouncilKey } from '../../domain/councils.ts';
import { enforce, fail, isDomainError } from '../../domain/errors.ts';
import { approvalRefusal, resumableApproval } from '../../domain/results-approval.ts';
import type { Caller } from '../../domain/roles.ts';
import type { Cycle } from '../../schemas/domain/cycles.ts';
import type { ApprovalClaim, DraftResults, Publication } from '../../store/results-store.ts';
import { publicationStores, type PublicationStores } from './publication-stores.ts';

export interface ApproveInput {
  year: number;
  decision: string;
  computedAt: string;
  /** The district whose communes are approved; a district council's token names its own. */
  district?: string;
}

/**
 * Councils write concurrently to the one cycle item (each claim and each publication moves its
 * version); a lost race is read again this many times, after a jittered pause. Without the report
 * building between claim and publication, approvals arriving together also publish together.
 */
const attempts = 8;
const lostRace = (error: unknown) => isDomainError(error, 'ALREADY_PUBLISHED') || isDomainError(error, 'VERSION_CONFLICT');
const pause = (attempt: number) => new Promise((resolve) => setTimeout(resolve, 25 * 2 ** Math.min(attempt, 5) * Math.random()));

/** Step 3 as the last council or not: the cycle's version orders the councils' publications. */
async function publishInTurn(
  caller: Caller,
  publication: Publication,
  council: CouncilKey,
  required: readonly CouncilKey[],
  stores: PublicationStores,
) {
  for (let attempt = 1; ; attempt++) {
    const [cycle, publications] = await Promise.all([stores.getCycle(publication.year), stores.listPublications(publication.year)]);
    const done = new Set(publications.map((p) => p.council ?? provinceCouncil));
    if (done.has(council))
      throw fail.conflict('ALREADY_PUBLISHED', `the results of council ${council} for ${publication.year} are already published`);
    const awaiting = required.filter((k) => k !== council && !done.has(k));
    const next: Cycle = { ...cycle!, phase: awaiting.length === 0 ? 'published' : 'approved', version: cycle!.version + 1 };
    try {
      await stores.publish(caller, publication, cycle!, next);
      return awaiting;
    } catch (error) {
      if (attempt >= attempts || !lostRace(error)) throw error;
      await pause(attempt);
    }
  }
}

async function publishClaimed(
  caller: Caller,
  draft: DraftResults,
  claim: ApprovalClaim,
  required: readonly CouncilKey[],
  stores: PublicationStores,
) {
  const council = draft.council ?? provinceCouncil;
  const content = { year: draft.year, decision: claim.decision, approvedAt: claim.approvedAt, results: draft.results };
  const publication: Publication = { ...content, council, approvedBy: claim.approvedBy, files: [], reports: 'pending' };
  const awaiting = await publishInTurn(caller, publication, council, required, stores);
  // After the publication: a request is never written for a publication that does not exist. If
  // this write is lost, the report function's re-drive finds the pending publication.
  await stores.requestReports(draft.year, council, { approvedAt: claim.approvedAt });
  return {
    year: draft.year,
    decision: claim.decision,
    approvedAt: claim.approvedAt,
    publishedBy: publishedBy(council, claim.decision, claim.approvedAt),
    awaiting,
    reports: 'pending' as const,
    files: [],
  };
}

export async function approveResults(caller: Caller, input: ApproveInput, stores: PublicationStores = publicationStores, now = new Date()) {
  const first = await stores.getCycle(input.year);
  if (!first) throw fail.notFound(`cycle ${input.year} does not exist`, 'CYCLE_NOT_FOUND');
  const council = input.district ?? councilOfCaller(caller);
  const required = requiredCouncils(first, await stores.cycleRegistry(input.year));
  enforce(councilRefusal(caller, council, first, required));
  for (let attempt = 1; ; attempt++) {
    const [cycle, draft, own] = await Promise.all([
      attempt === 1 ? first : stores.getCycle(input.year),
      stores.getDraft(input.year, council),
      stores.getCouncilPublication(input.year, council),
    ]);
    if (draft?.approval && cycle!.phase === 'approved' && !own && resumableApproval(draft, input, now)) {
      return publishClaimed(caller, draft, draft.approval, required, stores);
    }
    enforce(approvalRefusal(cycle!, draft, input, now, Boolean(own)));
    const claim: ApprovalClaim = { decision: input.decision, approvedAt: now.toISOString(), approvedBy: caller.username };
    const approved: Cycle = { ...cycle!, phase: 'approved', version: cycle!.version + 1 };
    try {
      await stores.claimApproval(caller, draft!, claim, cycle!, approved);
    } catch (error) {
      // Another council's claim or publication moved the cycle on: read again (a claim of this draft is refused then).
      if (attempt < attempts && lostRace(error)) {
        await pause(attempt);
        continue;
      }
      throw error;
    }
    return publishClaimed(caller, { ...draft!, status: 'approved', approval: claim }, claim, required, stores);
  }
}
