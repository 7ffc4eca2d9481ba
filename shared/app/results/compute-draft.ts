/**
 * The councils' draft computation, shared by the compute route and the pipeline's compute task:
 * gather the inputs of every unit type of the cycle, split them by the council that approves each
 * unit (the provincial council, or a district council for its communes, from the cycle's own
 * registry), compute and store each council's draft (refused once the results are approved or
 * published). A district council ranks its own communes.
 */
import { councilsOfUnits, provinceCouncil, requiredCouncils, type CouncilKey } from '../../domain/councils.ts';
import { computeIndex } from '../../domain/index-computation.ts';
import { scoreInput } from '../../domain/results-inputs.ts';
import type { Caller } from '../../domain/roles.ts';
import type { Cycle } from '../../schemas/domain/cycles.ts';
import type { DraftResults } from '../../store/results-store.ts';
import type { TypeInputs } from './results-inputs.ts';
import { resultsStores, type ResultsStores } from './stores.ts';

type ComputeStores = Pick<ResultsStores, 'resultsInputs' | 'saveDraft' | 'withInsights' | 'cycleRegistry'>;

/**
 * The inputs of one council: its units only. A unit type the council owns no unit of is left out,
 * except for the province when nobody owns any (a cycle whose units are all still to come).
 */
function inputsOf(all: readonly TypeInputs[], owner: ReadonlyMap<string, CouncilKey>, council: CouncilKey): TypeInputs[] {
  const mine = (unitId: string) => (owner.get(unitId) ?? provinceCouncil) === council;
  return all
    .filter((t) => t.units.some((u) => mine(u.unitId)) || (council === provinceCouncil && t.units.length === 0))
    .map((t) => ({ ...t, units: t.units.filter((u) => mine(u.unitId)), notFinalized: t.notFinalized.filter((u) => mine(u.unitId)) }));
}

async function draftOf(caller: Caller, cycle: Cycle, inputs: TypeInputs[], council: CouncilKey, stores: ComputeStores, now: Date) {
  const draft: DraftResults = {
    year: cycle.year,
    ...(council === provinceCouncil ? {} : { council }),
    status: 'draft',
    computedAt: now.toISOString(),
    computedBy: caller.username,
    notFinalized: inputs.flatMap((t) => t.notFinalized),
    results: await stores.withInsights(
      cycle,
      inputs,
      Object.fromEntries(inputs.map((t) => [t.unitType, computeIndex(t.framework, t.units.map(scoreInput))])),
    ),
  };
  await stores.saveDraft(caller, draft);
  return draft;
}

/** Computes and stores the drafts of the councils named (all the cycle needs by default), the province's first. */
export async function computeDrafts(
  caller: Caller,
  cycle: Cycle,
  stores: ComputeStores = resultsStores,
  now = new Date(),
  only?: readonly CouncilKey[],
): Promise<DraftResults[]> {
  const [inputs, registry] = await Promise.all([stores.resultsInputs(cycle), stores.cycleRegistry(cycle.year)]);
  const owner = councilsOfUnits(cycle, registry);
  const councils = requiredCouncils(cycle, registry).filter((c) => !only || only.includes(c));
  const drafts: DraftResults[] = [];
  for (const council of councils) drafts.push(await draftOf(caller, cycle, inputsOf(inputs, owner, council), council, stores, now));
  return drafts;
}

/** The draft a caller gets back: the first council's, with a line per other council computed. */
export function draftAnswer(drafts: readonly DraftResults[]): DraftResults & { districts?: DistrictDraftLine[] } {
  const [first, ...rest] = drafts;
  if (!first) throw new Error('no council draft was computed');
  return rest.length === 0 ? first : { ...first, districts: rest.map(districtLine) };
}

export interface DistrictDraftLine {
  district: string;
  computedAt: string;
  units: number;
  notFinalized: number;
}

const districtLine = (d: DraftResults): DistrictDraftLine => ({
  district: d.council ?? provinceCouncil,
  computedAt: d.computedAt,
  units: Object.values(d.results).reduce((n, r) => n + (r?.units.length ?? 0), 0),
  notFinalized: d.notFinalized.length,
});

/** Every council's draft, the answer being the province's (the admin's and the pipeline's computation). */
export async function computeDraft(caller: Caller, cycle: Cycle, stores: ComputeStores = resultsStores, now = new Date()) {
  return draftAnswer(await computeDrafts(caller, cycle, stores, now));
}
