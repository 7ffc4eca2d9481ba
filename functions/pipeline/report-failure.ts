/** Pipeline task ReportFailure: reached from every task's Catch; records the failure before the Fail state. */
import { reportFailure } from '../../shared/app/pipeline/report-failure.ts';
import { pipelineCaller } from '../../shared/app/pipeline/pipeline-caller.ts';
import { parseTaskInput } from './task-input.ts';

export const handler = async (event: unknown) => {
  const { year, execution } = parseTaskInput(event);
  const raw = (event as { error?: { Error?: unknown; Cause?: unknown } }).error ?? {};
  const error = { name: String(raw.Error ?? 'Unknown'), cause: String(raw.Cause ?? '').slice(0, 4000) };
  return reportFailure(pipelineCaller, { year, execution, error });
};
