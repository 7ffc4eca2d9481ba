/** Pipeline task LoadCycle: the cycle's phase and the deadlines the Wait states wait for. */
import { pipelineDeadlines } from '../../shared/domain/pipeline.ts';
import { cycleOf, parseTaskInput } from './task-input.ts';

export const handler = async (event: unknown) => {
  const { year } = parseTaskInput(event);
  const cycle = await cycleOf(year);
  return { year, phase: cycle.phase, deadlines: pipelineDeadlines(cycle) };
};
