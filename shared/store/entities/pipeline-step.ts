/** What one step of the yearly pipeline found and did: one item per (cycle, step), overwritten by a re-run. */
import { deferred } from '../../schemas/zod.ts';
import * as z from 'zod/mini';

export const pipelineStepKeys = {
  item: (year: number, step: string) => ({ pk: `CYCLE#${year}`, sk: `PIPELINE#${step}` }),
  partition: (year: number) => `CYCLE#${year}`,
  prefix: 'PIPELINE#',
} as const;

const stepRecord = deferred(() =>
  z.object({
    step: z.string(),
    at: z.string(),
    execution: z.optional(z.string()),
    details: z.record(z.string(), z.unknown()),
  }),
);
export type StepRecord = z.infer<typeof stepRecord>;

export function stepToItem(year: number, record: StepRecord): Record<string, unknown> {
  return { ...pipelineStepKeys.item(year, record.step), entity: 'pipeline-step', year, ...record };
}

export function stepFromItem(item: Record<string, unknown>): StepRecord {
  return stepRecord.parse(item);
}
