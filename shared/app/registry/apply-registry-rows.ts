/**
 * A registry change applied: rows planned against the live registry
 * (shared/domain/registry-changes.ts) and, unless a dry run, written only when no row has a
 * problem. One audit event per unit changed. (No file reading here: retiring one unit does not
 * carry the spreadsheet reader.)
 */
import { DomainError } from '../../domain/errors.ts';
import {
  planRegistryChanges,
  type PlannedChange,
  type RegistryPlan,
  type RegistryRow,
  type RowProblem,
} from '../../domain/registry-changes.ts';
import type { Caller } from '../../domain/roles.ts';
import type { Unit } from '../../schemas/domain/units.ts';
import type { UnitWrite } from '../../store/registry-store.ts';
import { registryStores, type RegistryStores } from './stores.ts';

export interface RegistryImportReport extends RegistryPlan {
  dryRun: boolean;
}

const actions = { create: 'unit.created', update: 'unit.updated', retire: 'unit.retired', merge: 'unit.merged' } as const;

/** The writes of planned changes, each conditioned on the version it was planned on. */
function writesOf(changes: readonly PlannedChange[], live: ReadonlyMap<string, Unit>, reason: string): UnitWrite[] {
  // A code one unit gives up and another takes in the same change is handed over, not released.
  const released = new Map(
    changes.filter((c) => c.before?.adminCode && c.before.adminCode !== c.after?.adminCode).map((c) => [c.before!.adminCode!, c.unitId]),
  );
  return changes.map((change) => {
    const code = change.after!.adminCode;
    const from = code ? released.get(code) : undefined;
    return {
      after: change.after!,
      before: live.get(change.unitId),
      action: actions[change.action as keyof typeof actions],
      reason,
      ...(from && from !== change.unitId ? { takesCodeFrom: from } : {}),
    };
  });
}

/**
 * Plans `rows` and, unless `dryRun`, writes them. A refused change (any problem) throws
 * REGISTRY_CHANGE_INVALID with the problems, before anything is written.
 */
export async function applyRegistryRows(
  caller: Caller,
  rows: readonly RegistryRow[],
  options: { dryRun: boolean; reason: string; fileProblems?: readonly RowProblem[] },
  stores: Pick<RegistryStores, 'listUnits' | 'writeUnitChanges'> = registryStores,
): Promise<RegistryImportReport> {
  const units = await stores.listUnits({});
  const plan: RegistryPlan = options.fileProblems?.length
    ? {
        summary: { rows: rows.length, create: 0, update: 0, retire: 0, merge: 0, unchanged: 0 },
        changes: [],
        problems: [...options.fileProblems],
      }
    : planRegistryChanges(rows, units);
  if (!options.dryRun && plan.problems.length > 0) {
    throw new DomainError('REGISTRY_CHANGE_INVALID', `${plan.problems.length} problem(s) in the registry change; nothing was written`, {
      problems: plan.problems,
      summary: plan.summary,
    });
  }
  if (!options.dryRun && plan.changes.length > 0) {
    await stores.writeUnitChanges(caller, writesOf(plan.changes, new Map(units.map((u) => [u.id, u])), options.reason));
  }
  return { dryRun: options.dryRun, ...plan };
}
