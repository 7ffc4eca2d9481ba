/** Key templates of the single table (the survey kinds' live in shared/store/entities/). */
import { surveyKey } from './entities/survey.ts';

export const keys = {
  // Units, frameworks, cycles, results and pipeline steps: shared/store/entities/.
  /** The cycle's item; its partition holds the cycle's surveys, imports, results and pipeline steps. */
  cycle: (year: number) => ({ pk: `CYCLE#${year}`, sk: 'META' }),
  /** Owned by entities/survey.ts; kept here for the seed. */
  survey: surveyKey,
} as const;

/**
 * Assessment kinds (header, item, evidence) and audit events have their templates in
 * shared/store/entities/; the idempotency record stays here with its owner.
 */
export const assessmentKeys = {
  idempotency: (hash: string) => ({ pk: `IDEMPOTENCY#${hash}`, sk: 'IDEMPOTENCY' }),
} as const;
