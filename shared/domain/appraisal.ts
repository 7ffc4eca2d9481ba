/**
 * Appraisal (thẩm định) and explanation (giải trình) of one assessment's leaves: who may appraise a
 * leaf, what an appraised score needs, the rounds kept per leaf, and what finalising requires.
 */
import type { Framework, Leaf, UnitType } from '../schemas/files/framework.ts';
import type { FieldError } from './errors.ts';
import type { EvidenceRef, StoredItem } from './assessment.ts';
import { applicableLeaves } from './framework.ts';
import { appraiserCoversCode } from './permissions.ts';
import type { Caller } from './roles.ts';
import { checkSelfScore } from './rules.ts';

export interface AppraisalRound {
  round: number;
  score: number;
  reason?: string;
  by: string;
  byUnit?: string;
  at: string;
}

export interface ExplanationRound {
  round: number;
  text: string;
  evidence: EvidenceRef[];
  by: string;
  at: string;
}

/** Stored per leaf beside the self score: every round's appraisal and explanation. */
export interface AppraisedItem extends StoredItem {
  appraisals?: AppraisalRound[];
  explanations?: ExplanationRound[];
  returnedForExplanation?: boolean;
}

/** Area/criterion code → the units assigned to appraise it, per unit type (the cycle's `appraisal`). */
export type Assignment = Partial<Record<UnitType, Record<string, string[]>>>;

/** The most specific assigned code covering `code` (7.4 overrides 7), or undefined. */
export function assignedAppraisers(assignment: Assignment, unitType: UnitType, code: string): string[] | undefined {
  const forType = assignment[unitType];
  if (!forType) return undefined;
  let best: { length: number; units: string[] } | undefined;
  for (const [assigned, units] of Object.entries(forType)) {
    const covers = assigned === '*' || code === assigned || code.startsWith(`${assigned}.`);
    const length = assigned === '*' ? 0 : assigned.split('.').length;
    if (covers && (!best || length > best.length)) best = { length, units };
  }
  return best?.units;
}

/**
 * Whether the caller may appraise leaf `code`: the token's areas must cover it, and an appraiser
 * without `*` must be the one the cycle assigns to the most specific covering code (so Sở TT&TT
 * holding area 7 does not appraise 7.4, which the cycle gives to Sở KH&CN).
 */
export function mayAppraiseLeaf(caller: Caller, code: string, assignment: Assignment, unitType: UnitType): boolean {
  if (!appraiserCoversCode(caller, code)) return false;
  if (caller.areas.includes('*')) return true;
  const assigned = assignedAppraisers(assignment, unitType, code);
  return !assigned || (caller.unitId !== undefined && assigned.includes(caller.unitId));
}

/** Leading the appraisal (returning is open to any appraiser in scope; finalising is the lead's). */
export function leadsAppraisal(caller: Caller): boolean {
  return caller.roles.includes('appraiser') && caller.areas.includes('*');
}

export interface AppraisalInput {
  appraisedScore: number;
  reason?: string;
}

/** Field errors of an appraised score (paths relative to the input; survey leaves are refused before). */
export function appraisalErrors(leaf: Leaf, item: StoredItem | undefined, input: AppraisalInput): FieldError[] {
  const errors: FieldError[] = [];
  const score = checkSelfScore(leaf, input.appraisedScore);
  if (!score.ok) errors.push({ path: 'appraisedScore', message: score.message });
  const differs = item?.selfScore === undefined || item.selfScore !== input.appraisedScore;
  if (differs && !input.reason) {
    errors.push({
      path: 'reason',
      message: `is required when the appraised score differs from the self score (${item?.selfScore ?? 'none'})`,
    });
  }
  return errors;
}

export function applyAppraisal(item: StoredItem, input: AppraisalInput, round: number, caller: Caller, at: string): AppraisedItem {
  const before = item as AppraisedItem;
  const entry: AppraisalRound = {
    round,
    score: Object.is(input.appraisedScore, -0) ? 0 : input.appraisedScore,
    ...(input.reason ? { reason: input.reason } : {}),
    by: caller.username,
    ...(caller.unitId ? { byUnit: caller.unitId } : {}),
    at,
  };
  // One entry per round: a later change within the same round replaces it (the audit keeps every change).
  const appraisals = [...(before.appraisals ?? []).filter((a) => a.round !== round), entry].sort((a, b) => a.round - b.round);
  return { ...before, appraisedScore: entry.score, appraisals, version: item.version + 1 };
}

export function applyExplanation(
  item: StoredItem,
  text: string,
  evidence: EvidenceRef[],
  round: number,
  by: string,
  at: string,
): AppraisedItem {
  const before = item as AppraisedItem;
  const entry: ExplanationRound = { round, text, evidence, by, at };
  const explanations = [...(before.explanations ?? []).filter((e) => e.round !== round), entry].sort((a, b) => a.round - b.round);
  return { ...before, explanations, version: item.version + 1 };
}

/** Self leaves in the caller's scope that still have no appraised score. */
export function unappraisedInScope(
  framework: Framework,
  notApplicable: readonly string[],
  items: ReadonlyMap<string, StoredItem>,
  inScope: (code: string) => boolean,
): string[] {
  return applicableLeaves(framework, notApplicable)
    .filter(({ leaf }) => leaf.method === 'self' && inScope(leaf.code) && items.get(leaf.code)?.appraisedScore === undefined)
    .map(({ leaf }) => leaf.code);
}

/** Progress of an assessment within a scope: leaves appraised / leaves to appraise. */
export function appraisalProgress(
  framework: Framework,
  notApplicable: readonly string[],
  appraisedCodes: ReadonlySet<string>,
  inScope: (code: string) => boolean,
): { appraised: number; total: number } {
  const leaves = applicableLeaves(framework, notApplicable).filter(({ leaf }) => leaf.method === 'self' && inScope(leaf.code));
  return { appraised: leaves.filter(({ leaf }) => appraisedCodes.has(leaf.code)).length, total: leaves.length };
}
