/** Task ConfirmPublication: the cycle is `published`, every council's report files are written, each with the checksum the publication recorded. */
import { createHash } from 'node:crypto';
import { fail } from '../../domain/errors.ts';
import type { Caller } from '../../domain/roles.ts';
import { logger } from '../../observability.ts';
import type { ReportFile } from '../../store/results-store.ts';
import { cycleOf } from './cycle-of.ts';
import { pipelineStores, type PipelineStores } from './stores.ts';

async function confirmFile(file: ReportFile, stores: Pick<PipelineStores, 'readReportFile'>) {
  const body = await stores.readReportFile(file.key).catch((error: unknown) => {
    throw fail.conflict('PUBLICATION_INCOMPLETE', `report file ${file.key} cannot be read: ${(error as Error).name}`);
  });
  const sha256 = createHash('sha256').update(body).digest('hex');
  if (sha256 !== file.sha256) {
    throw fail.conflict('PUBLICATION_CORRUPT', `report file ${file.key} has sha256 ${sha256}, the publication recorded ${file.sha256}`);
  }
  return { name: file.name, key: file.key, bytes: body.length, sha256 };
}

export async function confirmPublication(
  _caller: Caller,
  input: { year: number; execution?: string },
  stores: PipelineStores = pipelineStores,
) {
  const { year, execution } = input;
  const [cycle, publication] = await Promise.all([cycleOf(year, stores), stores.getPublication(year)]);
  if (!publication || cycle.phase !== 'published') {
    throw fail.conflict('PUBLICATION_INCOMPLETE', `cycle ${year} is ${cycle.phase}${publication ? '' : ' and has no publication'}`);
  }
  if (publication.reports !== 'ready') {
    const pending = publication.councils.filter((c) => c.reports === 'pending').map((c) => c.district ?? c.council);
    throw fail.conflict('PUBLICATION_INCOMPLETE', `the report files of ${pending.join(', ')} for ${year} are still being written`);
  }
  const files = await Promise.all(publication.files.map((file) => confirmFile(file, stores)));
  await stores.recordStep(year, {
    step: 'confirm-publication',
    at: new Date().toISOString(),
    execution,
    details: { approvedAt: publication.approvedAt, decision: publication.decision, files },
  });
  logger.info('publication confirmed', { year, files: files.length });
  const unitsPublished = Object.values(publication.results).reduce((n, r) => n + (r?.units.length ?? 0), 0);
  return { approvedAt: publication.approvedAt, decision: publication.decision, files, unitsPublished };
}
