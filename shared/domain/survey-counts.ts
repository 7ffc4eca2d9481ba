/**
 * Answer counts per (unit, group), stored by name (`"Q3_5_1=A"` → count) rather than by the
 * engine's counter offsets: offsets depend on the order of questions and options in one version of
 * the definition, names survive a re-ordered or extended definition. The engine's tally
 * (survey-aggregation.ts) is rebuilt from names whenever scores are computed.
 */
import type { CompiledSurvey, SurveyTally } from './survey-aggregation.ts';

export type NamedCounts = Record<string, number>;

export const countName = (questionId: string, option: string) => `${questionId}=${option}`;

/** Responses and answer counts of one (unit, group), as an import or the online channel adds them up. */
export interface GroupCounts {
  unitId: string;
  group: string;
  responses: number;
  counts: NamedCounts;
}

/** Adds up accepted responses in memory: one Map lookup per answer, no allocation per row. */
export class CountsBuilder {
  private readonly byKey = new Map<string, GroupCounts>();

  add(unitId: string, group: string, answers: Readonly<Record<string, string>>): void {
    const key = `${unitId}\u0000${group}`;
    let entry = this.byKey.get(key);
    if (!entry) this.byKey.set(key, (entry = { unitId, group, responses: 0, counts: {} }));
    entry.responses++;
    for (const id in answers) {
      const name = countName(id, answers[id] as string);
      entry.counts[name] = (entry.counts[name] ?? 0) + 1;
    }
  }

  /** Restores a checkpoint's counts. */
  load(groups: readonly GroupCounts[]): void {
    for (const g of groups) this.byKey.set(`${g.unitId}\u0000${g.group}`, { ...g, counts: { ...g.counts } });
  }

  groups(): GroupCounts[] {
    return [...this.byKey.values()];
  }

  /** A copy that later rows do not change (a checkpoint written in the background). */
  snapshot(): GroupCounts[] {
    return [...this.byKey.values()].map((g) => ({ ...g, counts: { ...g.counts } }));
  }

  get responses(): number {
    let n = 0;
    for (const g of this.byKey.values()) n += g.responses;
    return n;
  }
}

/**
 * Adds stored counts into the engine's tally. Names the definition no longer knows are returned
 * (the definition route refuses removals once responses exist, so this stays empty in practice).
 */
export function addToTally(survey: CompiledSurvey, tally: SurveyTally, unitId: string, group: string, counts: NamedCounts): string[] {
  const unknown: string[] = [];
  let groups = tally.get(unitId);
  if (!groups) tally.set(unitId, (groups = new Map()));
  let array = groups.get(group);
  if (!array) groups.set(group, (array = new Uint32Array(survey.counters)));
  for (const [name, count] of Object.entries(counts)) {
    const cut = name.lastIndexOf('=');
    const q = survey.questionById.get(name.slice(0, cut));
    const k = q?.optionIndex.get(name.slice(cut + 1));
    if (!q || k === undefined || (q.groups && !q.groups.has(group))) {
      unknown.push(name);
      continue;
    }
    array[q.offset + k] = (array[q.offset + k] ?? 0) + count;
  }
  return unknown;
}
