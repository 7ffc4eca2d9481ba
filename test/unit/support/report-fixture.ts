/**
 * A publication to render: real computations (computeIndex, compareWithPrevious, analyse) over
 * the reference department and commune frameworks with deterministic scores; 45 communes in two
 * districts (so the dot plot is used), two of them named alike, one name that looks like a formula.
 */
import { readFileSync } from 'node:fs';
import { computeIndex } from '../../../shared/domain/index-computation.ts';
import { leaves } from '../../../shared/domain/framework.ts';
import type { UnitScoreInput } from '../../../shared/domain/scoring.ts';
import { analyse, leafOutcomes } from '../../../shared/domain/weaknesses.ts';
import { compareWithPrevious } from '../../../shared/domain/year-over-year.ts';
import type { ReportInput } from '../../../shared/reports/model.ts';
import type { Framework, UnitType } from '../../../shared/schemas/files/framework.ts';
import type { Results } from '../../../shared/schemas/files/results.ts';

export const framework = (type: 'department' | 'commune'): Framework =>
  JSON.parse(readFileSync(`reference/frameworks/${type}-2024.json`, 'utf8')) as Framework;

/** Quarter points, a pseudo-random share of each leaf's maximum that depends on the unit and the year. */
function scores(fw: Framework, seed: number): Record<string, number> {
  const out: Record<string, number> = {};
  leaves(fw).forEach(({ leaf }, i) => {
    const share = 0.5 + ((seed * 37 + i * 11) % 50) / 100;
    out[leaf.code] = leaf.method === 'survey' ? Math.round(leaf.maxPoints * share * 100) / 100 : Math.floor(leaf.maxPoints * share * 4) / 4;
  });
  return out;
}

export const communeNames = (i: number) => (i === 0 || i === 30 ? 'Xã Mỹ Thạnh' : i === 7 ? '=HYPERLINK("http://x")' : `Xã Số ${i + 1}`);

function typeResults(
  type: UnitType & ('department' | 'commune'),
  count: number,
  year: number,
): { results: Results; inputs: UnitScoreInput[] } {
  const fw = framework(type);
  const inputs = Array.from({ length: count }, (_, i): UnitScoreInput => ({
    unitId: type === 'department' ? `S${i + 1}` : `X-${i < 25 ? 'H1' : 'H2'}-${i + 1}`,
    unitType: type,
    name: type === 'department' ? `Sở ${i + 1}` : communeNames(i),
    scores: scores(fw, i * 3 + year),
  }));
  return { results: computeIndex(fw, inputs), inputs };
}

export function reportFixture(): ReportInput {
  const out: ReportInput['results'] = {};
  for (const [type, count] of [
    ['commune', 45],
    ['department', 3],
  ] as const) {
    const fw = framework(type);
    const before = typeResults(type, count, 2031).results;
    const { results, inputs } = typeResults(type, count, 2032);
    const compared = compareWithPrevious(results, fw, { year: 2031, results: before });
    const selfScores = (u: UnitScoreInput) => Object.fromEntries(Object.entries(u.scores).map(([k, v]) => [k, Math.min(v + 0.25, 10)]));
    const { analysis, weakest } = analyse(
      inputs.map((u) => ({ unitId: u.unitId, name: u.name, leaves: leafOutcomes(fw, u, selfScores(u)) })),
    );
    out[type] = { ...compared, analysis, units: compared.units.map((u) => ({ ...u, weakest: weakest.get(u.unitId) ?? [] })) };
  }
  const units: Record<string, { name: string; parentId?: string }> = { H1: { name: 'Huyện Ba Tri' }, H2: { name: 'Huyện Thạnh Phú' } };
  for (const u of out.commune!.units) units[u.unitId] = { name: u.name, parentId: u.unitId.split('-')[1]! };
  return {
    year: 2032,
    decision: 'Quyết định số 12/QĐ-HĐTĐ <mô phỏng>',
    approvedAt: '2033-01-15T03:00:00Z',
    results: out,
    frameworks: { department: framework('department'), commune: framework('commune') },
    units,
  };
}
