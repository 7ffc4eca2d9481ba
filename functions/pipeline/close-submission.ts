/** Pipeline task CloseSubmission: the cycle moves to `appraisal`, the units that did not submit are recorded. */
import { closeSubmission } from '../../shared/app/pipeline/close-submission.ts';
import { pipelineTask } from './task-input.ts';

export const handler = pipelineTask((caller, input) => closeSubmission(caller, input));
