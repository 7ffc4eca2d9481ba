/** What publishing adds to the results port: the reports bucket and the callback that resumes the yearly pipeline. */
import { putReportFile, reportUrl } from '../../store/report-files-store.ts';
import { notifyApproval } from '../pipeline/approval-callback.ts';
import { resultsStores, type ResultsStores } from './stores.ts';

export interface PublicationStores extends ResultsStores {
  putReportFile: typeof putReportFile;
  reportUrl: typeof reportUrl;
  /** Resumes the yearly pipeline waiting for this approval (its task token), if one waits. */
  notifyApproval: typeof notifyApproval;
}

export const publicationStores: PublicationStores = { ...resultsStores, putReportFile, reportUrl, notifyApproval };
