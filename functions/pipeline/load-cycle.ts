/** Pipeline task LoadCycle: the cycle's phase and the deadlines the Wait states wait for. */
import { loadCycleForPipeline } from '../../shared/app/pipeline/load-cycle-for-pipeline.ts';
import { pipelineTask } from './task-input.ts';

export const handler = pipelineTask((caller, input) => loadCycleForPipeline(caller, input));
