/**
 * Task CheckPublication, polled while the councils decide: `published` once every council the cycle
 * needs has published (the cycle's phase is `published`); until then it names the councils awaited. Waiting ends with APPROVAL_OVERDUE long after the publication
 * deadline, so no execution polls forever.
 */
import { provinceCouncil, requiredCouncils } from '../../domain/councils.ts';
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
  if (publication && cycle.phase === 'published') return { published: true, approvedAt: publication.approvedAt };
  if (approvalOverdue(cycle, now)) {
    throw fail.conflict(
      'APPROVAL_OVERDUE',
      `the results of ${year} are still not approved long after the publication deadline (${cycle.deadlines.publication})`,
    );
  }
  const [draft, registry] = await Promise.all([stores.getDraft(year), stores.cycleRegistry(year)]);
  const done = new Set(publication?.councils.map((c) => c.district ?? provinceCouncil) ?? []);
  const awaiting = requiredCouncils(cycle, registry).filter((c) => !done.has(c));
  return { published: false, draftComputedAt: draft?.computedAt ?? null, awaiting };
}
