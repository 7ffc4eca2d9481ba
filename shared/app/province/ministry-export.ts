/** The province's assessment in the Ministry's form, as XLSX or print-ready HTML (the console prints it to PDF). */
import type { Caller } from '../../domain/roles.ts';
import { ministryForm, ministryFormHtml } from '../../reports/ministry-form.ts';
import { loadProvinceContext, provinceStores, type ProvinceStores } from './province-context.ts';

export type ExportFormat = 'xlsx' | 'html';

export const exportContentTypes: Record<ExportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  html: 'text/html; charset=utf-8',
};

/** The file and its name; XLSX travels base64 in the JSON answer (a few tens of KB), HTML as text. */
export async function ministryExport(
  caller: Caller,
  input: { year: number; unitId: string; format: ExportFormat },
  stores: ProvinceStores = provinceStores,
) {
  const ctx = await loadProvinceContext(caller, input.year, input.unitId, 'read', stores);
  const form = ministryForm({
    year: input.year,
    unitName: ctx.unit.name,
    framework: ctx.framework,
    state: ctx.state,
    submittedAt: ctx.loaded.header?.submittedAt,
    items: ctx.loaded.items,
    evidence: ctx.loaded.evidence,
    assignment: ctx.assignment,
    ministry: await stores.getMinistryScore(input.year, input.unitId),
  });
  const fileName = `chi-so-cchc-${input.year}-${input.unitId}.${input.format}`;
  if (input.format === 'html') {
    return { fileName, contentType: exportContentTypes.html, encoding: 'utf8' as const, content: ministryFormHtml(form) };
  }
  // The XLSX writer (~75 KB with fflate) only for an XLSX export: the HTML one (printed to PDF) never evaluates it.
  const { ministryFormXlsx } = await import('../../reports/ministry-xlsx.ts');
  const file = await ministryFormXlsx(form);
  return { fileName, contentType: exportContentTypes.xlsx, encoding: 'base64' as const, content: file.toString('base64') };
}
