/**
 * The Ministry's appraisal of the province's assessment, recorded afterwards: per leaf, or per area
 * with the total. The total defaults to the sum of what is given (areas before leaves), exactly.
 */
import type { Framework } from '../schemas/files/framework.ts';
import type { FieldError } from './errors.ts';
import { decimalPlaces, fromNumber, sum, toNumber, ZERO, type Exact } from './exact.ts';
import { leaves } from './framework.ts';
import { scoreUnit } from './scoring.ts';

export interface MinistryScoreInput {
  leaves?: Record<string, number>;
  areas?: Record<string, number>;
  total?: number;
  decision?: string;
  note?: string;
}

export interface MinistryScore extends MinistryScoreInput {
  total: number;
  recordedAt: string;
  recordedBy: string;
  version: number;
}

function pointErrors(path: string, value: number, maxPoints: number): FieldError[] {
  if (value < 0 || value > maxPoints) return [{ path, message: `must be between 0 and ${maxPoints}` }];
  // The Ministry publishes points to two decimals (its survey leaves are not quarter points).
  const places = decimalPlaces(fromNumber(value));
  if (places === undefined || places > 2) return [{ path, message: 'must have at most 2 decimals' }];
  return [];
}

/** Field errors of a Ministry score (paths relative to the input). */
export function ministryScoreErrors(framework: Framework, input: MinistryScoreInput): FieldError[] {
  const errors: FieldError[] = [];
  const leafMax = new Map(leaves(framework).map(({ leaf }) => [leaf.code, leaf.maxPoints]));
  const areaMax = new Map(framework.areas.map((a) => [a.code, a.maxPoints]));
  for (const [code, value] of Object.entries(input.leaves ?? {})) {
    const max = leafMax.get(code);
    if (max === undefined) errors.push({ path: `leaves["${code}"]`, message: `is not a leaf of framework ${framework.id}` });
    else errors.push(...pointErrors(`leaves["${code}"]`, value, max));
  }
  for (const [code, value] of Object.entries(input.areas ?? {})) {
    const max = areaMax.get(code);
    if (max === undefined) errors.push({ path: `areas["${code}"]`, message: `is not an area of framework ${framework.id}` });
    else errors.push(...pointErrors(`areas["${code}"]`, value, max));
  }
  if (input.total !== undefined) errors.push(...pointErrors('total', input.total, framework.maxTotal));
  const given = Object.keys(input.leaves ?? {}).length + Object.keys(input.areas ?? {}).length;
  if (given === 0 && input.total === undefined) errors.push({ path: 'total', message: 'give the total, the areas or the leaves' });
  return errors;
}

/** The total the Ministry gave, or the sum of its areas, or of its leaves. */
export function ministryTotal(input: MinistryScoreInput): number {
  if (input.total !== undefined) return input.total;
  const parts = Object.keys(input.areas ?? {}).length > 0 ? input.areas! : (input.leaves ?? {});
  return toNumber(sum(Object.values(parts).map(fromNumber)));
}

export interface ComparisonRow {
  code: string;
  name: string;
  maxPoints: number;
  self: number;
  ministry: number | null;
  difference: number | null;
}

/** Self vs Ministry per area and in total; an area the Ministry scored only per leaf is the sum of its leaves. */
export function ministryComparison(framework: Framework, selfScores: Record<string, number>, ministry: MinistryScoreInput | undefined) {
  const self = scoreUnit(framework, { unitId: '-', unitType: framework.unitType, name: '-', scores: selfScores });
  const byArea = new Map<string, Exact[]>();
  for (const { leaf, areaCode } of leaves(framework)) {
    const value = ministry?.leaves?.[leaf.code];
    if (value !== undefined) byArea.set(areaCode, [...(byArea.get(areaCode) ?? []), fromNumber(value)]);
  }
  const rows: ComparisonRow[] = framework.areas.map((area) => {
    const mine = toNumber(self.areas.find((a) => a.code === area.code)?.score ?? ZERO);
    const given = ministry?.areas?.[area.code];
    const fromLeaves = byArea.get(area.code);
    const theirs = given ?? (fromLeaves ? toNumber(sum(fromLeaves)) : null);
    return { code: area.code, name: area.name, maxPoints: area.maxPoints, self: mine, ministry: theirs, difference: diff(theirs, mine) };
  });
  const selfTotal = toNumber(self.achieved);
  const ministryTotalValue = ministry ? ministryTotal(ministry) : null;
  return { areas: rows, selfTotal, ministryTotal: ministryTotalValue, difference: diff(ministryTotalValue, selfTotal) };
}

function diff(theirs: number | null, mine: number): number | null {
  return theirs === null ? null : toNumber(fromNumber(theirs).sub(fromNumber(mine)));
}
