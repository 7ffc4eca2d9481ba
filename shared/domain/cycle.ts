/** Cycle rules: deadline order, frameworks per unit type, and the yearly cycle built from a template. */
import type { UnitType } from '../schemas/files/framework.ts';
import { deadlineNames, type Cycle, type CycleBody } from '../schemas/domain/cycles.ts';

interface FieldError {
  path: string;
  message: string;
}

type Deadlines = Cycle['deadlines'];

/** The order the yearly process runs in; each deadline may equal but not precede the one before. */
const deadlineOrder: readonly (keyof Deadlines)[] = ['selfAssessment', 'appraisal', 'explanation', 'finalAppraisal', 'publication'];

export function deadlineErrors(deadlines: Deadlines, prefix = 'deadlines'): FieldError[] {
  const errors: FieldError[] = [];
  for (let i = 1; i < deadlineOrder.length; i++) {
    const before = deadlineOrder[i - 1]!;
    const after = deadlineOrder[i]!;
    if (Date.parse(deadlines[after]) < Date.parse(deadlines[before])) {
      errors.push({ path: `${prefix}.${after}`, message: `must not be before ${before} (${deadlines[before]})` });
    }
  }
  if (Date.parse(deadlines.survey) > Date.parse(deadlines.finalAppraisal)) {
    errors.push({ path: `${prefix}.survey`, message: `must not be after finalAppraisal (${deadlines.finalAppraisal})` });
  }
  return errors;
}

export function frameworkTypeErrors(
  frameworks: CycleBody['frameworks'],
  found: Record<string, { unitType: UnitType } | undefined>,
): FieldError[] {
  const errors: FieldError[] = [];
  for (const [unitType, id] of Object.entries(frameworks)) {
    const framework = found[id];
    if (!framework) errors.push({ path: `frameworks.${unitType}`, message: `framework ${id} does not exist` });
    else if (framework.unitType !== unitType) {
      errors.push({ path: `frameworks.${unitType}`, message: `framework ${id} is for ${framework.unitType} units, not ${unitType}` });
    }
  }
  return errors;
}

export function newCycle(body: CycleBody): Cycle {
  return { ...body, phase: 'open', version: 1 };
}

const dayMs = 86_400_000;

/**
 * The template's deadlines moved to `year` (whole years, keeping their calendar days); if the
 * first deadline would still not lie ahead of `now`, the whole schedule slides so that it
 * opens 30 days from now, keeping the gaps between deadlines.
 */
export function cycleForYear(template: CycleBody, year: number, now: Date): CycleBody {
  const shiftYears = year - template.year;
  const moved = Object.fromEntries(
    deadlineNames.map((name) => {
      const d = new Date(template.deadlines[name]);
      d.setUTCFullYear(d.getUTCFullYear() + shiftYears);
      return [name, d];
    }),
  ) as Record<keyof Deadlines, Date>;
  const first = moved.selfAssessment.getTime();
  const slide = first > now.getTime() ? 0 : now.getTime() + 30 * dayMs - first;
  const deadlines = Object.fromEntries(
    deadlineNames.map((name) => [name, toVietnamTime(new Date(moved[name].getTime() + slide))]),
  ) as Deadlines;
  return { ...template, year, deadlines };
}

/** ISO 8601 with the +07:00 offset the province works in. */
export function toVietnamTime(instant: Date): string {
  const local = new Date(instant.getTime() + 7 * 3_600_000);
  return `${local.toISOString().slice(0, 19)}+07:00`;
}
