/**
 * Deterministic, realistic inputs for `par compute`: a scores file and a survey file for a list
 * of units, from a framework and a survey definition. Used by the golden tests and the benchmark.
 *
 * Realistic means: most self leaves near their maximum (units score 60-95 in practice), some
 * leaves missing, a few exemptions and adjustments, survey answers skewed towards A/B with some
 * "no opinion". The generator knows nothing of the scoring code.
 */
import { readFileSync } from 'node:fs';
import type { Framework, FrameworkNode, Leaf } from '../../../shared/schemas/files/framework.ts';
import type { ScoresFileInput, UnitScoresInput } from '../../../shared/schemas/files/scores-file.ts';

/** mulberry32: a small seeded PRNG, so every run generates the same files. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const root = new URL('../../../', import.meta.url);
export const readReference = <T = unknown>(path: string): T => JSON.parse(readFileSync(new URL(`reference/${path}`, root), 'utf8')) as T;

export interface SurveyDefinitionJson {
  id?: string;
  frameworkId?: string;
  options: Record<string, number | null>;
  groupWeights?: Record<string, number>;
  questions: { id: string; leaf: string; groups?: string[]; options?: Record<string, number | null> }[];
  [key: string]: unknown;
}

export interface ResponseJson {
  unitId: string;
  group: string;
  answers: Record<string, string | null>;
}

export function leavesOf(framework: Framework): Leaf[] {
  const out: Leaf[] = [];
  const visit = (n: FrameworkNode) => ('method' in n ? out.push(n) : n.items.forEach(visit));
  framework.areas.forEach((a) => a.items.forEach(visit));
  return out;
}

export interface UnitRef {
  id: string;
  name: string;
}

/** Scores for every unit: self leaves in quarter points, survey leaves left to the survey file. */
export function generateScores(framework: Framework, units: readonly UnitRef[], seed: number): ScoresFileInput {
  const random = prng(seed);
  const leaves = leavesOf(framework);
  const exemptable = framework.areas.flatMap((a) => a.items.filter((i) => !('method' in i)).map((i) => i.code));
  return {
    units: units.map((u): UnitScoresInput => {
      const skill = 0.55 + 0.4 * random(); // how good this unit is
      const scores: Record<string, number> = {};
      for (const leaf of leaves) {
        if (leaf.method !== 'self' || random() < 0.02) continue; // ~2 % left unscored → missing
        const quarters = Math.round(leaf.maxPoints * 4);
        const got = random() < skill ? quarters : Math.floor(random() * quarters);
        scores[leaf.code] = got / 4;
      }
      const adjustments: Record<string, number> = {};
      for (const a of framework.adjustments) if (random() < 0.15) adjustments[a.code] = Math.ceil(random() * a.maxPoints * 4) / 4;
      const notApplicable =
        random() < 0.05 && exemptable.length > 0 ? [exemptable[Math.floor(random() * exemptable.length)] as string] : [];
      return { unitId: u.id, unitType: framework.unitType, name: u.name, scores, adjustments, notApplicable };
    }),
  };
}

/** `total` responses spread over the units, each answering its group's questions. */
export function generateResponses(survey: SurveyDefinitionJson, units: readonly UnitRef[], total: number, seed: number): ResponseJson[] {
  const random = prng(seed);
  const groups = [...new Set(survey.questions.flatMap((q) => q.groups ?? Object.keys(survey.groupWeights ?? {})))];
  const byGroup = new Map(groups.map((g) => [g, survey.questions.filter((q) => !q.groups || q.groups.includes(g))]));
  const keys = Object.keys(survey.options);
  // Skewed towards the first options (A, B): satisfied respondents are the majority.
  const pick = (): string => keys[Math.min(keys.length - 1, Math.floor(keys.length * random() * random() * 1.6))] as string;
  const out: ResponseJson[] = [];
  for (let i = 0; i < total; i++) {
    const unit = units[i % units.length] as UnitRef;
    const group = groups[Math.floor(random() * groups.length)] as string;
    const answers: Record<string, string | null> = {};
    for (const q of byGroup.get(group) ?? []) answers[q.id] = random() < 0.03 ? null : pick();
    out.push({ unitId: unit.id, group, answers });
  }
  return out;
}
