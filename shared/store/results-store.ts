/**
 * Results of a cycle: the draft the council reads (recomputed at will until approval) and the
 * publication. Approval is two steps so that a refused or losing approval writes nothing: claim
 * the draft (conditional), write the publication (its reports pending). The report function then
 * writes the report objects and completes the publication with their keys and checksums, once.
 */
import { GetCommand, QueryCommand } from './dynamo/commands.ts';
import { provinceCouncil, type CouncilKey } from '../domain/councils.ts';
import { fail } from '../domain/errors.ts';
import type { Caller } from '../domain/roles.ts';
import type { Cycle } from '../schemas/domain/cycles.ts';
import { auditEvent, auditPut } from './audit.ts';
import { dynamo, tableName } from './clients.ts';
import { cycleKeys } from './entities/cycle.ts';
import {
  pendingReportsIndex,
  publicationFromItem,
  publicationKeys,
  publicationToItem,
  type Publication,
  type ReportFile,
} from './entities/publication.ts';
import { draftFromItem, draftToItem, resultsDraftKeys, type ApprovalClaim, type DraftResults } from './entities/results-draft.ts';
import { cyclePut } from './cycles-store.ts';
import { mergePublications, type MergedPublication } from './merged-publication.ts';
import { isConditionalFailure } from './errors.ts';
import { transact, transactWrite } from './transactions.ts';

export type { ApprovalClaim, DraftResults, MergedPublication, Publication, ReportFile };

async function getItem(key: { pk: string; sk: string }): Promise<Record<string, unknown> | undefined> {
  const out = await dynamo().send(new GetCommand({ TableName: tableName(), Key: key, ConsistentRead: true }));
  return out.Item;
}

/** A council's draft (the provincial council's unless named). */
export async function getDraft(year: number, council: CouncilKey = provinceCouncil): Promise<DraftResults | undefined> {
  const item = await getItem(resultsDraftKeys.item(year, council));
  return item ? draftFromItem(item) : undefined;
}

/** One council's publication of the year. */
export async function getCouncilPublication(year: number, council: CouncilKey = provinceCouncil): Promise<Publication | undefined> {
  const item = await getItem(publicationKeys.item(year, council));
  return item ? publicationFromItem(item) : undefined;
}

/** Every council publication of the year (one Query of the cycle's partition). */
export async function listPublications(year: number): Promise<Publication[]> {
  const out: Publication[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await dynamo().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': `CYCLE#${year}`, ':prefix': publicationKeys.prefix },
        ConsistentRead: true,
        ExclusiveStartKey: start,
      }),
    );
    out.push(...(page.Items ?? []).map(publicationFromItem));
    start = page.LastEvaluatedKey;
  } while (start);
  return out;
}

/** The year's publications as one (each unit names the decision that published it); undefined when none. */
export async function getPublication(year: number): Promise<MergedPublication | undefined> {
  return mergePublications(await listPublications(year));
}

const unitCount = (results: DraftResults['results']) => Object.values(results).reduce((n, r) => n + (r?.units.length ?? 0), 0);

/** Stores a new draft; refused once the council has claimed the draft for approval or the results are published. */
export async function saveDraft(caller: Caller, draft: DraftResults): Promise<void> {
  await transact(
    [
      {
        ConditionCheck: {
          TableName: tableName(),
          Key: publicationKeys.item(draft.year, draft.council),
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
          after: {
            computedAt: draft.computedAt,
            council: draft.council ?? provinceCouncil,
            units: unitCount(draft.results),
            notFinalized: draft.notFinalized.length,
          },
        }),
      ),
    ],
    () => fail.conflict('ALREADY_PUBLISHED', `the results of ${draft.year} are approved and can no longer be recomputed`),
  );
}

