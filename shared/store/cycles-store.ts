/** Cycles: one item per year (shared/store/entities/cycle.ts). Opening one freezes its frameworks in the same transaction. */
import { GetCommand } from './dynamo/commands.ts';
import { fail } from '../domain/errors.ts';
import type { Caller } from '../domain/roles.ts';
import type { Cycle } from '../schemas/domain/cycles.ts';
import { auditEvent, auditPut } from './audit.ts';
import { dynamo, tableName } from './clients.ts';
import { cycleFromItem, cycleKeys, cycleToItem } from './entities/cycle.ts';
import { cycleUnitChunks, cycleUnitKeys, cycleUnitsFromChunks, type CycleUnit } from './entities/cycle-unit.ts';
import { frameworkKeys } from './entities/framework.ts';
import { queryAll } from './query.ts';
import { surveyAuditSubject, surveyToItem } from './entities/survey.ts';
import type { SurveyFields } from './surveys-store.ts';
import { transact } from './transactions.ts';

export async function getCycle(year: number): Promise<Cycle | undefined> {
  const out = await dynamo().send(new GetCommand({ TableName: tableName(), Key: cycleKeys.item(year) }));
  return out.Item ? cycleFromItem(out.Item) : undefined;
}

/**
 * The units cycle `year` froze when it opened, or undefined for a cycle opened before cycles had
 * their own registry (those keep reading the live registry: see registryOf in shared/app/cycles).
 */
export async function getCycleRegistry(year: number): Promise<CycleUnit[] | undefined> {
  const items = await queryAll({
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    ExpressionAttributeValues: { ':pk': cycleKeys.item(year).pk, ':prefix': cycleUnitKeys.prefix },
  });
  return items.length > 0 ? cycleUnitsFromChunks(items) : undefined;
}

export interface CycleOpening {
  /** The units the cycle assesses, frozen (entities/cycle-unit.ts). */
  registry?: readonly CycleUnit[];
  /** Survey definitions carried over from an earlier cycle (`from`: `year/surveyId`). */
  surveys?: readonly (SurveyFields & { from: string })[];
}

/** A carried-over survey's item and its audit event (created only if absent). */
function surveyCopyItems(caller: Caller, copy: SurveyFields & { from: string }) {
  const { from, ...fields } = copy;
  return [
    { Put: { TableName: tableName(), Item: surveyToItem({ ...fields, version: 1 }), ConditionExpression: 'attribute_not_exists(pk)' } },
    auditPut(
      auditEvent(caller, surveyAuditSubject(copy.year, copy.surveyId), 'survey.carried-over', {
        target: copy.surveyId,
        after: { version: 1, unitType: copy.unitType, frameworkId: copy.frameworkId, from, questions: copy.definition.questions.length },
      }),
    ),
  ];
}

/**
 * Opens the cycle in one transaction: its frameworks marked used, its registry frozen and the
 * surveys carried over from the previous cycle, each with its audit event.
 */
export async function createCycle(caller: Caller, cycle: Cycle, opening: CycleOpening = {}, action = 'cycle.opened'): Promise<Cycle> {
  const { registry = [], surveys = [] } = opening;
  const frameworkIds = [...new Set(Object.values(cycle.frameworks))];
  await transact(
    [
      { Put: { TableName: tableName(), Item: cycleToItem(cycle), ConditionExpression: 'attribute_not_exists(pk)' } },
      ...cycleUnitChunks(cycle.year, registry).map((Item) => ({ Put: { TableName: tableName(), Item } })),
      ...surveys.flatMap((copy) => surveyCopyItems(caller, copy)),
      ...frameworkIds.map((id) => ({
        Update: {
          TableName: tableName(),
          Key: frameworkKeys.item(id),
          UpdateExpression: 'SET usedBy = list_append(usedBy, :year), version = version + :one',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':year': [cycle.year], ':one': 1 },
        },
      })),
      auditPut(auditEvent(caller, cycleKeys.auditSubject(cycle.year), action, { target: String(cycle.year), after: cycle })),
    ],
    async () => {
      const existing = await getCycle(cycle.year);
      if (existing) return fail.conflict('CYCLE_EXISTS', `cycle ${cycle.year} already exists`, { current: existing });
      return fail.conflict(
        'FRAMEWORK_NOT_FOUND',
        'a framework of the cycle was removed, or one of its surveys defined, meanwhile; reload and retry',
      );
    },
  );
  return cycle;
}

/** The Update of a transaction that writes `after` while the stored cycle is still version `expectedVersion`. */
export function cyclePut(after: Cycle, expectedVersion: number) {
  return {
    Put: {
      TableName: tableName(),
      Item: cycleToItem(after),
      ConditionExpression: 'version = :v',
      ExpressionAttributeValues: { ':v': expectedVersion },
    },
  };
}

export interface CycleChange {
  reason?: string;
  /** `cycle.changed`, or `cycle.phase-changed` for a phase transition. */
  action?: string;
  /** The decision a transition records (the council's decision number). */
  decision?: string;
}

/** Replaces the cycle while it is still at `expectedVersion`; audited with the caller, the reason and the decision. */
export async function updateCycle(caller: Caller, before: Cycle, after: Cycle, change: CycleChange = {}, expectedVersion = before.version) {
  await transact(
    [
      cyclePut(after, expectedVersion),
      auditPut(
        auditEvent(caller, cycleKeys.auditSubject(after.year), change.action ?? 'cycle.changed', {
          target: String(after.year),
          before,
          after: change.decision ? { ...after, decision: change.decision } : after,
          reason: change.reason,
        }),
      ),
    ],
    async () => fail.versionConflict(`cycle ${after.year}`, (await getCycle(after.year)) ?? null),
  );
  return after;
}
