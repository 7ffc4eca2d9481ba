import { randomUUID } from 'node:crypto';
import { selfScoreStates } from '../../domain/assessment-workflow.ts';
import { enforce, fail } from '../../domain/errors.ts';
import { evidenceDeclarationErrors, evidenceObjectKey, sanitizeFileName, type EvidenceContentType } from '../../domain/evidence.ts';
import type { Caller } from '../../domain/roles.ts';
import { writeWindow } from '../../domain/write-window.ts';
import { uploadExpirySeconds } from '../../store/evidence-files.ts';
import { loadContext } from '../assessment/assessment-context.ts';
import { uploadStores, type UploadStores } from './stores.ts';

export interface CreateEvidenceInput {
  year: number;
  unitId: string;
  fileName: string;
  contentType: EvidenceContentType;
  size: number;
  sha256: string;
}

/** Registers an evidence document (pending) and answers with a presigned POST bound to its key, size, type and checksum. */
export async function createEvidence(caller: Caller, input: CreateEvidenceInput, stores: UploadStores = uploadStores()) {
  const ctx = await loadContext(caller, input.year, input.unitId, 'write-own', stores);
  const fileName = sanitizeFileName(input.fileName);
  const errors = evidenceDeclarationErrors({ fileName, contentType: input.contentType, size: input.size });
  if (errors.length > 0) throw fail.invalid(errors);
  // Evidence is frozen with the submission: nothing is added or replaced afterwards.
  enforce(writeWindow(ctx.cycle, ctx.unit.id, ctx.state, selfScoreStates, 'adding evidence', new Date()));
  const evidenceId = randomUUID();
  const objectKey = evidenceObjectKey(input.year, input.unitId, evidenceId);
  const sha256 = input.sha256.toLowerCase();
  const upload = await stores.presignUpload(objectKey, input.contentType, input.size, sha256);
  await stores.addEvidence(caller, ctx.ref, ctx.loaded, selfScoreStates, {
    evidenceId,
    fileName,
    contentType: input.contentType,
    size: input.size,
    sha256,
    objectKey,
    status: 'pending',
    createdAt: new Date().toISOString(),
    createdBy: caller.username,
  });
  return { evidenceId, upload, expiresAt: new Date(Date.now() + uploadExpirySeconds * 1000).toISOString() };
}
