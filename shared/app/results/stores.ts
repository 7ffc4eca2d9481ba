/**
 * The stores the results use cases call (a port: the fast tier passes in-memory ones). The report
 * bucket is the publication's own port (publication-stores.ts) and the report builders with the
 * pipeline callback the report function's (report-stores.ts), so the routes that only read,
 * compute or approve carry no report builder or Step Functions client.
 */
import { getCycle, getCycleRegistry, updateCycle } from '../../store/cycles-store.ts';
import {
  claimApproval,
  getCouncilPublication,
  getDraft,
  getPublication,
  listPublications,
  publish,
  saveDraft,
} from '../../store/results-store.ts';
import { listUnits } from '../../store/units-store.ts';
import { registryOf, type CycleUnit } from '../cycles/cycle-registry.ts';
import { withInsights } from './insights.ts';
import { resultsInputs } from './results-inputs.ts';

export interface ResultsStores {
  getCycle: typeof getCycle;
  updateCycle: typeof updateCycle;
  getDraft: typeof getDraft;
  /** The year's publications as one (every council's). */
  getPublication: typeof getPublication;
  getCouncilPublication: typeof getCouncilPublication;
  listPublications: typeof listPublications;
  /** The cycle's own registry: which council owns which unit. */
  cycleRegistry: (year: number) => Promise<CycleUnit[]>;
  saveDraft: typeof saveDraft;
  claimApproval: typeof claimApproval;
  publish: typeof publish;
  /** Everything the computation reads (units, assessments, survey summaries), per unit type. */
  resultsInputs: typeof resultsInputs;
  /** Year over year and strengths and weaknesses (reads the previous publication and the registry). */
  withInsights: typeof withInsights;
}

export const resultsStores: ResultsStores = {
  getCycle,
  updateCycle,
  getDraft,
  getPublication,
  getCouncilPublication,
  listPublications,
  cycleRegistry: (year) => registryOf({ getCycleRegistry, listUnits: () => listUnits({}) }, year),
  saveDraft,
  claimApproval,
  publish,
  resultsInputs,
  withInsights,
};
