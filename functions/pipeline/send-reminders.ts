/**
 * Pipeline task of the deadline waits (RemindBefore...Deadline): reloads the cycle, sends the
 * reminders due, and tells the machine when to wake next or that the deadline has passed.
 */
import * as z from 'zod/mini';
import { planDeadline, stageDeadlines, type Stage } from '../../shared/app/pipeline/reminders.ts';
import { parseTaskInput } from './task-input.ts';

const planInput = z.object({
  stage: z.enum(Object.keys(stageDeadlines) as [Stage, ...Stage[]]),
  /** The machine's view of the cycle: `wakeAt` is the moment its last Wait waited until. */
  cycle: z.nullish(z.partial(z.object({ wakeAt: z.nullish(z.string()) }))),
});

export const handler = async (event: unknown) => {
  const { year, execution } = parseTaskInput(event);
  const { stage, cycle } = planInput.parse(event);
  return planDeadline({ year, stage, wakeAt: cycle?.wakeAt ?? null, execution });
};
