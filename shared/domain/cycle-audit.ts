/**
 * What one audited change of a cycle did, read from its before and after: the top-level fields it
 * changed and, for one unit, its extension and exemptions before and after. Pure, so the admin's
 * per-unit trail and its tests need no store.
 */
import type { Cycle } from '../schemas/domain/cycles.ts';

type CycleLike = Partial<Pick<Cycle, 'phase' | 'deadlines' | 'extensions' | 'notApplicable'>>;
export type UnitExtension = { selfAssessment?: string; explanation?: string };

export interface UnitChange {
  extension?: { before?: UnitExtension; after?: UnitExtension };
  notApplicable?: { before: string[]; after: string[] };
}

const fields = ['phase', 'deadlines', 'extensions', 'notApplicable'] as const;
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

const asCycle = (value: unknown): CycleLike => (value && typeof value === 'object' ? (value as CycleLike) : {});

/** The cycle fields an event changed (an opening changes all it sets). */
export function changedFields(before: unknown, after: unknown): string[] {
  const b = asCycle(before);
  const a = asCycle(after);
  return fields.filter((f) => !same(b[f], a[f]));
}

/** What the event changed for `unitId`, or undefined when it left the unit as it was. */
export function unitChange(before: unknown, after: unknown, unitId: string): UnitChange | undefined {
  const b = asCycle(before);
  const a = asCycle(after);
  const change: UnitChange = {};
  const extBefore = b.extensions?.[unitId];
  const extAfter = a.extensions?.[unitId];
  if (!same(extBefore, extAfter)) change.extension = { before: extBefore, after: extAfter };
  const naBefore = b.notApplicable?.[unitId] ?? [];
  const naAfter = a.notApplicable?.[unitId] ?? [];
  if (!same(naBefore, naAfter)) change.notApplicable = { before: naBefore, after: naAfter };
  return change.extension || change.notApplicable ? change : undefined;
}
