/**
 * Task CheckPublication, polled while the council decides: `published` once the council's approval
 * has written the publication. Waiting ends with APPROVAL_OVERDUE long after the publication
 * deadline, so no execution polls forever.
 */
import { fail } from '../../domain/errors.ts';
import { approvalOverdue } from '../../domain/pipeline.ts';
import type { Caller } from '../../domain/roles.ts';
import { cycleOf } from './cycle-of.ts';
import { pipelineStores, type PipelineStores } from './stores.ts';

export async function checkPublication(
  _caller: Caller,
  input: { year: number },
  stores: PipelineStores = pipelineStores,
  now = new Date(),
) {
  const { year } = input;
  const [cycle, publication] = await Promise.all([cycleOf(year, stores), stores.getPublication(year)]);
  if (publication) return { published: true, approvedAt: publication.approvedAt };
  if (approvalOverdue(cycle, now)) {
    throw fail.conflict(
      'APPROVAL_OVERDUE',
      `the results of ${year} are still not approved long after the publication deadline (${cycle.deadlines.publication})`,
    );
  }
  const draft = await stores.getDraft(year);
  return { published: false, draftComputedAt: draft?.computedAt ?? null };
}
