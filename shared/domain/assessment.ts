/**
 * One unit's self-assessment as the domain sees it: the applicable leaves of its framework, the
 * checks on what a unit writes for a leaf, the view returned to clients and what submission needs.
 */
import type { Framework, Leaf } from '../schemas/files/framework.ts';
import type { FieldError } from './errors.ts';
import { fromNumber, sum, toNumber } from './exact.ts';
import { applicableLeaves, type LeafEntry } from './framework.ts';
import { checkSelfScore, matchesRule, suggestedScore, type Figure } from './rules.ts';
import { scoreUnit } from './scoring.ts';

export interface EvidenceRef {
  evidenceId: string;
  page?: string;
}

/** A leaf's stored state; absent fields were never written. */
export interface StoredItem {
  code: string;
  selfScore?: number;
  figure?: Figure;
  note?: string;
  evidence?: EvidenceRef[];
  noEvidenceReason?: string;
  appraisedScore?: number;
  version: number;
}

export interface EvidenceInfo {
  evidenceId: string;
  fileName: string;
  status: 'pending' | 'confirmed';
}

export interface SelfItemInput {
  selfScore: number;
  figure?: Figure;
  note?: string;
  evidence?: EvidenceRef[];
  noEvidenceReason?: string;
}

/** Why a leaf takes no self score (it is scored by the survey), or nothing. */
export function notSelfScoredLeaf(leaf: Leaf, what = 'self-assessed'): string | undefined {
  return leaf.method === 'self' ? undefined : `leaf ${leaf.code} is scored by the survey, not ${what}`;
}

/** Field errors of the evidence links of a write (paths relative to the input). */
export function evidenceLinkErrors(links: readonly EvidenceRef[], evidence: ReadonlyMap<string, EvidenceInfo>): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  links.forEach((link, i) => {
    if (!evidence.has(link.evidenceId)) {
      errors.push({ path: `evidence[${i}].evidenceId`, message: `evidence ${link.evidenceId} does not exist for this unit and cycle` });
    }
    if (seen.has(link.evidenceId)) errors.push({ path: `evidence[${i}].evidenceId`, message: 'is listed twice' });
    seen.add(link.evidenceId);
  });
  return errors;
}

/** Field errors of a unit's write to one self leaf (paths relative to the input; see notSelfScoredLeaf first). */
export function selfItemErrors(leaf: Leaf, input: SelfItemInput, evidence: ReadonlyMap<string, EvidenceInfo>): FieldError[] {
  const errors: FieldError[] = [];
  const score = checkSelfScore(leaf, input.selfScore);
  if (!score.ok) errors.push({ path: 'selfScore', message: score.message });
  const rule = leaf.rule;
  if (input.figure !== undefined) {
    if (rule?.kind === 'tiers' && typeof input.figure !== 'number') {
      errors.push({ path: 'figure', message: `must be a number (${rule.figure})` });
    } else if (rule?.kind === 'boolean' && typeof input.figure !== 'boolean') {
      errors.push({ path: 'figure', message: 'must be true or false for a yes/no criterion' });
    } else if (rule?.kind === 'manual') {
      errors.push({ path: 'figure', message: `leaf ${leaf.code} is scored manually and takes no figure` });
    }
  }
  return [...errors, ...evidenceLinkErrors(input.evidence ?? [], evidence)];
}

/** The stored item after a unit's write (undefined fields clear what was there before). */
export function applySelfItem(code: string, before: StoredItem | undefined, input: SelfItemInput): StoredItem {
  return {
    ...(before ?? { code, version: 0 }),
    code,
    selfScore: Object.is(input.selfScore, -0) ? 0 : input.selfScore,
    figure: input.figure,
    note: input.note,
    evidence: input.evidence ?? [],
    noEvidenceReason: input.noEvidenceReason,
    version: (before?.version ?? 0) + 1,
  };
}

