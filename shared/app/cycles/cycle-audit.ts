import { changedFields, unitChange, type UnitChange } from '../../domain/cycle-audit.ts';
import { fail } from '../../domain/errors.ts';
import type { Caller } from '../../domain/roles.ts';
import { listAudit, type AuditEvent } from '../../store/audit.ts';
import { cycleKeys } from '../../store/entities/cycle.ts';
import { cyclesStores, type CyclesStores } from './stores.ts';

export interface CycleAuditEntry {
  at: string;
  action: string;
  actor: { username: string; roles: string[]; unitId?: string };
  reason?: string;
  changed: string[];
  unit?: UnitChange;
}

export interface CycleAuditStores extends Pick<CyclesStores, 'getCycle'> {
  listAudit: (subject: string, limit?: number) => Promise<AuditEvent[]>;
}

/**
 * The cycle's audit events, newest first; with `unitId`, only those that changed that unit's
 * extension or exemptions, each with the unit's before and after (the admin's per-unit trail).
 */
export async function cycleAudit(
  _caller: Caller,
  input: { year: number; unitId?: string },
  stores: CycleAuditStores = { getCycle: cyclesStores.getCycle, listAudit },
): Promise<{ year: number; unitId?: string; events: CycleAuditEntry[] }> {
  const { year, unitId } = input;
  if (!(await stores.getCycle(year))) throw fail.notFound(`cycle ${year} does not exist`, 'CYCLE_NOT_FOUND');
  const events = await stores.listAudit(cycleKeys.auditSubject(year), 500);
  const entries: CycleAuditEntry[] = [];
  for (const e of events) {
    const unit = unitId === undefined ? undefined : unitChange(e.before, e.after, unitId);
    if (unitId !== undefined && !unit) continue;
    const { subject: _s, ...actor } = e.actor;
    entries.push({
      at: e.at,
      action: e.action,
      actor,
      ...(e.reason ? { reason: e.reason } : {}),
      changed: changedFields(e.before, e.after),
      ...(unit ? { unit } : {}),
    });
  }
  return { year, ...(unitId ? { unitId } : {}), events: entries };
}
