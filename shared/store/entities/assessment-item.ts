/** One written leaf of an assessment: the self score, evidence links and every appraisal and explanation round. */
import { deferred } from '../../schemas/zod.ts';
import * as z from 'zod/mini';
import type { AppraisedItem } from '../../domain/appraisal.ts';
import { assessmentPartition } from './assessment-header.ts';

export const itemKey = (year: number, unitId: string, code: string) => ({ pk: assessmentPartition(year, unitId), sk: `ITEM#${code}` });

const evidenceRef = deferred(() => z.object({ evidenceId: z.string(), page: z.optional(z.string()) }));

const itemSchema = deferred(() =>
  z.object({
    code: z.string(),
    selfScore: z.optional(z.number()),
    figure: z.optional(z.union([z.number(), z.boolean()])),
    note: z.optional(z.string()),
    evidence: z.optional(z.array(evidenceRef)),
    noEvidenceReason: z.optional(z.string()),
    appraisedScore: z.optional(z.number()),
    appraisals: z.optional(
      z.array(
        z.object({
          round: z.number().check(z.int()),
          score: z.number(),
          reason: z.optional(z.string()),
          by: z.string(),
          byUnit: z.optional(z.string()),
          at: z.string(),
        }),
      ),
    ),
    explanations: z.optional(
      z.array(
        z.object({ round: z.number().check(z.int()), text: z.string(), evidence: z.array(evidenceRef), by: z.string(), at: z.string() }),
      ),
    ),
    returnedForExplanation: z.optional(z.boolean()),
    version: z.number().check(z.int()),
  }),
);

export const isItemItem = (raw: Record<string, unknown>) => typeof raw.sk === 'string' && raw.sk.startsWith('ITEM#');

export function itemFromItem(raw: Record<string, unknown>): AppraisedItem {
  return itemSchema.parse(raw);
}

export function itemToItem(year: number, unitId: string, item: AppraisedItem): Record<string, unknown> {
  return { ...itemKey(year, unitId, item.code), entity: 'assessment-item', ...item };
}
