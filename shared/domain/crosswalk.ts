/**
 * Crosswalks between framework versions: which previous area(s) an area of this version continues.
 *
 * Stored with the framework (`predecessor`), not as an item of its own: the mapping describes the
 * version (it is written, reviewed and frozen with it when a cycle first uses it), so a published
 * comparison can never change afterwards, and it travels with the framework through PUT, export
 * and `par`. Within one framework version codes are comparable by construction; across versions
 * only what the crosswalk says is: no crosswalk, or an area it does not list, is "not comparable".
 */
import type { Crosswalk, Framework } from '../schemas/files/framework.ts';
import type { FieldError } from '../schemas/issues.ts';

export type Counterpart = { kind: 'same-framework' | 'crosswalk'; codes: string[] } | { kind: 'no-counterpart' | 'no-mapping'; codes: [] };

/** The previous area codes an area of `current` compares with, when last year used `previousFrameworkId`. */
export function counterpartOf(current: Pick<Framework, 'id' | 'predecessor'>, previousFrameworkId: string, areaCode: string): Counterpart {
  if (current.id === previousFrameworkId) return { kind: 'same-framework', codes: [areaCode] };
  const crosswalk: Crosswalk | undefined = current.predecessor;
  if (!crosswalk || crosswalk.frameworkId !== previousFrameworkId || !(areaCode in crosswalk.areas))
    return { kind: 'no-mapping', codes: [] };
  const target = crosswalk.areas[areaCode];
  if (target === null || target === undefined) return { kind: 'no-counterpart', codes: [] };
  return { kind: 'crosswalk', codes: Array.isArray(target) ? [...target] : [target] };
}

/** Rules of a framework's crosswalk that need the framework itself (the previous version is checked when compared). */
export function crosswalkErrors(framework: Framework): FieldError[] {
  const crosswalk = framework.predecessor;
  if (!crosswalk) return [];
  const errors: FieldError[] = [];
  if (crosswalk.frameworkId === framework.id)
    errors.push({ path: 'predecessor.frameworkId', message: 'must name the previous version, not this framework' });
  const areas = new Set(framework.areas.map((a) => a.code));
  for (const code of Object.keys(crosswalk.areas))
    if (!areas.has(code)) errors.push({ path: `predecessor.areas["${code}"]`, message: `"${code}" is not an area of this framework` });
  return errors;
}
