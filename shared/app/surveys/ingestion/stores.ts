/** The ingestion's port (its own: it alone reads the uploaded file and writes respondents in bulk). */
import { bucketName } from '../../../store/clients.ts';
import { getCycle } from '../../../store/cycles-store.ts';
import { getFramework } from '../../../store/frameworks-store.ts';
import { importExists, openImportObject, parseImportObjectKey } from '../../../store/import-files.ts';
import {
  completeImport,
  failImport,
  getImport,
  listOpenImports,
  reportRowKeys,
  saveProgress,
  saveTotalLines,
  startRun,
} from '../../../store/survey-imports-store.ts';
import { acquireLease, deleteCheckpoint, getCheckpoint, getLease, leaseMs, releaseLease } from '../../../store/survey-ingest-store.ts';
import { deleteImportRespondents, loadRespondents, writeImportCounts } from '../../../store/survey-respondents-store.ts';
import { getSurvey } from '../../../store/surveys-store.ts';
import { listUnits } from '../../../store/units-store.ts';
import type { SurveyStores } from '../stores.ts';

export interface IngestionStores extends Pick<
  SurveyStores,
  'getCycle' | 'getFramework' | 'listUnits' | 'getSurvey' | 'getImport' | 'listOpenImports' | 'getLease'
> {
  parseImportObjectKey: typeof parseImportObjectKey;
  openImportObject: typeof openImportObject;
  importExists: typeof importExists;
  startRun: typeof startRun;
  saveProgress: typeof saveProgress;
  /** The frequent progress for the console's bar (progress.ts); apart from the checkpoint's, which follows each checkpoint. */
  saveLiveProgress: typeof saveProgress;
  saveTotalLines: typeof saveTotalLines;
  completeImport: typeof completeImport;
  failImport: typeof failImport;
  reportRowKeys: typeof reportRowKeys;
  leaseMs: number;
  importsBucket: () => string;
  acquireLease: typeof acquireLease;
  releaseLease: typeof releaseLease;
  getCheckpoint: typeof getCheckpoint;
  deleteCheckpoint: typeof deleteCheckpoint;
  loadRespondents: typeof loadRespondents;
  deleteImportRespondents: typeof deleteImportRespondents;
  writeImportCounts: typeof writeImportCounts;
}

export const ingestionStores: IngestionStores = {
  getCycle,
  getFramework,
  listUnits,
  getSurvey,
  getImport,
  listOpenImports,
  getLease,
  parseImportObjectKey,
  openImportObject,
  importExists,
  startRun,
  saveProgress,
  saveLiveProgress: saveProgress,
  saveTotalLines,
  completeImport,
  failImport,
  reportRowKeys,
  leaseMs,
  importsBucket: () => bucketName('imports'),
  acquireLease,
  releaseLease,
  getCheckpoint,
  deleteCheckpoint,
  loadRespondents,
  deleteImportRespondents,
  writeImportCounts,
};
