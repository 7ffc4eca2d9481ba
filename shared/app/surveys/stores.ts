/**
 * The store functions the survey use cases call, as a port: the default binds DynamoDB, the fast
 * test tier binds memory (test/support/memory-surveys-stores.ts). The imports bucket is its own
 * port (file-stores.ts) and so is the ingestion (ingestion/stores.ts), so that the survey routes
 * that touch no bucket carry no S3 client.
 */
import { getCycle } from '../../store/cycles-store.ts';
import { getFramework } from '../../store/frameworks-store.ts';
import { createInvitations, getInvitation, spendInvitation } from '../../store/invitations-store.ts';
import { createImport, getImport, listImports, listOpenImports, reopenImport, reportRows } from '../../store/survey-imports-store.ts';
import { getLease } from '../../store/survey-ingest-store.ts';
import { readCounts } from '../../store/survey-respondents-store.ts';
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
  createInvitations,
  getInvitation,
  spendInvitation,
  readCounts,
};
