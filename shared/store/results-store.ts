/**
 * Results of a cycle: the draft the council reads (recomputed at will until approval) and the
 * publication. Approval is three steps so that a refused or losing approval writes nothing:
 * claim the draft (conditional), write the report objects, write the publication.
 */
import { GetCommand } from './dynamo/commands.ts';
import { fail } from '../domain/errors.ts';
import type { Caller } from '../domain/roles.ts';
import type { Cycle } from '../schemas/domain/cycles.ts';
import { auditEvent, auditPut } from './audit.ts';
import { dynamo, tableName } from './clients.ts';
import { cycleKeys } from './entities/cycle.ts';
import { publicationFromItem, publicationKeys, publicationToItem, type Publication, type ReportFile } from './entities/publication.ts';
import { draftFromItem, draftToItem, resultsDraftKeys, type ApprovalClaim, type DraftResults } from './entities/results-draft.ts';
import { cyclePut } from './cycles-store.ts';
import { transact } from './transactions.ts';

export type { ApprovalClaim, DraftResults, Publication, ReportFile };

async function getItem(key: { pk: string; sk: string }): Promise<Record<string, unknown> | undefined> {
  const out = await dynamo().send(new GetCommand({ TableName: tableName(), Key: key, ConsistentRead: true }));
  return out.Item;
}

export async function getDraft(year: number): Promise<DraftResults | undefined> {
  const item = await getItem(resultsDraftKeys.item(year));
  return item ? draftFromItem(item) : undefined;
}

export async function getPublication(year: number): Promise<Publication | undefined> {
  const item = await getItem(publicationKeys.item(year));
  return item ? publicationFromItem(item) : undefined;
}

const unitCount = (results: DraftResults['results']) => Object.values(results).reduce((n, r) => n + (r?.units.length ?? 0), 0);

/** Stores a new draft; refused once the council has claimed the draft for approval or the results are published. */
export async function saveDraft(caller: Caller, draft: DraftResults): Promise<void> {
  await transact(
    [
      {
        ConditionCheck: {
          TableName: tableName(),
          Key: publicationKeys.item(draft.year),
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      {
        Put: {
          TableName: tableName(),
          Item: draftToItem(draft),
          ConditionExpression: 'attribute_not_exists(pk) OR #status = :draft',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':draft': 'draft' },
        },
      },
      auditPut(
        auditEvent(caller, resultsDraftKeys.auditSubject(draft.year), 'results.computed', {
          after: { computedAt: draft.computedAt, units: unitCount(draft.results), notFinalized: draft.notFinalized.length },
        }),
      ),
    ],
    () => fail.conflict('ALREADY_PUBLISHED', `the results of ${draft.year} are approved and can no longer be recomputed`),
  );
}

/**
 * The council's approval, step 1: the draft it read (same computedAt, still a draft) is claimed with
 * the decision and the cycle moves to `approved`, in one transaction. Only one claim can win.
 */
export async function claimApproval(caller: Caller, draft: DraftResults, claim: ApprovalClaim, cycle: Cycle, approved: Cycle) {
  await transact(
    [
      {
        Update: {
          TableName: tableName(),
          Key: resultsDraftKeys.item(draft.year),
          UpdateExpression: 'SET #status = :approved, approval = :claim',
          ConditionExpression: 'computedAt = :computedAt AND #status = :draft',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':approved': 'approved', ':draft': 'draft', ':computedAt': draft.computedAt, ':claim': claim },
        },
      },
      cyclePut(approved, cycle.version),
      auditPut(
        auditEvent(caller, resultsDraftKeys.auditSubject(draft.year), 'results.approved', {
          reason: claim.decision,
          after: { computedAt: draft.computedAt, decision: claim.decision },
        }),
      ),
      auditPut(
        auditEvent(caller, cycleKeys.auditSubject(draft.year), 'cycle.phase-changed', {
          target: String(draft.year),
          before: { phase: cycle.phase, version: cycle.version },
          after: { phase: approved.phase, version: approved.version, decision: claim.decision },
          reason: 'approval of the draft results by the council',
        }),
      ),
    ],
    () => fail.conflict('ALREADY_PUBLISHED', 'the draft was recomputed, or the results were approved, meanwhile; reload and retry'),
  );
}

/** Step 3: the publication, written once; the cycle moves from `approved` to `published`. */
export async function publish(caller: Caller, publication: Publication, cycle: Cycle, published: Cycle): Promise<void> {
  await transact(
    [
      { Put: { TableName: tableName(), Item: publicationToItem(publication), ConditionExpression: 'attribute_not_exists(pk)' } },
      cyclePut(published, cycle.version),
      auditPut(
        auditEvent(caller, resultsDraftKeys.auditSubject(publication.year), 'results.published', {
          reason: publication.decision,
          after: { files: publication.files.map((f) => ({ name: f.name, sha256: f.sha256 })) },
        }),
      ),
      auditPut(
        auditEvent(caller, cycleKeys.auditSubject(publication.year), 'cycle.phase-changed', {
          target: String(publication.year),
          before: { phase: cycle.phase, version: cycle.version },
          after: { phase: published.phase, version: published.version, decision: publication.decision },
          reason: 'publication of the approved results',
        }),
      ),
    ],
    () => fail.conflict('ALREADY_PUBLISHED', `the results of ${publication.year} are already published`),
  );
}
