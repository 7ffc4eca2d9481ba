/**
 * The publication of a council's results in a cycle: written once, with the report files' keys and
 * checksums. The provincial council's keeps the key it always had; each district council's has its own.
 */
import { councilSuffix, provinceCouncil, type CouncilKey } from '../../domain/councils.ts';
import { unitTypeSchema } from '../../schemas/files/framework.ts';
import { resultsSchema } from '../../schemas/files/results.ts';
import * as z from 'zod/mini';

export const publicationKeys = {
  item: (year: number, council: CouncilKey = provinceCouncil) => ({
    pk: `CYCLE#${year}`,
    sk: `RESULTS#PUBLISHED${councilSuffix(council)}`,
  }),
  prefix: 'RESULTS#PUBLISHED',
} as const;

export const reportFileRecord = z.object({
  name: z.string(),
  contentType: z.string(),
  bytes: z.number().check(z.int()),
  sha256: z.string(),
  key: z.string(),
});
export type ReportFile = z.infer<typeof reportFileRecord>;

const publicationRecord = z.object({
  year: z.number().check(z.int()),
  /** `province` or the district's id; publications written before councils per level are the province's. */
  council: z._default(z.string(), provinceCouncil),
  decision: z.string(),
  approvedAt: z.string(),
  approvedBy: z.string(),
  results: z.partialRecord(unitTypeSchema, resultsSchema),
  files: z.array(reportFileRecord),
});
export type Publication = z.input<typeof publicationRecord>;

export function publicationToItem(publication: Publication): Record<string, unknown> {
  return { ...publicationKeys.item(publication.year, publication.council), entity: 'results-published', ...publication };
}

export function publicationFromItem(item: Record<string, unknown>): Publication {
  return publicationRecord.parse(item);
}
