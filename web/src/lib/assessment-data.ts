/** Loads what an assessment screen needs: the assessment, its framework and the cycle (deadlines). */
import { api, type Assessment, type AssessmentItem } from '../api/client';
import type { Framework } from '../../../shared/schemas/files/framework.ts';
import { leafIndex } from './framework-tree';
import { must } from './use-load';

export interface AssessmentData {
  year: number;
  assessment: Assessment;
  framework: Framework;
  leaves: Map<string, import('../../../shared/schemas/files/framework.ts').Leaf>;
  deadlines: Record<string, string>;
}

export async function loadAssessment(year: number, unitId: string): Promise<AssessmentData> {
  const assessment = await must(api().GET('/v1/cycles/{year}/units/{unitId}/assessment', { params: { path: { year, unitId } } }));
  const [framework, cycle] = await Promise.all([
    must(api().GET('/v1/frameworks/{frameworkId}', { params: { path: { frameworkId: assessment.frameworkId } } })),
    must(api().GET('/v1/cycles/{year}', { params: { path: { year } } })),
  ]);
  const fw = framework as unknown as Framework;
  return { year, assessment, framework: fw, leaves: leafIndex(fw), deadlines: cycle.deadlines };
}

export interface Doc {
  evidenceId: string;
  fileName: string;
  status?: string;
}

/** The documents already linked somewhere in the assessment: any of them can be linked to more leaves. */
export function documentsOf(items: AssessmentItem[]): Doc[] {
  const docs = new Map<string, Doc>();
  for (const item of items) {
    for (const e of item.evidence)
      if (!docs.has(e.evidenceId))
        docs.set(e.evidenceId, { evidenceId: e.evidenceId, fileName: e.fileName ?? e.evidenceId, status: e.status });
    for (const x of item.explanations)
      for (const e of x.evidence) if (!docs.has(e.evidenceId)) docs.set(e.evidenceId, { evidenceId: e.evidenceId, fileName: e.evidenceId });
  }
  return [...docs.values()];
}

/** What keeps the self-assessment from being submitted (the API decides; this lists it ahead). */
export function missingItems(items: AssessmentItem[]): { code: string; what: string }[] {
  const missing: { code: string; what: string }[] = [];
  for (const item of items) {
    if (item.method !== 'self') continue;
    if (item.selfScore === null) missing.push({ code: item.code, what: 'chưa chấm điểm' });
    else if (item.evidenceRequired && !item.evidence.some((e) => e.status === 'confirmed') && !item.noEvidenceReason)
      missing.push({ code: item.code, what: 'chưa có tài liệu kiểm chứng' });
  }
  return missing;
}

export function replaceItem(data: AssessmentData, item: AssessmentItem): AssessmentData {
  return { ...data, assessment: { ...data.assessment, items: data.assessment.items.map((i) => (i.code === item.code ? item : i)) } };
}
