import { randomUUID } from 'node:crypto';
import { evidenceObjectKey, extensionMatches, maxEvidenceBytes, sanitizeFileName } from '../../shared/domain/evidence.ts';
import { selfScoreStates } from '../../shared/domain/assessment-workflow.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { problems, type FieldError } from '../../shared/http/problems.ts';
import { addEvidence } from '../../shared/store/assessment-store.ts';
import { presignUpload, uploadExpirySeconds } from '../../shared/store/evidence-files.ts';
import { assertBeforeDeadline, assertState, loadContext } from '../../shared/app/assessment/assessment-context.ts';

export const handler = httpHandler('createEvidence', async ({ params, body, caller }) => {
  const ctx = await loadContext(caller, params.year, params.unitId, 'write-own');
  const fileName = sanitizeFileName(body.fileName);
  const errors: FieldError[] = [];
  const limit = maxEvidenceBytes();
  if (body.size > limit) errors.push({ path: 'body.size', message: `${body.size} bytes is above the limit of ${limit} bytes` });
  if (fileName.length === 0) errors.push({ path: 'body.fileName', message: 'has no printable characters' });
  else if (!extensionMatches(fileName, body.contentType)) {
    errors.push({ path: 'body.fileName', message: `its extension does not match the content type ${body.contentType}` });
  }
  if (errors.length > 0) throw problems.validation(errors);
  // Evidence is frozen with the submission: nothing is added or replaced afterwards.
  assertState(ctx.state, selfScoreStates, 'adding evidence');
  assertBeforeDeadline(ctx.cycle, ctx.state, ctx.unit.id);
  const evidenceId = randomUUID();
  const objectKey = evidenceObjectKey(params.year, params.unitId, evidenceId);
  const upload = await presignUpload(objectKey, body.contentType, body.size, body.sha256);
  await addEvidence(caller, ctx.ref, ctx.loaded, selfScoreStates, {
    evidenceId,
    fileName,
    contentType: body.contentType,
    size: body.size,
    sha256: body.sha256.toLowerCase(),
    objectKey,
    status: 'pending',
    createdAt: new Date().toISOString(),
    createdBy: caller.username,
  });
  return {
    status: 201,
    body: { evidenceId, upload, expiresAt: new Date(Date.now() + uploadExpirySeconds * 1000).toISOString() },
  };
});
