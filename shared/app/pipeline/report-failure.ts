/**
 * Task ReportFailure: reached from every task's Catch. Records the failure on the cycle (the
 * pipeline record, and the error log line an alarm can match) before the Fail state.
 */
import type { Caller } from '../../domain/roles.ts';
import { logger } from '../../observability.ts';
import { pipelineStores, type PipelineStores } from './stores.ts';

export async function reportFailure(
  _caller: Caller,
  input: { year: number; execution?: string; error: { name: string; cause: string } },
  stores: Pick<PipelineStores, 'recordStep'> = pipelineStores,
) {
  const { year, execution, error } = input;
  await stores.recordStep(year, { step: 'failure', at: new Date().toISOString(), execution, details: { error } });
  logger.error('pipeline failed', { year, execution, error });
  return { reported: true, error };
}
