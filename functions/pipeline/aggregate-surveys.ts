/** Pipeline task AggregateSurveys: imports finished, survey samples short of target recorded. */
import { aggregateSurveys } from '../../shared/app/pipeline/aggregate-surveys.ts';
import { pipelineTask } from './task-input.ts';

export const handler = pipelineTask((caller, input) => aggregateSurveys(caller, input));
