/**
 * Pipeline task AwaitApproval (`.waitForTaskToken`): stores the execution's task token on the
 * cycle for the council's approval to send back (shared/app/pipeline/approval-callback.ts). The
 * machine waits for that callback, at most until the task's timeout, then polls (CheckPublication).
 */
import * as z from 'zod/mini';
import { awaitApproval } from '../../shared/app/pipeline/approval-callback.ts';
import { parseTaskInput } from './task-input.ts';

const tokenInput = z.object({ taskToken: z.string().check(z.minLength(1)) });

export const handler = async (event: unknown) => {
  const { year, execution } = parseTaskInput(event);
  const { taskToken } = tokenInput.parse(event);
  return awaitApproval(year, taskToken, execution);
};
