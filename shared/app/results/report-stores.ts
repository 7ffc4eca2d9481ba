/** The report function's port: the publication, what the reports need beside it, the bucket, the pipeline callback. */
import { getCouncilPublication, listPendingReports, markReportsReady } from '../../store/results-store.ts';
import { putReportFile } from '../../store/report-files-store.ts';
import { notifyApproval } from '../pipeline/approval-callback.ts';
import { reportInput } from './report-input.ts';

export interface ReportStores {
  getCouncilPublication: typeof getCouncilPublication;
  /** What the report files need beside the results: frameworks and the registry's parents. */
  reportInput: typeof reportInput;
  putReportFile: typeof putReportFile;
  markReportsReady: typeof markReportsReady;
  listPendingReports: typeof listPendingReports;
  /** Resumes the yearly pipeline waiting for the year's publication (its task token), if one waits. */
  notifyApproval: typeof notifyApproval;
}

export const reportStores: ReportStores = {
  getCouncilPublication,
  reportInput,
  putReportFile,
  markReportsReady,
  listPendingReports,
  notifyApproval,
};
