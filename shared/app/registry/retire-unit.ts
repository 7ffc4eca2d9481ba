/**
 * Retiring or merging one unit: the one-row registry change of that unit with its last year (and
 * successor), so the rules are the import's (no children left under it, a successor of the same
 * type that goes on). The unit keeps its id and history; past cycles keep it in their registry.
 */
import { fail } from '../../domain/errors.ts';
import { rowOf } from '../../domain/registry-changes.ts';
import type { Caller } from '../../domain/roles.ts';
import { applyRegistryRows, type RegistryImportReport } from './apply-registry-rows.ts';
import { registryStores, type RegistryStores } from './stores.ts';

export async function retireUnit(
  caller: Caller,
  input: { unitId: string; validTo: number; successorId?: string; expectedVersion: number; reason?: string },
  stores: RegistryStores = registryStores,
): Promise<RegistryImportReport> {
  const unit = await stores.getUnit(input.unitId);
  if (!unit) throw fail.notFound(`unit ${input.unitId} does not exist`, 'UNIT_NOT_FOUND');
  if (unit.version !== input.expectedVersion) throw fail.versionConflict(`unit ${unit.id}`, unit);
  const row = { ...rowOf(unit), validTo: String(input.validTo), successor: input.successorId ?? '' };
  const reason = input.reason ?? (input.successorId ? `merged into ${input.successorId}` : 'retired');
  return applyRegistryRows(caller, [row], { dryRun: false, reason }, stores);
}
