/** An evidence record: what the unit declared, where the object is, and whether its upload was confirmed. */
import { deferred } from '../../schemas/zod.ts';
import * as z from 'zod/mini';
import { assessmentPartition } from './assessment-header.ts';

export const evidenceKey = (year: number, unitId: string, evidenceId: string) => ({
  pk: assessmentPartition(year, unitId),
  sk: `EVIDENCE#${evidenceId}`,
});

const evidenceSchema = deferred(() =>
  z.object({
    evidenceId: z.string(),
    fileName: z.string(),
    contentType: z.string(),
    size: z.number().check(z.int()),
    sha256: z.string(),
    objectKey: z.string(),
    status: z.enum(['pending', 'confirmed']),
    createdAt: z.string(),
    createdBy: z.string(),
    confirmedAt: z.optional(z.string()),
  }),
);

export type EvidenceRecord = z.infer<typeof evidenceSchema>;

export const isEvidenceItem = (raw: Record<string, unknown>) => typeof raw.sk === 'string' && raw.sk.startsWith('EVIDENCE#');

export function evidenceFromItem(raw: Record<string, unknown>): EvidenceRecord {
  return evidenceSchema.parse(raw);
}

export function evidenceToItem(year: number, unitId: string, record: EvidenceRecord): Record<string, unknown> {
  return { ...evidenceKey(year, unitId, record.evidenceId), entity: 'evidence', ...record };
}
