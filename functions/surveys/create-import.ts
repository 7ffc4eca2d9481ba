import { randomBytes } from 'node:crypto';
import { httpHandler } from '../../shared/http/handler.ts';
import { problems } from '../../shared/http/problems.ts';
import { importMaxBytes, importObjectKey, presignImportUpload } from '../../shared/store/import-files.ts';
import { createImport } from '../../shared/store/survey-imports-store.ts';
import { closedReason, surveyContextOrProblem } from '../../shared/app/surveys/survey-context.ts';

/** Sortable by creation time (listings read chronologically), unguessable enough to name an object. */
function newImportId(now: Date): string {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  return `${stamp}-${randomBytes(5).toString('hex')}`;
}

export const handler = httpHandler('createSurveyImport', async ({ params, body, caller }) => {
  const { cycle } = await surveyContextOrProblem(params.year, params.surveyId);
  const closed = closedReason(cycle);
  if (closed) throw problems.conflict(closed);
  const now = new Date();
  const importId = newImportId(now);
  const objectKey = importObjectKey(params.year, params.surveyId, importId, body.format);
  const upload = await presignImportUpload(objectKey, body.format);
  await createImport(caller, {
    year: params.year,
    surveyId: params.surveyId,
    importId,
    fileName: body.fileName,
    format: body.format,
    objectKey,
    createdAt: now.toISOString(),
    createdBy: caller.username,
  });
  return {
    status: 201,
    headers: { location: `/v1/cycles/${params.year}/surveys/${params.surveyId}/imports/${importId}` },
    body: {
      importId,
      status: 'pending',
      objectKey,
      maxBytes: importMaxBytes,
      upload: { url: upload.url, fields: upload.fields },
      expiresAt: upload.expiresAt,
    },
  };
});
