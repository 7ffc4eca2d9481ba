/**
 * Scoring rules of self leaves (DESIGN §3.4) and the validation of scores entered for a leaf.
 *
 * - `tiers`: the score of the highest tier (greatest `min`) the declared figure reaches, else 0.
 * - `boolean`: all (the leaf's maximum) or nothing.
 * - `manual`: no suggestion; the score must be a multiple of `step` (default 0.25).
 * The suggestion is advice: appraisers set the final score, and a self score that differs from
 * its own figure's suggestion is flagged, not refused.
 */
import type { Leaf } from '../schemas/files/framework.ts';
import { describeValue } from '../schemas/issues.ts';
import { decimalPlaces, fromNumber, isMultipleOf, QUARTER, toDecimalString, toNumber, ZERO, type Exact } from './exact.ts';

/** A declared figure: a number for `tiers` (e.g. 85 for "85 %"), yes/no for `boolean`. */
export type Figure = number | boolean;

export type Checked = { ok: true; value: Exact } | { ok: false; message: string };

/** The rule's score for a declared figure, exact; undefined when the rule suggests nothing. */
export function suggestedScoreExact(leaf: Leaf, figure: Figure): Exact | undefined {
  const rule = leaf.method === 'self' ? leaf.rule : undefined;
  if (!rule) return undefined;
  if (rule.kind === 'boolean') return typeof figure === 'boolean' ? (figure ? fromNumber(leaf.maxPoints) : ZERO) : undefined;
  if (rule.kind !== 'tiers' || typeof figure !== 'number' || !Number.isFinite(figure)) return undefined;
  const value = fromNumber(figure);
  let best: { min: Exact; points: number } | undefined;
  for (const tier of rule.tiers) {
    const min = fromNumber(tier.min);
    if (value.compare(min) >= 0 && (!best || min.compare(best.min) > 0)) best = { min, points: tier.points };
  }
  return best ? fromNumber(best.points) : ZERO;
}

/** The rule's score for a declared figure as a JSON number (for API answers). */
export function suggestedScore(leaf: Leaf, figure: Figure): number | undefined {
  const s = suggestedScoreExact(leaf, figure);
  return s === undefined ? undefined : toNumber(s);
}

/** Whether a score agrees with the rule's suggestion; undefined when there is nothing to compare. */
export function matchesRule(leaf: Leaf, figure: Figure | undefined, score: number): boolean | undefined {
  if (figure === undefined || !Number.isFinite(score)) return undefined;
  const s = suggestedScoreExact(leaf, figure);
  return s === undefined ? undefined : s.equals(fromNumber(score));
}

function number(value: unknown): Checked {
  if (typeof value !== 'number') return { ok: false, message: `must be a number, got ${describeValue(value)}` };
  if (!Number.isFinite(value)) return { ok: false, message: `must be a finite number, got ${value}` };
  return { ok: true, value: fromNumber(value) };
}

function inRange(value: unknown, max: number, what: string): Checked {
  const n = number(value);
  if (!n.ok) return n;
  if (n.value.compare(ZERO) < 0) return { ok: false, message: `${value} is negative: ${what} go from 0 to ${max}` };
  if (n.value.compare(fromNumber(max)) > 0) return { ok: false, message: `${value} is above the maximum ${max}` };
  return n;
}

/** A self (or appraised) score of a self leaf: a finite multiple of 0.25 in [0, max], and of the manual step. */
export function checkSelfScore(leaf: Leaf, value: unknown): Checked {
  const n = inRange(value, leaf.maxPoints, `scores of leaf ${leaf.code}`);
  if (!n.ok) return n;
  if (!isMultipleOf(n.value, QUARTER)) return { ok: false, message: `${value} is not a multiple of 0.25` };
  const rule = leaf.rule;
  if (rule?.kind === 'manual' && rule.step !== undefined && !isMultipleOf(n.value, fromNumber(rule.step)))
    return { ok: false, message: `${value} is not a multiple of the leaf's step ${rule.step}` };
  return n;
}

/** A survey leaf score given directly (no survey file): at most 2 decimals, in [0, max]. */
export function checkSurveyScore(leaf: Leaf, value: unknown): Checked {
  const n = inRange(value, leaf.maxPoints, `scores of leaf ${leaf.code}`);
  if (!n.ok) return n;
  const places = decimalPlaces(n.value) ?? Infinity;
  if (places > 2) return { ok: false, message: `${value} has more than 2 decimals` };
  return n;
}

/** Any score of a leaf, by its method. */
export function checkLeafScore(leaf: Leaf, value: unknown): Checked {
  return leaf.method === 'self' ? checkSelfScore(leaf, value) : checkSurveyScore(leaf, value);
}

/** A bonus or penalty: in [0, its max], at most 2 decimals (points are hundredths at finest). */
export function checkAdjustment(adjustment: { code: string; maxPoints: number }, value: unknown): Checked {
  const n = number(value);
  if (!n.ok) return n;
  if (n.value.compare(ZERO) < 0) return { ok: false, message: `${value} is negative: adjustments go from 0 to ${adjustment.maxPoints}` };
  if (n.value.compare(fromNumber(adjustment.maxPoints)) > 0)
    return { ok: false, message: `${value} is above the maximum ${adjustment.maxPoints} of adjustment ${adjustment.code}` };
  if ((decimalPlaces(n.value) ?? Infinity) > 2) return { ok: false, message: `${toDecimalString(n.value)} has more than 2 decimals` };
  return n;
}
