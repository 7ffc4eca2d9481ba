import { selfScoreStates } from '../../domain/assessment-workflow.ts';
import { DomainError, enforce } from '../../domain/errors.ts';
import { evidenceRefusal } from '../../domain/evidence.ts';
import type { Caller } from '../../domain/roles.ts';
import { writeWindow } from '../../domain/write-window.ts';
import { loadContext } from '../assessment/assessment-context.ts';
import { inspectStores, type InspectStores } from './stores.ts';
import { evidenceBody } from './evidence-view.ts';

export interface EvidenceInput {
  year: number;
  unitId: string;
  evidenceId: string;
}

/** Checks the uploaded object (size, SHA-256, type from its content), then marks the evidence usable. */
export async function confirmEvidence(caller: Caller, input: EvidenceInput, stores: InspectStores = inspectStores()) {
  const ctx = await loadContext(caller, input.year, input.unitId, 'write-own', stores);
  const record = ctx.loaded.evidence.get(input.evidenceId);
  if (!record) throw new DomainError('EVIDENCE_NOT_FOUND', `evidence ${input.evidenceId} not found`);
  // A retried confirm answers as the first did.
  if (record.status === 'confirmed') return evidenceBody(record);
  // Evidence is frozen with the submission: what was pending then stays unusable.
  enforce(writeWindow(ctx.cycle, ctx.unit.id, ctx.state, selfScoreStates, 'confirming evidence', new Date()));
  enforce(evidenceRefusal(record, await stores.inspectObject(record.objectKey)));
  const confirmed = await stores.confirmEvidence(caller, ctx.ref, ctx.loaded, selfScoreStates, record, new Date().toISOString());
  return evidenceBody(confirmed);
}
