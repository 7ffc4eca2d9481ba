/** Pipeline task ComputeResults: the cycle moves to `computation` and the council's draft is computed. */
import { computeForPipeline } from '../../shared/app/pipeline/compute-for-pipeline.ts';
import { pipelineTask } from './task-input.ts';

export const handler = pipelineTask((caller, input) => computeForPipeline(caller, input));
