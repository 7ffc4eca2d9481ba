/**
 * An invitation code item: keyed by the code's hash (the code itself is never stored), bound to
 * a survey, unit and group; `usedAt` and the answers once spent.
 */
import { deferred } from '../../schemas/zod.ts';
import * as z from 'zod/mini';

export const invitationKey = (codeHash: string) => ({ pk: `INVITE#${codeHash}`, sk: 'INVITE' });

export interface Invitation {
  year: number;
  surveyId: string;
  unitId: string;
  group: string;
  createdAt: string;
  usedAt?: string;
}

export interface InvitationBinding {
  year: number;
  surveyId: string;
  unitId: string;
  group: string;
}

const itemSchema = deferred(() =>
  z.object({
    year: z.number().check(z.int()),
    surveyId: z.string(),
    unitId: z.string(),
    group: z.string(),
    createdAt: z.string(),
    usedAt: z.optional(z.string()),
  }),
);

export function invitationToItem(codeHash: string, binding: InvitationBinding, createdAt: string, createdBy: string) {
  return { ...invitationKey(codeHash), entity: 'survey-invitation', ...binding, createdAt, createdBy };
}

export function invitationFromItem(item: Record<string, unknown>): Invitation {
  const { year, surveyId, unitId, group, createdAt, usedAt } = itemSchema.parse(item);
  return { year, surveyId, unitId, group, createdAt, ...(usedAt ? { usedAt } : {}) };
}
