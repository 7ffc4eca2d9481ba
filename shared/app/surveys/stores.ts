/**
 * The store functions the survey use cases call, as a port: the default binds DynamoDB and S3,
 * the fast test tier binds memory (test/support/memory-surveys-stores.ts). The ingestion has its
 * own, larger port (leases, checkpoints, batch writes) and is tested against DynamoDB Local only.
 */
import { bucketName } from '../../store/clients.ts';
import { getCycle } from '../../store/cycles-store.ts';
import { getFramework } from '../../store/frameworks-store.ts';
import {
  importExists,
  importMaxBytes,
  importObjectKey,
  openImportObject,
  parseImportObjectKey,
  presignImportUpload,
} from '../../store/import-files.ts';
import { createInvitations, getInvitation, spendInvitation } from '../../store/invitations-store.ts';
import {
  completeImport,
  createImport,
  failImport,
  getImport,
  listImports,
  listOpenImports,
  reopenImport,
  reportRowKeys,
  reportRows,
  saveProgress,
  startRun,
} from '../../store/survey-imports-store.ts';
import { acquireLease, deleteCheckpoint, getCheckpoint, getLease, leaseMs, releaseLease } from '../../store/survey-ingest-store.ts';
import { deleteImportRespondents, loadRespondents, readCounts, writeImportCounts } from '../../store/survey-respondents-store.ts';
import { getSurvey, hasResponses, saveSurvey } from '../../store/surveys-store.ts';
import { listUnits } from '../../store/units-store.ts';

export interface SurveyStores {
  getCycle: typeof getCycle;
  getFramework: typeof getFramework;
  listUnits: typeof listUnits;
  getSurvey: typeof getSurvey;
  saveSurvey: typeof saveSurvey;
  hasResponses: typeof hasResponses;
  createImport: typeof createImport;
  getImport: typeof getImport;
  listImports: typeof listImports;
  listOpenImports: typeof listOpenImports;
  reopenImport: typeof reopenImport;
  reportRows: typeof reportRows;
  getLease: typeof getLease;
  importObjectKey: typeof importObjectKey;
  importMaxBytes: number;
  presignImportUpload: typeof presignImportUpload;
  createInvitations: typeof createInvitations;
  getInvitation: typeof getInvitation;
  spendInvitation: typeof spendInvitation;
  readCounts: typeof readCounts;
}

export const surveyStores: SurveyStores = {
  getCycle,
  getFramework,
  listUnits,
  getSurvey,
  saveSurvey,
  hasResponses,
  createImport,
  getImport,
  listImports,
  listOpenImports,
  reopenImport,
  reportRows,
  getLease,
  importObjectKey,
  importMaxBytes,
  presignImportUpload,
  createInvitations,
  getInvitation,
  spendInvitation,
  readCounts,
};

/** The ingestion's port: the survey context's reads plus leases, checkpoints, respondents and the file. */
export interface IngestionStores extends Pick<
  SurveyStores,
  'getCycle' | 'getFramework' | 'listUnits' | 'getSurvey' | 'getImport' | 'listOpenImports' | 'getLease'
> {
  parseImportObjectKey: typeof parseImportObjectKey;
  openImportObject: typeof openImportObject;
  importExists: typeof importExists;
  startRun: typeof startRun;
  saveProgress: typeof saveProgress;
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
