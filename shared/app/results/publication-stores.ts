/**
 * The publication's port: what the approval reads and writes (the cycle, the council's draft and
 * publications, the registry's councils), the report request (its event starts the report
 * function, which writes the files and resumes the pipeline), and the links to written files.
 * Narrower than the results port on purpose: the approval bundles no computation inputs, no report
 * builder and no Step Functions client.
 */
import { getCycle, getCycleRegistry } from '../../store/cycles-store.ts';
import { putReportRequest, reportUrl } from '../../store/report-files-store.ts';
import { claimApproval, getCouncilPublication, getDraft, getPublication, listPublications, publish } from '../../store/results-store.ts';
import { listUnits } from '../../store/units-store.ts';
import { registryOf } from '../cycles/cycle-registry.ts';
import type { ResultsStores } from './stores.ts';

export interface PublicationStores extends Pick<
  ResultsStores,
  'getCycle' | 'getDraft' | 'getPublication' | 'getCouncilPublication' | 'listPublications' | 'cycleRegistry' | 'claimApproval' | 'publish'
> {
  /** Asks for the report files of a council's publication (the reports bucket's `report-requests/`). */
  requestReports: typeof putReportRequest;
  reportUrl: typeof reportUrl;
}

export const publicationStores: PublicationStores = {
  getCycle,
  getDraft,
  getPublication,
  getCouncilPublication,
  listPublications,
  cycleRegistry: (year) => registryOf({ getCycleRegistry, listUnits: () => listUnits({}) }, year),
  claimApproval,
  publish,
  requestReports: putReportRequest,
  reportUrl,
};
