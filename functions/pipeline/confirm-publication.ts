/** Pipeline task ConfirmPublication: published, with every report file and its checksum in place. */
import { confirmPublication } from '../../shared/app/pipeline/confirm-publication.ts';
import { pipelineTask } from './task-input.ts';

export const handler = pipelineTask((caller, input) => confirmPublication(caller, input));
