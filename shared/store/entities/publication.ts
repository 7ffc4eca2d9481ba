/** The publication of a cycle's results: written once, with the report files' keys and checksums. */
import { unitTypeSchema } from '../../schemas/files/framework.ts';
import { resultsSchema } from '../../schemas/files/results.ts';
import * as z from 'zod';

export const publicationKeys = {
  item: (year: number) => ({ pk: `CYCLE#${year}`, sk: 'RESULTS#PUBLISHED' }),
} as const;

export const reportFileRecord = z.object({
  name: z.string(),
  contentType: z.string(),
  bytes: z.number().int(),
  sha256: z.string(),
  key: z.string(),
});
export type ReportFile = z.infer<typeof reportFileRecord>;

const publicationRecord = z.object({
  year: z.number().int(),
  decision: z.string(),
  approvedAt: z.string(),
  approvedBy: z.string(),
  results: z.partialRecord(unitTypeSchema, resultsSchema),
  files: z.array(reportFileRecord),
});
export type Publication = z.infer<typeof publicationRecord>;

export function publicationToItem(publication: Publication): Record<string, unknown> {
  return { ...publicationKeys.item(publication.year), entity: 'results-published', ...publication };
}

export function publicationFromItem(item: Record<string, unknown>): Publication {
  return publicationRecord.parse(item);
}
