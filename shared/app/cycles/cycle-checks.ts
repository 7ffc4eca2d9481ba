/** Checks a cycle against stored data (frameworks, units, codes); the rules are the domain's. */
import { deadlineErrors, frameworkTypeErrors } from '../../domain/cycle.ts';
import type { FieldError } from '../../domain/errors.ts';
import { findNode } from '../../domain/framework.ts';
import type { Framework } from '../../schemas/files/framework.ts';
import type { Cycle, CycleBody } from '../../schemas/domain/cycles.ts';
import { cyclesStores, type CyclesStores } from './stores.ts';

export async function cycleErrors(
  cycle: CycleBody | Cycle,
  stores: Pick<CyclesStores, 'getFramework' | 'getUnit'> = cyclesStores,
): Promise<FieldError[]> {
  const errors = deadlineErrors(cycle.deadlines);
  const ids = [...new Set(Object.values(cycle.frameworks))];
  const stored = await Promise.all(ids.map((id) => stores.getFramework(id)));
  const frameworks: Record<string, Framework | undefined> = Object.fromEntries(ids.map((id, i) => [id, stored[i]?.framework]));
  errors.push(...frameworkTypeErrors(cycle.frameworks, frameworks));
  for (const [unitId, codes] of Object.entries(cycle.notApplicable)) {
    const unit = await stores.getUnit(unitId);
    if (!unit) {
      errors.push({ path: `notApplicable.${unitId}`, message: `unit ${unitId} does not exist` });
      continue;
    }
    const frameworkId = cycle.frameworks[unit.type];
    const framework = frameworkId ? frameworks[frameworkId] : undefined;
    if (!framework) {
      errors.push({ path: `notApplicable.${unitId}`, message: `the cycle names no framework for ${unit.type} units` });
      continue;
    }
    codes.forEach((code, i) => {
      if (!findNode(framework, code)) {
        errors.push({ path: `notApplicable.${unitId}[${i}]`, message: `code ${code} is not in framework ${framework.id}` });
      }
    });
  }
  return errors;
}
