/**
 * The stores the results use cases call (a port: the fast tier passes in-memory ones). The report
 * bucket and the pipeline callback are the publication's own port (publication-stores.ts), so the
 * routes that only read or compute carry no S3 or Step Functions client.
 */
import { getCycle, updateCycle } from '../../store/cycles-store.ts';
import { claimApproval, getDraft, getPublication, publish, saveDraft } from '../../store/results-store.ts';
import { withInsights } from './insights.ts';
import { reportInput } from './report-input.ts';
import { resultsInputs } from './results-inputs.ts';

export interface ResultsStores {
  getCycle: typeof getCycle;
  updateCycle: typeof updateCycle;
  getDraft: typeof getDraft;
  getPublication: typeof getPublication;
  saveDraft: typeof saveDraft;
  claimApproval: typeof claimApproval;
  publish: typeof publish;
  /** Everything the computation reads (units, assessments, survey summaries), per unit type. */
  resultsInputs: typeof resultsInputs;
  /** What the report files need beside the results: frameworks and the registry's parents. */
  reportInput: typeof reportInput;
  /** Year over year and strengths and weaknesses (reads the previous publication and the registry). */
  withInsights: typeof withInsights;
}

export const resultsStores: ResultsStores = {
  getCycle,
  updateCycle,
  getDraft,
  getPublication,
  saveDraft,
  claimApproval,
  publish,
  resultsInputs,
  reportInput,
  withInsights,
};
