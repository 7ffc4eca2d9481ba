/** The cycle item: one per year, in the cycle's partition (which its surveys, results and steps share). */
import { cycleSchema, type Cycle } from '../../schemas/domain/cycles.ts';
import { keys } from '../keys.ts';

export const cycleKeys = {
  item: keys.cycle,
  auditSubject: (year: number) => `CYCLE#${year}`,
} as const;

export function cycleToItem(cycle: Cycle): Record<string, unknown> {
  return { ...cycleKeys.item(cycle.year), entity: 'cycle', ...cycle };
}

export function cycleFromItem(item: Record<string, unknown>): Cycle {
  return cycleSchema.parse(item);
}
