/**
 * The rules a scores file must satisfy against its framework (DESIGN §3.4), each reported with
 * the JSON path of the offending value: `units[3].scores["1.1.2"]: 1.3 is not a multiple of 0.25`.
 */
import type { Framework } from '../schemas/files/framework.ts';
import { formatPath, type FieldError } from '../schemas/issues.ts';
import type { UnitScores } from '../schemas/files/scores-file.ts';
import { findLeaf, findNode, applicableLeaves } from './framework.ts';
import { checkAdjustment, checkLeafScore } from './rules.ts';

export interface ScoresCheckOptions {
  /** With a survey file, survey leaves come from it alone; their entries here are ignored. */
  surveyFromFile: boolean;
}

export interface ScoresCheck {
  errors: FieldError[];
  /** Harmless oddities worth telling the user (ignored values). */
  warnings: FieldError[];
}

export function checkScores(framework: Framework, units: readonly UnitScores[], options: ScoresCheckOptions): ScoresCheck {
  const errors: FieldError[] = [];
  const warnings: FieldError[] = [];
  const seen = new Map<string, number>();
  const adjustments = new Map(framework.adjustments.map((a) => [a.code, a]));

  units.forEach((unit, i) => {
    const at = (...keys: (string | number)[]) => formatPath(['units', i, ...keys]);
    const first = seen.get(unit.unitId);
    if (first !== undefined) errors.push({ path: at('unitId'), message: `duplicate unit "${unit.unitId}" (already at units[${first}])` });
    else seen.set(unit.unitId, i);
    if (unit.unitType !== framework.unitType)
      errors.push({ path: at('unitType'), message: `"${unit.unitType}" does not match the framework's unit type "${framework.unitType}"` });

    unit.notApplicable.forEach((code, j) => {
      if (!findNode(framework, code))
        errors.push({
          path: at('notApplicable', j),
          message: `unknown code "${code}": not an area, criterion or leaf of framework ${framework.id}`,
        });
    });
    if (unit.notApplicable.every((c) => findNode(framework, c)) && applicableLeaves(framework, unit.notApplicable).length === 0)
      errors.push({ path: at('notApplicable'), message: 'exempts every leaf: the unit would have no applicable points' });

    for (const [code, value] of Object.entries(unit.scores)) {
      const entry = findLeaf(framework, code);
      if (!entry) {
        const node = findNode(framework, code);
        errors.push({
          path: at('scores', code),
          message: node
            ? `"${code}" is not a leaf: scores go to leaves, their parents are summed`
            : `unknown code "${code}": not a leaf of framework ${framework.id}`,
        });
        continue;
      }
      if (entry.leaf.method === 'survey' && options.surveyFromFile) {
        warnings.push({ path: at('scores', code), message: `ignored: survey leaf ${code} is scored from the survey file` });
        continue;
      }
      const checked = checkLeafScore(entry.leaf, value);
      if (!checked.ok) errors.push({ path: at('scores', code), message: checked.message });
    }

    for (const [code, value] of Object.entries(unit.adjustments)) {
      const adjustment = adjustments.get(code);
      if (!adjustment) {
        errors.push({
          path: at('adjustments', code),
          message: `unknown adjustment "${code}": not a bonus or penalty of framework ${framework.id}`,
        });
        continue;
      }
      const checked = checkAdjustment(adjustment, value);
      if (!checked.ok) errors.push({ path: at('adjustments', code), message: checked.message });
    }
  });
  return { errors, warnings };
}
