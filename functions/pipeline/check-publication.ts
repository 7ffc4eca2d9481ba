/**
 * Pipeline task CheckPublication, polled while the council decides: `published` once the council's
 * approval (POST /v1/cycles/{year}/results/approve) has written the publication. Waiting ends
 * with ApprovalOverdue long after the publication deadline, so no execution polls forever.
 */
import { approvalOverdue, PipelineError } from '../../shared/domain/pipeline.ts';
import { getDraft, getPublication } from '../../shared/store/results-store.ts';
import { cycleOf, parseTaskInput } from './task-input.ts';

export const handler = async (event: unknown) => {
  const { year } = parseTaskInput(event);
  const [cycle, publication] = await Promise.all([cycleOf(year), getPublication(year)]);
  if (publication) return { published: true, approvedAt: publication.approvedAt };
  if (approvalOverdue(cycle, new Date())) {
    throw new PipelineError(
      'ApprovalOverdue',
      `the results of ${year} are still not approved long after the publication deadline (${cycle.deadlines.publication})`,
    );
  }
  const draft = await getDraft(year);
  return { published: false, draftComputedAt: draft?.computedAt ?? null };
};
