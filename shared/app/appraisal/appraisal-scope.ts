/** The caller's reach over one assessment's leaves, from the token and the cycle's assignment. */
import { mayAppraiseLeaf, type Assignment } from '../../domain/appraisal.ts';
import type { Caller } from '../../domain/roles.ts';
import type { AssessmentContext } from '../assessment/assessment-context.ts';

export function leafScope(caller: Caller, ctx: AssessmentContext): (code: string) => boolean {
  const assignment = ctx.cycle.appraisal as Assignment;
  return (code) => mayAppraiseLeaf(caller, code, assignment, ctx.unit.type);
}
