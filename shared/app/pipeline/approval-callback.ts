/**
 * Approval by callback: the pipeline's AwaitApproval task stores its task token on the cycle; the
 * report function, once it has written a council's report files (shared/app/results/generate-reports.ts),
 * calls `notifyApproval(year)`, which sends the token back so the execution resumes at once. The
 * 6-hourly timeout of AwaitApproval (then CheckPublication) stays as the fallback, so a lost
 * callback only delays, never blocks. Councils per level: the token goes back only when every
 * council the cycle needs has published (the cycle is `published`) and every publication's reports
 * are written; an earlier council's leaves the execution waiting.
 */
import { logger } from '../../observability.ts';
import { getCycle } from '../../store/cycles-store.ts';
import { getPublication } from '../../store/results-store.ts';
import { clearApprovalToken, getApprovalToken, saveApprovalToken, sendTaskSuccess } from '../../store/task-tokens.ts';

/** Errors that mean "nobody waits for this token any more": the poll fallback covers them. */
const staleTokenErrors = new Set(['TaskTimedOut', 'TaskDoesNotExist', 'InvalidToken']);

export interface ApprovalOutput extends Record<string, unknown> {
  published: boolean;
  approvedAt?: string;
  via: 'callback' | 'already-published';
}

/** Every council the cycle needs has published (the cycle's phase says so) and every report file is written. */
async function fullyPublished(year: number) {
  const cycle = await getCycle(year);
  const publication = cycle?.phase === 'published' ? await getPublication(year) : undefined;
  return publication?.reports === 'ready' ? publication : undefined;
}

/** AwaitApproval: keeps the token; if the councils approved before the machine got here, resumes it at once. */
export async function awaitApproval(year: number, taskToken: string, execution?: string): Promise<{ stored: boolean; published: boolean }> {
  await saveApprovalToken(year, { taskToken, execution, storedAt: new Date().toISOString() });
  const publication = await fullyPublished(year);
  if (publication) {
    await sendTaskSuccess(taskToken, {
      published: true,
      approvedAt: publication.approvedAt,
      via: 'already-published',
    } satisfies ApprovalOutput);
    await clearApprovalToken(year, taskToken);
  }
  return { stored: true, published: Boolean(publication) };
}

/**
 * After a council's report files are written: resumes the waiting execution, if any, when the
 * year is complete. Never fails (the publication is already complete); a token nobody waits for
 * any more is dropped.
 */
export async function notifyApproval(year: number): Promise<'resumed' | 'no-waiting-execution' | 'awaiting-councils' | 'failed'> {
  try {
    const stored = await getApprovalToken(year);
    if (!stored) return 'no-waiting-execution';
    const publication = await fullyPublished(year);
    if (!publication) return 'awaiting-councils';
    try {
      await sendTaskSuccess(stored.taskToken, {
        published: true,
        approvedAt: publication?.approvedAt,
        via: 'callback',
      } satisfies ApprovalOutput);
    } catch (error) {
      if (!staleTokenErrors.has((error as Error).name)) throw error;
      logger.warn('approval callback: the token is no longer awaited', { year, execution: stored.execution, error: (error as Error).name });
    }
    await clearApprovalToken(year, stored.taskToken);
    return 'resumed';
  } catch (error) {
    logger.error('approval callback failed; the pipeline resumes at its next poll', { year, error: (error as Error).message });
    return 'failed';
  }
}
