/**
 * Respondents and answer counts of a survey.
 *
 * A respondent item is keyed by (survey, respondentId), spread over shards: whichever file,
 * re-upload or resumed run brings an id again finds it. It records the import and line that
 * brought it. Answer counts: one item per (unit, group, source) with `n` responses and one
 * `c:<q>=<option>` counter per answer.
 */
import { deferred } from '../../schemas/zod.ts';
import type { GroupCounts, NamedCounts } from '../../domain/survey-counts.ts';
import type { AcceptedAnswers } from '../../domain/survey-rows.ts';
import * as z from 'zod/mini';
import type { ImportRef } from './survey-import.ts';

/** Respondents of one survey are spread over this many partitions (cloud write throughput per partition). */
export const respondentShards = 16;

/** FNV-1a over the UTF-16 code units: a stable, cheap spread of respondent ids over the shards. */
function shardOf(respondentId: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < respondentId.length; i++) h = Math.imul(h ^ respondentId.charCodeAt(i), 0x01000193);
  return (h >>> 0) % respondentShards;
}

export const respondentKeys = {
  partition: (year: number, surveyId: string, shard: number) => `SURVEYRESP#${year}#${surveyId}#${shard}`,
  respondent: (year: number, surveyId: string, respondentId: string) => ({
    pk: `SURVEYRESP#${year}#${surveyId}#${shardOf(respondentId)}`,
    sk: `R#${respondentId}`,
  }),
  tallyPartition: (year: number, surveyId: string) => `SURVEYTALLY#${year}#${surveyId}`,
  tally: (year: number, surveyId: string, unitId: string, group: string, source: string) => ({
    pk: `SURVEYTALLY#${year}#${surveyId}`,
    sk: `${unitId}#${group}#${source}`,
  }),
} as const;

export function respondentToItem(ref: ImportRef, line: number, row: AcceptedAnswers): Record<string, unknown> {
  const { pk, sk } = respondentKeys.respondent(ref.year, ref.surveyId, row.respondentId);
  return { pk, sk, importId: ref.importId, line, unitId: row.unitId, group: row.group, answers: row.answers };
}

const holderSchema = deferred(() =>
  z.object({ sk: z.string().check(z.startsWith('R#')), importId: z.string(), line: z.number().check(z.int()) }),
);

/** Who holds a respondent id (read with the projection `sk, importId, line`). */
export function respondentHolderFromItem(item: Record<string, unknown>): { respondentId: string; importId: string; line: number } {
  const { sk, importId, line } = holderSchema.parse(item);
  return { respondentId: sk.slice(2), importId, line };
}

export const countPrefix = 'c:';
export const importSource = (importId: string) => `import:${importId}`;
export const onlineSource = 'online';

export interface StoredCounts extends GroupCounts {
  source: string;
}

export function tallyToItem(year: number, surveyId: string, source: string, g: GroupCounts): Record<string, unknown> {
  const item: Record<string, unknown> = {
    ...respondentKeys.tally(year, surveyId, g.unitId, g.group, source),
    unitId: g.unitId,
    group: g.group,
    source,
    n: g.responses,
  };
  for (const [name, n] of Object.entries(g.counts)) item[`${countPrefix}${name}`] = n;
  return item;
}

const tallySchema = deferred(() =>
  z.object({
    unitId: z.string(),
    group: z.string(),
    source: z.string(),
    n: z._default(z.number().check(z.int(), z.gte(0)), 0),
  }),
);

export function tallyFromItem(item: Record<string, unknown>): StoredCounts {
  const { unitId, group, source, n } = tallySchema.parse(item);
  const counts: NamedCounts = {};
  for (const [k, v] of Object.entries(item))
    if (k.startsWith(countPrefix)) counts[k.slice(countPrefix.length)] = z.number().check(z.int()).parse(v);
  return { unitId, group, source, responses: n, counts };
}
