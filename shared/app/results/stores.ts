/** The stores the results use cases call (a port: the fast tier passes in-memory ones). */
import { getCycle, updateCycle } from '../../store/cycles-store.ts';
import { claimApproval, getDraft, getPublication, publish, putReportFile, reportUrl, saveDraft } from '../../store/results-store.ts';
import { notifyApproval } from '../pipeline/approval-callback.ts';
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
  putReportFile: typeof putReportFile;
  reportUrl: typeof reportUrl;
  /** Everything the computation reads (units, assessments, survey summaries), per unit type. */
  resultsInputs: typeof resultsInputs;
  /** Resumes the yearly pipeline waiting for this approval (its task token), if one waits. */
  notifyApproval: typeof notifyApproval;
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
  putReportFile,
  reportUrl,
  resultsInputs,
  notifyApproval,
  reportInput,
  withInsights,
};
