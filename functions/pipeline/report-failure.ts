/**
 * Pipeline task ReportFailure: reached from every task's Catch. Records the failure on the cycle
 * (GET of the pipeline record, and the error log line an alarm can match) before the Fail state.
 */
import { logger } from '../../shared/observability.ts';
import { recordStep } from '../../shared/store/pipeline-store.ts';
import { parseTaskInput } from './task-input.ts';

export const handler = async (event: unknown) => {
  const { year, execution } = parseTaskInput(event);
  const raw = (event as { error?: { Error?: unknown; Cause?: unknown }; failedState?: unknown }).error ?? {};
  const error = { name: String(raw.Error ?? 'Unknown'), cause: String(raw.Cause ?? '').slice(0, 4000) };
  await recordStep(year, { step: 'failure', at: new Date().toISOString(), execution, details: { error } });
  logger.error('pipeline failed', { year, execution, error });
  return { reported: true, error };
};
