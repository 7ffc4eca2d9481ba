/**
 * Start a bulk import: the import record and a presigned POST bound to a key the server chose.
 * The ingestion starts on the upload event (functions/surveys/ingest-upload.ts).
 */
import { randomBytes } from 'node:crypto';
import { enforce } from '../../domain/errors.ts';
import type { Caller } from '../../domain/roles.ts';
import { surveyWindow } from '../../domain/write-window.ts';
import type { ImportFormat } from '../../schemas/api/survey-api.ts';
import { loadSurveyContext } from './survey-context.ts';
import { surveyImportStores, type SurveyFileStores } from './file-stores.ts';
import type { SurveyStores } from './stores.ts';

/** Sortable by creation time (listings read chronologically), unguessable enough to name an object. */
function newImportId(now: Date): string {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  return `${stamp}-${randomBytes(5).toString('hex')}`;
}

export interface CreateSurveyImportInput {
  year: number;
  surveyId: string;
  fileName: string;
  format: ImportFormat;
}

export async function createSurveyImport(
  caller: Caller,
  input: CreateSurveyImportInput,
  stores: SurveyStores & SurveyFileStores = surveyImportStores,
  now = new Date(),
) {
  const { cycle } = await loadSurveyContext(input.year, input.surveyId, stores);
  enforce(surveyWindow(cycle, now));
  const importId = newImportId(now);
  const objectKey = stores.importObjectKey(input.year, input.surveyId, importId, input.format);
  const upload = await stores.presignImportUpload(objectKey, input.format);
  await stores.createImport(caller, {
    year: input.year,
    surveyId: input.surveyId,
    importId,
    fileName: input.fileName,
    format: input.format,
    objectKey,
    createdAt: now.toISOString(),
    createdBy: caller.username,
  });
  return {
    importId,
    status: 'pending' as const,
    objectKey,
    maxBytes: stores.importMaxBytes,
    upload: { url: upload.url, fields: upload.fields },
    expiresAt: upload.expiresAt,
  };
}
