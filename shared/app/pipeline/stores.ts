/** The stores the pipeline's use cases call (a port: the fast tier passes in-memory ones). */
import { listAssessments } from '../../store/assessment-store.ts';
import { getCycleRegistry } from '../../store/cycles-store.ts';
import { importUploadExpirySeconds } from '../../store/import-files.ts';
import { recordStep } from '../../store/pipeline-store.ts';
import { readReportFile } from '../../store/report-files-store.ts';
import { listImports } from '../../store/survey-imports-store.ts';
import { listUnits } from '../../store/units-store.ts';
import { surveySummary } from '../surveys/survey-summary.ts';
import { resultsStores, type ResultsStores } from '../results/stores.ts';

export interface PipelineStores extends ResultsStores {
  recordStep: typeof recordStep;
  listUnits: typeof listUnits;
  getCycleRegistry: typeof getCycleRegistry;
  listAssessments: typeof listAssessments;
  listImports: typeof listImports;
  surveySummary: typeof surveySummary;
  readReportFile: typeof readReportFile;
  /** How long an import's upload form stays valid (a pending import older than this will never arrive). */
  importUploadExpirySeconds: number;
}

export const pipelineStores: PipelineStores = {
  ...resultsStores,
  recordStep,
  listUnits,
  getCycleRegistry,
  listAssessments,
  listImports,
  surveySummary,
  readReportFile,
  importUploadExpirySeconds,
};