/** The cycle's phase-changed event, when the phase does change (a council approving after another leaves it `approved`). */
function phaseChanged(caller: Caller, cycle: Cycle, after: Cycle, decision: string, reason: string) {
  if (cycle.phase === after.phase) return [];
  return [
    auditPut(
      auditEvent(caller, cycleKeys.auditSubject(cycle.year), 'cycle.phase-changed', {
        target: String(cycle.year),
        before: { phase: cycle.phase, version: cycle.version },
        after: { phase: after.phase, version: after.version, decision },
        reason,
      }),
    ),
  ];
}

/**
 * The council's approval, step 1: the draft it read (same computedAt, still a draft) is claimed with
 * the decision and the cycle moves to (or stays) `approved`, in one transaction. Only one claim can win.
 */
export async function claimApproval(caller: Caller, draft: DraftResults, claim: ApprovalClaim, cycle: Cycle, approved: Cycle) {
  await transact(
    [
      {
        Update: {
          TableName: tableName(),
          Key: resultsDraftKeys.item(draft.year, draft.council),
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
          after: { computedAt: draft.computedAt, decision: claim.decision, council: draft.council ?? provinceCouncil },
        }),
      ),
      ...phaseChanged(caller, cycle, approved, claim.decision, 'approval of the draft results by the council'),
    ],
    () => fail.conflict('ALREADY_PUBLISHED', 'the draft was recomputed, or the results were approved, meanwhile; reload and retry'),
  );
}

/**
 * Step 3: the council's publication, written once; the cycle moves from `approved` to `published`
 * with the last council the cycle needs (`published` says which phase; the version serialises councils).
 */
export async function publish(caller: Caller, publication: Publication, cycle: Cycle, published: Cycle): Promise<void> {
  await transact(
    [
      { Put: { TableName: tableName(), Item: publicationToItem(publication), ConditionExpression: 'attribute_not_exists(pk)' } },
      cyclePut(published, cycle.version),
      auditPut(
        auditEvent(caller, resultsDraftKeys.auditSubject(publication.year), 'results.published', {
          reason: publication.decision,
          after: { council: publication.council ?? provinceCouncil, reports: publication.reports ?? 'ready' },
        }),
      ),
      ...phaseChanged(
        caller,
        cycle,
        published,
        publication.decision,
        'publication of the approved results (the last council of the cycle)',
      ),
    ],
    () => fail.conflict('ALREADY_PUBLISHED', `the results of ${publication.year} are already published`),
  );
}

/** Publications whose report files are not written yet (every year), from the sparse index. */
export async function listPendingReports(): Promise<{ year: number; council: CouncilKey }[]> {
  const out: { year: number; council: CouncilKey }[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await dynamo().send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': pendingReportsIndex(0).gsi1pk },
        ExclusiveStartKey: start,
      }),
    );
    for (const item of page.Items ?? []) out.push({ year: Number(item.year), council: String(item.council ?? provinceCouncil) });
    start = page.LastEvaluatedKey;
  } while (start);
  return out;
}

/**
 * The report function's last step: the publication's files and `ready`, once. `false` when the
 * publication was completed already (a duplicate or retried event): nothing is changed then.
 */
export async function markReportsReady(caller: Caller, publication: Publication, files: ReportFile[]): Promise<boolean> {
  const council = publication.council ?? provinceCouncil;
  try {
    await transactWrite([
      {
        Update: {
          TableName: tableName(),
          Key: publicationKeys.item(publication.year, council),
          UpdateExpression: 'SET files = :files, reports = :ready REMOVE gsi1pk, gsi1sk',
          ConditionExpression: 'reports = :pending',
          ExpressionAttributeValues: { ':files': files, ':ready': 'ready', ':pending': 'pending' },
        },
      },
      auditPut(
        auditEvent(caller, resultsDraftKeys.auditSubject(publication.year), 'results.reports-written', {
          reason: publication.decision,
          after: { council, files: files.map((f) => ({ name: f.name, sha256: f.sha256 })) },
        }),
      ),
    ]);
    return true;
  } catch (error) {
    if (isConditionalFailure(error)) return false;
    throw error;
  }
}
