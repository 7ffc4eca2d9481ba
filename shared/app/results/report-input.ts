/** What the report files need beside the results: each unit type's framework and the registry's parents. */
import type { Framework } from '../../schemas/files/framework.ts';
import type { Results } from '../../schemas/files/results.ts';
import type { ReportInput } from '../../reports/model.ts';
import { listUnits } from '../../store/units-store.ts';
import { frameworkOf } from '../assessment/assessment-context.ts';

export interface PublishedContent {
  year: number;
  decision: string;
  approvedAt: string;
  results: Partial<Record<string, Results>>;
}

export async function reportInput(content: PublishedContent): Promise<ReportInput> {
  const entries = Object.entries(content.results).filter((e): e is [string, Results] => !!e[1]);
  const [frameworks, units] = await Promise.all([
    Promise.all(entries.map(async ([type, r]) => [type, await frameworkOf(r.frameworkId)] as const)),
    listUnits({}),
  ]);
  return {
    ...content,
    frameworks: Object.fromEntries(frameworks.filter((f): f is readonly [string, Framework] => !!f[1])),
    units: Object.fromEntries(units.map((u) => [u.id, { name: u.name, ...(u.parentId ? { parentId: u.parentId } : {}) }])),
  };
}
