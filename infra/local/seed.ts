/**
 * Idempotent seeding of the reference data: the unit registry, the four frameworks (the province's
 * own included), the three surveys and an open cycle for the current calendar year. What exists is left as it is (a re-run never
 * overwrites an administrator's change); what is missing is written with an audit event.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cycleForYear, newCycle } from '../../shared/domain/cycle.ts';
import { parseFramework } from '../../shared/domain/framework.ts';
import type { Caller } from '../../shared/domain/roles.ts';
import { cycleBody, type CycleBody } from '../../shared/schemas/domain/cycles.ts';
import { unitTypes, type UnitType } from '../../shared/schemas/files/framework.ts';
import type { SurveyDefinitionInput } from '../../shared/schemas/files/survey-definition.ts';
import { cycleSnapshot } from '../../shared/app/cycles/create-cycle.ts';
import { createCycle, getCycle } from '../../shared/store/cycles-store.ts';
import { getFramework, saveFramework } from '../../shared/store/frameworks-store.ts';
import { getSurvey, saveSurvey } from '../../shared/store/surveys-store.ts';
import { listUnits, seedNewUnits } from '../../shared/store/units-store.ts';
import type { Unit } from '../../shared/schemas/domain/units.ts';
import { projectRoot } from './paths.ts';

const seeder: Caller = { subject: 'system', username: 'system:seed', roles: ['admin'], areas: [] };

function readReference<T>(...parts: string[]): T {
  return JSON.parse(readFileSync(join(projectRoot, 'reference', ...parts), 'utf8')) as T;
}

export interface SeedReport {
  units: number;
  frameworks: number;
  surveys: number;
  cycle?: number;
}

async function seedUnits(): Promise<number> {
  const registry = readReference<{ units: Omit<Unit, 'version'>[] }>('units', 'ben-tre-2024.json');
  const existing = new Set((await listUnits({})).map((u) => u.id));
  const missing = registry.units.filter((u) => !existing.has(u.id));
  await seedNewUnits(
    seeder,
    missing.map((u) => ({ ...u, name: u.name.normalize('NFC') })),
  );
  return missing.length;
}

async function seedFrameworks(): Promise<number> {
  let written = 0;
  for (const type of unitTypes) {
    const parsed = parseFramework(readReference('frameworks', `${type}-2024.json`));
    if (!parsed.ok) throw new Error(`reference framework ${type}: ${parsed.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
    if (await getFramework(parsed.framework.id)) continue;
    await saveFramework(seeder, parsed.framework);
    written++;
  }
  return written;
}

async function seedSurveys(year: number): Promise<number> {
  let written = 0;
  for (const unitType of ['department', 'district', 'commune'] as UnitType[]) {
    const definition = readReference<SurveyDefinitionInput & { id: string; frameworkId: string }>(
      'surveys',
      `${unitType}-survey-2024.json`,
    );
    if (await getSurvey(year, definition.id)) continue;
    await saveSurvey(seeder, { year, surveyId: definition.id, unitType, frameworkId: definition.frameworkId, definition }, undefined);
    written++;
  }
  return written;
}

/** The province's own assessment in the seeded cycle: its framework and who fills which area. */
function withProvince(template: CycleBody): CycleBody {
  const province = readReference<{ framework: string; assignment: Record<string, string[]> }>('cycles', 'province-2024.json');
  return {
    ...template,
    frameworks: { ...template.frameworks, province: province.framework },
    appraisal: { ...template.appraisal, province: province.assignment },
  };
}

export async function seed(now = new Date()): Promise<SeedReport> {
  const units = await seedUnits();
  const frameworks = await seedFrameworks();
  const year = Number(now.toLocaleString('en-US', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric' }));
  let cycle: number | undefined;
  if (!(await getCycle(year))) {
    const { note: _note, ...reference } = readReference<Record<string, unknown>>('cycles', '2024.json');
    const template = withProvince(cycleBody.parse(reference));
    const opened = newCycle(cycleForYear(template, year, now));
    await createCycle(seeder, opened, { registry: await cycleSnapshot(opened, { listUnits }) });
    cycle = year;
  }
  const surveys = await seedSurveys(year);
  return { units, frameworks, surveys, ...(cycle ? { cycle } : {}) };
}
