/**
 * The bulk registry import (issue 11 item 2): a CSV or XLSX file read into rows and handed to
 * applyRegistryRows (dry-run report, or the changes written when no row has a problem).
 */
import type { Caller } from '../../domain/roles.ts';
import { readRegistryFile } from '../../formats/registry-file.ts';
import { applyRegistryRows, type RegistryImportReport } from './apply-registry-rows.ts';
import { registryStores, type RegistryStores } from './stores.ts';

export async function importRegistry(
  caller: Caller,
  input: { fileName: string; contentBase64: string; dryRun: boolean },
  stores: Pick<RegistryStores, 'listUnits' | 'writeUnitChanges'> = registryStores,
): Promise<RegistryImportReport> {
  const file = await readRegistryFile(input.fileName, Buffer.from(input.contentBase64, 'base64'));
  const reason = `registry import ${input.fileName}`;
  return applyRegistryRows(caller, file.rows, { dryRun: input.dryRun, reason, fileProblems: file.problems }, stores);
}
