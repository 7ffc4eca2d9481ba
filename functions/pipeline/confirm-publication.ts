/** Pipeline task ConfirmPublication: published, with every report file and its checksum in place. */
import { confirmPublication } from '../../shared/app/pipeline/confirm-publication.ts';
import { metrics } from '../../shared/metrics.ts';
import { pipelineTask } from './task-input.ts';

export const handler = pipelineTask(async (caller, input) => {
  const confirmed = await confirmPublication(caller, input);
  // The dashboard's cycle progress: units in the published results.
  metrics.addMetric('UnitsPublished', 'Count', confirmed.unitsPublished);
  metrics.publishStoredMetrics();
  return confirmed;
});
