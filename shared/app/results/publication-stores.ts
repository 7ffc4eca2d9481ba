/**
 * What publishing adds to the results port: the report request (its event starts the report
 * function, which writes the files and resumes the pipeline) and the links to written files. The
 * approval itself carries no report builder and no Step Functions client.
 */
import { putReportRequest, reportUrl } from '../../store/report-files-store.ts';
import { resultsStores, type ResultsStores } from './stores.ts';

export interface PublicationStores extends ResultsStores {
  /** Asks for the report files of a council's publication (the reports bucket's `report-requests/`). */
  requestReports: typeof putReportRequest;
  reportUrl: typeof reportUrl;
}

export const publicationStores: PublicationStores = { ...resultsStores, requestReports: putReportRequest, reportUrl };