export function itemView(entry: LeafEntry, item: StoredItem | undefined, evidence: ReadonlyMap<string, EvidenceInfo>) {
  const { leaf } = entry;
  const figure = item?.figure;
  const suggested = figure === undefined ? undefined : suggestedScore(leaf, figure);
  const matches = figure === undefined || item?.selfScore === undefined ? undefined : matchesRule(leaf, figure, item.selfScore);
  return {
    code: leaf.code,
    name: leaf.name,
    areaCode: entry.areaCode,
    method: leaf.method,
    maxPoints: leaf.maxPoints,
    evidenceRequired: leaf.evidenceRequired === true,
    ...(leaf.rule ? { rule: leaf.rule } : {}),
    selfScore: item?.selfScore ?? null,
    figure: figure ?? null,
    suggestedScore: suggested ?? null,
    mismatch: matches === false,
    note: item?.note ?? null,
    evidence: (item?.evidence ?? []).map((link) => {
      const info = evidence.get(link.evidenceId);
      return { ...link, ...(info ? { fileName: info.fileName, status: info.status } : {}) };
    }),
    noEvidenceReason: item?.noEvidenceReason ?? null,
    appraisedScore: item?.appraisedScore ?? null,
    // Every round stays visible: what a unit contests is the difference between them.
    appraisals: (item as { appraisals?: unknown[] } | undefined)?.appraisals ?? [],
    explanations: (item as { explanations?: unknown[] } | undefined)?.explanations ?? [],
    version: item?.version ?? 0,
  };
}

export interface AssessmentContext {
  framework: Framework;
  unitId: string;
  unitName: string;
  notApplicable: readonly string[];
}

export function assessmentView(
  ctx: AssessmentContext,
  items: ReadonlyMap<string, StoredItem>,
  evidence: ReadonlyMap<string, EvidenceInfo>,
) {
  const entries = applicableLeaves(ctx.framework, ctx.notApplicable);
  const scores: Record<string, number> = {};
  for (const [code, item] of items) if (item.selfScore !== undefined) scores[code] = item.selfScore;
  const result = scoreUnit(ctx.framework, {
    unitId: ctx.unitId,
    unitType: ctx.framework.unitType,
    name: ctx.unitName,
    scores,
    notApplicable: [...ctx.notApplicable],
  });
  const selfEntries = entries.filter((e) => e.leaf.method === 'self');
  return {
    items: entries.map((entry) => itemView(entry, items.get(entry.leaf.code), evidence)),
    totals: {
      selfTotal: toNumber(result.selfTotal),
      selfMax: toNumber(sum(selfEntries.map((e) => fromNumber(e.leaf.maxPoints)))),
      maxApplicable: toNumber(result.maxApplicable),
      scored: selfEntries.filter((e) => items.get(e.leaf.code)?.selfScore !== undefined).length,
      toScore: selfEntries.length,
    },
  };
}

export interface SubmissionGap {
  code: string;
  problem: 'not scored' | 'no confirmed evidence and no explanation';
}

/** What keeps an assessment from being submitted: unscored self leaves, required evidence missing. */
export function submissionGaps(
  framework: Framework,
  notApplicable: readonly string[],
  items: ReadonlyMap<string, StoredItem>,
  evidence: ReadonlyMap<string, EvidenceInfo>,
): SubmissionGap[] {
  const gaps: SubmissionGap[] = [];
  for (const { leaf } of applicableLeaves(framework, notApplicable)) {
    if (leaf.method !== 'self') continue;
    const item = items.get(leaf.code);
    if (item?.selfScore === undefined) {
      gaps.push({ code: leaf.code, problem: 'not scored' });
      continue;
    }
    const confirmed = (item.evidence ?? []).some((l) => evidence.get(l.evidenceId)?.status === 'confirmed');
    if (leaf.evidenceRequired && !confirmed && !item.noEvidenceReason) {
      gaps.push({ code: leaf.code, problem: 'no confirmed evidence and no explanation' });
    }
  }
  return gaps;
}
