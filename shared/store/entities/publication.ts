/**
 * The publication of a council's results in a cycle: written once by the approval with its report
 * files `pending` (none yet), then completed once by the report function with the files' keys and
 * checksums (`ready`). The provincial council's keeps the key it always had; each district council's
 * has its own. A pending publication is listed in gsi1 (sparse: the key leaves with `ready`), so
 * the report function's re-drive finds every one whose event was spent without a scan.
 */
import { deferred } from '../../schemas/zod.ts';
import { councilSuffix, provinceCouncil, type CouncilKey } from '../../domain/councils.ts';
import { unitTypeSchema } from '../../schemas/unit-types.ts';
import { resultsSchema } from '../../schemas/files/results.ts';
import * as z from 'zod/mini';

export const reportStates = ['pending', 'ready'] as const;
export type ReportState = (typeof reportStates)[number];

export const publicationKeys = {
  item: (year: number, council: CouncilKey = provinceCouncil) => ({
    pk: `CYCLE#${year}`,
    sk: `RESULTS#PUBLISHED${councilSuffix(council)}`,
  }),
  prefix: 'RESULTS#PUBLISHED',
} as const;

export const reportFileRecord = deferred(() =>
  z.object({
    name: z.string(),
    contentType: z.string(),
    bytes: z.number().check(z.int()),
    sha256: z.string(),
    key: z.string(),
  }),
);
export type ReportFile = z.infer<typeof reportFileRecord>;

const publicationRecord = deferred(() =>
  z.object({
    year: z.number().check(z.int()),
    /** `province` or the district's id; publications written before councils per level are the province's. */
    council: z._default(z.string(), provinceCouncil),
    decision: z.string(),
    approvedAt: z.string(),
    approvedBy: z.string(),
    results: z.partialRecord(unitTypeSchema, resultsSchema),
    files: z.array(reportFileRecord),
    /** Publications written before the report function are `ready` (their files were written with them). */
    reports: z._default(z.enum(reportStates), 'ready'),
  }),
);
export type Publication = z.input<typeof publicationRecord>;

/** The index entry of a publication whose report files are not written yet. */
export const pendingReportsIndex = (year: number, council: CouncilKey = provinceCouncil) => ({
  gsi1pk: 'RESULTS#REPORTS-PENDING',
  gsi1sk: `${year}#${council}`,
});

export function publicationToItem(publication: Publication): Record<string, unknown> {
  const pending = publication.reports === 'pending' ? pendingReportsIndex(publication.year, publication.council) : {};
  return { ...publicationKeys.item(publication.year, publication.council), entity: 'results-published', ...pending, ...publication };
}

export function publicationFromItem(item: Record<string, unknown>): Publication {
  return publicationRecord.parse(item);
}
