/**
 * The Ministry's score of the province's assessment: one optimistically locked item beside the
 * assessment (its own partition, so the assessment's Query and its header are untouched), written
 * with its audit event under the assessment's subject (it shows in the assessment's history).
 */
import { GetCommand } from './dynamo/commands.ts';
import { fail } from '../domain/errors.ts';
import type { MinistryScore } from '../domain/ministry-score.ts';
import type { Caller } from '../domain/roles.ts';
import { auditEvent, auditPut } from './audit.ts';
import { dynamo, tableName } from './clients.ts';
import { assessmentAuditSubject } from './entities/assessment-header.ts';
import { transact, versionedPut } from './transactions.ts';

const ministryKey = (year: number, unitId: string) => ({ pk: `MINISTRY#${year}#${unitId}`, sk: 'SCORE' });

export async function getMinistryScore(year: number, unitId: string): Promise<MinistryScore | undefined> {
  const out = await dynamo().send(new GetCommand({ TableName: tableName(), Key: ministryKey(year, unitId), ConsistentRead: true }));
  if (!out.Item) return undefined;
  const { pk: _pk, sk: _sk, entity: _e, ...score } = out.Item;
  return score as MinistryScore;
}

/** Creates (expectedVersion 0) or replaces (the stored version) the score; VERSION_CONFLICT otherwise. */
export async function saveMinistryScore(
  caller: Caller,
  ref: { year: number; unitId: string },
  before: MinistryScore | undefined,
  after: MinistryScore,
  reason?: string,
): Promise<void> {
  const item = { ...ministryKey(ref.year, ref.unitId), entity: 'ministry-score', ...after };
  const event = auditEvent(caller, assessmentAuditSubject(ref.year, ref.unitId), 'ministry-score.recorded', {
    target: 'ministry-score',
    before: before ?? null,
    after,
    reason,
  });
  await transact([versionedPut(item, before?.version), auditPut(event)], async () =>
    fail.versionConflict("the Ministry's score", (await getMinistryScore(ref.year, ref.unitId)) ?? null),
  );
}
