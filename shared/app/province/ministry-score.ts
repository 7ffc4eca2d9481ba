/** Recording the Ministry's score of the province's assessment, and reading it beside the self scores. */
import { enforce, fail } from '../../domain/errors.ts';
import {
  ministryComparison,
  ministryScoreErrors,
  ministryTotal,
  type MinistryScore,
  type MinistryScoreInput,
} from '../../domain/ministry-score.ts';
import { ministryScoreRefusal } from '../../domain/province.ts';
import type { Caller } from '../../domain/roles.ts';
import { stateRefusal } from '../../domain/write-window.ts';
import { loadProvinceContext, provinceStores, type ProvinceStores } from './province-context.ts';

export interface RecordMinistryScoreInput extends MinistryScoreInput {
  year: number;
  unitId: string;
  /** 0 for the first recording, then the version read. */
  expectedVersion: number;
  reason?: string;
}

export async function recordMinistryScore(caller: Caller, input: RecordMinistryScoreInput, stores: ProvinceStores = provinceStores) {
  const { year, unitId, expectedVersion, reason, ...score } = input;
  const ctx = await loadProvinceContext(caller, year, unitId, 'read', stores);
  enforce(ministryScoreRefusal(caller, ctx.assignment));
  // The Ministry appraises what the province handed in.
  enforce(stateRefusal(ctx.state, ['submitted', 'appraised'], "recording the Ministry's score"));
  const errors = ministryScoreErrors(ctx.framework, score);
  if (errors.length > 0) throw fail.invalid(errors);
  const before = await stores.getMinistryScore(year, unitId);
  if ((before?.version ?? 0) !== expectedVersion) throw fail.versionConflict("the Ministry's score", before ?? null);
  const after: MinistryScore = {
    ...score,
    total: ministryTotal(score),
    recordedAt: new Date().toISOString(),
    recordedBy: caller.username,
    version: expectedVersion + 1,
  };
  await stores.saveMinistryScore(caller, { year, unitId }, before, after, reason);
  return ministryView(ctx.framework, ctx.loaded.items, after);
}

export async function getMinistryScoreView(
  caller: Caller,
  input: { year: number; unitId: string },
  stores: ProvinceStores = provinceStores,
) {
  const ctx = await loadProvinceContext(caller, input.year, input.unitId, 'read', stores);
  const score = await stores.getMinistryScore(input.year, input.unitId);
  return ministryView(ctx.framework, ctx.loaded.items, score);
}

function ministryView(
  framework: Parameters<typeof ministryComparison>[0],
  items: ReadonlyMap<string, { selfScore?: number }>,
  score: MinistryScore | undefined,
) {
  const selfScores: Record<string, number> = {};
  for (const [code, item] of items) if (item.selfScore !== undefined) selfScores[code] = item.selfScore;
  return { score: score ?? null, version: score?.version ?? 0, comparison: ministryComparison(framework, selfScores, score) };
}
