/** Pipeline task CheckPublication, polled while the council decides. */
import { checkPublication } from '../../shared/app/pipeline/check-publication.ts';
import { pipelineTask } from './task-input.ts';

export const handler = pipelineTask((caller, input) => checkPublication(caller, input));
