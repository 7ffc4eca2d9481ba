/**
 * The port of the assessment, appraisal and evidence use cases: exactly the store functions they
 * call. The default binds it to DynamoDB; the evidence files (S3) are their own port
 * (shared/app/evidence/stores.ts), so the assessment and appraisal bundles carry no S3 client.
 * The fast test tier passes an in-memory implementation of both.
 */
import type { StoredObject } from '../../domain/evidence.ts';
import type { Cycle } from '../../schemas/domain/cycles.ts';
import type { Framework } from '../../schemas/files/framework.ts';
import type { Unit } from '../../schemas/domain/units.ts';
import * as assessments from '../../store/assessment-store.ts';
import { listAudit } from '../../store/audit.ts';
import { getCycle, getCycleRegistry } from '../../store/cycles-store.ts';
import type { CycleUnit } from '../../store/entities/cycle-unit.ts';
import { getFramework } from '../../store/frameworks-store.ts';
import { cachedRead } from '../../store/read-cache.ts';
import { getUnit, listUnits } from '../../store/units-store.ts';

export interface AssessmentStores {
  /** `fresh`: writes read the cycle and unit fresh (deadlines and states decide them); reads may be a few seconds old. */
  getCycle(year: number, fresh: boolean): Promise<Cycle | undefined>;
  getUnit(unitId: string, fresh: boolean): Promise<Unit | undefined>;
  listUnits(): Promise<Unit[]>;
  /** The cycle's frozen registry; undefined for a cycle opened before registries were frozen. */
  getCycleRegistry(year: number): Promise<CycleUnit[] | undefined>;
  frameworkOf(frameworkId: string): Promise<Framework | undefined>;
  loadAssessment: typeof assessments.loadAssessment;
  listAssessments: typeof assessments.listAssessments;
  saveItems: typeof assessments.saveItems;
  transition: typeof assessments.transition;
  addEvidence: typeof assessments.addEvidence;
  confirmEvidence: typeof assessments.confirmEvidence;
  listAudit: typeof listAudit;
}

/** The evidence bucket: presigned forms and downloads, and what was uploaded. */
export interface EvidenceFileStores {
  presignUpload(
    objectKey: string,
    contentType: string,
    size: number,
    sha256Hex: string,
  ): Promise<{ url: string; fields: Record<string, string> }>;
  presignDownload(objectKey: string, fileName: string): Promise<{ url: string; expiresAt: string }>;
  /** The stored object measured (size, SHA-256, type from its leading bytes); undefined when nothing was uploaded. */
  inspectObject(objectKey: string): Promise<StoredObject | undefined>;
}

const referenceTtlMs = 10_000;

// A framework used by a cycle is frozen, so a warm function may keep it.
const frozenFrameworks = new Map<string, Framework>();

export async function frameworkOf(id: string): Promise<Framework | undefined> {
  const cached = frozenFrameworks.get(id);
  if (cached) return cached;
  const stored = await getFramework(id);
  if (stored && stored.usedBy.length > 0) frozenFrameworks.set(id, stored.framework);
  return stored?.framework;
}

export const assessmentStores: AssessmentStores = {
  getCycle: (year, fresh) => (fresh ? getCycle(year) : cachedRead(`cycle#${year}`, referenceTtlMs, () => getCycle(year))),
  getUnit: (unitId, fresh) => (fresh ? getUnit(unitId) : cachedRead(`unit#${unitId}`, referenceTtlMs, () => getUnit(unitId))),
  listUnits: () => listUnits({}),
  // A stored snapshot never changes; the TTL only bounds how long a missing one is believed.
  getCycleRegistry: (year) => cachedRead(`registry#${year}`, referenceTtlMs, () => getCycleRegistry(year)),
  frameworkOf,
  loadAssessment: assessments.loadAssessment,
  listAssessments: assessments.listAssessments,
  saveItems: assessments.saveItems,
  transition: assessments.transition,
  addEvidence: assessments.addEvidence,
  confirmEvidence: assessments.confirmEvidence,
  listAudit,
};
