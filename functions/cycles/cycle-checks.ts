/** Checks a cycle against stored data (frameworks, units, codes); the rules are the domain's. */
import { deadlineErrors, frameworkTypeErrors } from '../../shared/domain/cycle.ts';
import { findNode } from '../../shared/domain/framework.ts';
import type { FieldError } from '../../shared/http/problems.ts';
import type { Framework } from '../../shared/schemas/framework.ts';
import type { Cycle, CycleBody } from '../../shared/schemas/cycles.ts';
import { getFramework } from '../../shared/store/frameworks-store.ts';
import { getUnit } from '../../shared/store/units-store.ts';

export async function cycleErrors(cycle: CycleBody | Cycle): Promise<FieldError[]> {
  const errors = deadlineErrors(cycle.deadlines);
  const ids = [...new Set(Object.values(cycle.frameworks))];
  const stored = await Promise.all(ids.map((id) => getFramework(id)));
  const frameworks: Record<string, Framework | undefined> = Object.fromEntries(ids.map((id, i) => [id, stored[i]?.framework]));
  errors.push(...frameworkTypeErrors(cycle.frameworks, frameworks));
  for (const [unitId, codes] of Object.entries(cycle.notApplicable)) {
    const unit = await getUnit(unitId);
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
