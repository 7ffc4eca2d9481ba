/**
 * Pipeline task ConfirmPublication: the cycle is `published` and every report file of the
 * publication is in the reports bucket with the checksum the publication recorded.
 */
import { createHash } from 'node:crypto';
import { PipelineError } from '../../shared/domain/pipeline.ts';
import { logger, metrics } from '../../shared/observability.ts';
import { recordStep } from '../../shared/store/pipeline-store.ts';
import { getPublication, readReportFile } from '../../shared/store/results-store.ts';
import { cycleOf, parseTaskInput } from './task-input.ts';

export const handler = async (event: unknown) => {
  const { year, execution } = parseTaskInput(event);
  const [cycle, publication] = await Promise.all([cycleOf(year), getPublication(year)]);
  if (!publication || cycle.phase !== 'published') {
    throw new PipelineError('PublicationIncomplete', `cycle ${year} is ${cycle.phase}${publication ? '' : ' and has no publication'}`);
  }
  const files = await Promise.all(
    publication.files.map(async (file) => {
      const body = await readReportFile(file.key).catch((error: unknown) => {
        throw new PipelineError('PublicationIncomplete', `report file ${file.key} cannot be read: ${(error as Error).name}`);
      });
      const sha256 = createHash('sha256').update(body).digest('hex');
      if (sha256 !== file.sha256)
        throw new PipelineError(
          'PublicationCorrupt',
          `report file ${file.key} has sha256 ${sha256}, the publication recorded ${file.sha256}`,
        );
      return { name: file.name, key: file.key, bytes: body.length, sha256 };
    }),
  );
  await recordStep(year, {
    step: 'confirm-publication',
    at: new Date().toISOString(),
    execution,
    details: { approvedAt: publication.approvedAt, decision: publication.decision, files },
  });
  logger.info('publication confirmed', { year, files: files.length });
  // The dashboard's cycle progress: units in the published results.
  metrics.addMetric(
    'UnitsPublished',
    'Count',
    Object.values(publication.results).reduce((n, r) => n + (r?.units.length ?? 0), 0),
  );
  metrics.publishStoredMetrics();
  return { approvedAt: publication.approvedAt, decision: publication.decision, files };
};
