/**
 * Task CheckPublication, polled while the councils decide: `published` once every council the cycle
 * needs has published (the cycle's phase is `published`) and every publication's report files are
 * written; until then it names the councils awaited and those whose reports are pending. Waiting
 * ends with APPROVAL_OVERDUE long after the publication deadline, so no execution polls forever.
 */
import { provinceCouncil, requiredCouncils } from '../../domain/councils.ts';
import { fail } from '../../domain/errors.ts';
import { approvalOverdue } from '../../domain/pipeline.ts';
import type { Caller } from '../../domain/roles.ts';
import { cycleOf } from './cycle-of.ts';
import { pipelineStores, type PipelineStores } from './stores.ts';

const pendingCouncils = (publication: { councils: { council: string; district?: string; reports: string }[] }) =>
  publication.councils.filter((c) => c.reports === 'pending').map((c) => c.district ?? provinceCouncil);

export async function checkPublication(
  _caller: Caller,
  input: { year: number },
  stores: PipelineStores = pipelineStores,
  now = new Date(),
) {
  const { year } = input;
  const [cycle, publication] = await Promise.all([cycleOf(year, stores), stores.getPublication(year)]);
  // Published for the machine once the report files of every council are written too (seconds after the last approval).
  if (publication && cycle.phase === 'published') {
    if (publication.reports === 'ready') return { published: true, approvedAt: publication.approvedAt };
    return { published: false, reportsPending: pendingCouncils(publication), awaiting: [] };
  }
  if (approvalOverdue(cycle, now)) {
    throw fail.conflict(
      'APPROVAL_OVERDUE',
      `the results of ${year} are still not approved long after the publication deadline (${cycle.deadlines.publication})`,
    );
  }
  const [draft, registry] = await Promise.all([stores.getDraft(year), stores.cycleRegistry(year)]);
  const done = new Set(publication?.councils.map((c) => c.district ?? provinceCouncil) ?? []);
  const awaiting = requiredCouncils(cycle, registry).filter((c) => !done.has(c));
  return {
    published: false,
    draftComputedAt: draft?.computedAt ?? null,
    awaiting,
    reportsPending: pendingCouncils(publication ?? { councils: [] }),
  };
}
