/** One written leaf of an assessment: the self score, evidence links and every appraisal and explanation round. */
import * as z from 'zod';
import type { AppraisedItem } from '../../domain/appraisal.ts';
import { assessmentPartition } from './assessment-header.ts';

export const itemKey = (year: number, unitId: string, code: string) => ({ pk: assessmentPartition(year, unitId), sk: `ITEM#${code}` });

const evidenceRef = z.object({ evidenceId: z.string(), page: z.string().optional() });

const itemSchema = z.object({
  code: z.string(),
  selfScore: z.number().optional(),
  figure: z.union([z.number(), z.boolean()]).optional(),
  note: z.string().optional(),
  evidence: z.array(evidenceRef).optional(),
  noEvidenceReason: z.string().optional(),
  appraisedScore: z.number().optional(),
  appraisals: z
    .array(
      z.object({
        round: z.number().int(),
        score: z.number(),
        reason: z.string().optional(),
        by: z.string(),
        byUnit: z.string().optional(),
        at: z.string(),
      }),
    )
    .optional(),
  explanations: z
    .array(z.object({ round: z.number().int(), text: z.string(), evidence: z.array(evidenceRef), by: z.string(), at: z.string() }))
    .optional(),
  returnedForExplanation: z.boolean().optional(),
  version: z.number().int(),
});

export const isItemItem = (raw: Record<string, unknown>) => typeof raw.sk === 'string' && raw.sk.startsWith('ITEM#');

export function itemFromItem(raw: Record<string, unknown>): AppraisedItem {
  return itemSchema.parse(raw);
}

export function itemToItem(year: number, unitId: string, item: AppraisedItem): Record<string, unknown> {
  return { ...itemKey(year, unitId, item.code), entity: 'assessment-item', ...item };
}
