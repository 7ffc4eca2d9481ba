/**
 * The council's draft of a cycle's results, recomputed at will until the council approves it.
 * An approval first claims the draft (status `approved`, with the decision), then the reports are
 * written, then the publication; the claim's `approval` lets an interrupted publication resume.
 */
import { deferred } from '../../schemas/zod.ts';
import { councilSuffix, provinceCouncil, type CouncilKey } from '../../domain/councils.ts';
import { unitTypeSchema } from '../../schemas/unit-types.ts';
import { resultsSchema } from '../../schemas/files/results.ts';
import * as z from 'zod/mini';

export const resultsDraftKeys = {
  item: (year: number, council: CouncilKey = provinceCouncil) => ({ pk: `CYCLE#${year}`, sk: `RESULTS#DRAFT${councilSuffix(council)}` }),
  auditSubject: (year: number) => `RESULTS#${year}`,
} as const;

export const approvalClaimSchema = deferred(() => z.object({ decision: z.string(), approvedAt: z.string(), approvedBy: z.string() }));
export type ApprovalClaim = z.infer<typeof approvalClaimSchema>;

const draftRecordSchema = deferred(() =>
  z.object({
    year: z.number().check(z.int()),
    /** `province` or the district's id (each council computes and approves its own draft). */
    council: z.optional(z.string()),
    status: z.enum(['draft', 'approved']),
    computedAt: z.string(),
    computedBy: z.string(),
    notFinalized: z.array(z.object({ unitId: z.string(), state: z.string() })),
    results: z.partialRecord(unitTypeSchema, resultsSchema),
    approval: z.optional(approvalClaimSchema),
  }),
);
export type DraftResults = z.infer<typeof draftRecordSchema>;

export function draftToItem(draft: DraftResults): Record<string, unknown> {
  return { ...resultsDraftKeys.item(draft.year, draft.council), entity: 'results-draft', ...draft };
}

export function draftFromItem(item: Record<string, unknown>): DraftResults {
  return draftRecordSchema.parse(item);
}
