/**
 * The province's self-assessment in the layout of the Ministry's scoring form (biểu tự đánh giá,
 * chấm điểm Chỉ số CCHC cấp tỉnh): STT, criterion, maximum, self score, the Ministry's score, the
 * evidence list (tài liệu kiểm chứng) and notes, one row per area, criterion and leaf in framework
 * order. One model, two renderings: XLSX (ministry-xlsx.ts) and print-ready HTML (below).
 */
import { assignedAppraisers, type Assignment } from '../domain/appraisal.ts';
import type { EvidenceInfo, StoredItem } from '../domain/assessment.ts';
import { fromNumber, sum, toNumber } from '../domain/exact.ts';
import type { MinistryScore } from '../domain/ministry-score.ts';
import type { Framework, FrameworkNode } from '../schemas/files/framework.ts';
import { viDate, viDecimal2 } from '../domain/vietnamese-format.ts';
import { escapeHtml as e } from './escape.ts';
import { formColumns, formTitle, methodNote, type FormRow, type MinistryForm } from './ministry-form-layout.ts';

export { formColumns, formTitle, methodNote, type FormRow, type MinistryForm };

// Formatted here rather than imported from the published report's modules, which would bring its charts into this bundle.
const vn = (n: number) => viDecimal2(n, false);
const vietnamDate = (iso: string) => viDate(iso);

export interface FormInput {
  year: number;
  unitName: string;
  framework: Framework;
  state: string;
  submittedAt?: string;
  items: ReadonlyMap<string, StoredItem>;
  evidence: ReadonlyMap<string, EvidenceInfo>;
  assignment: Assignment;
  ministry?: MinistryScore;
}

const isGroup = (n: FrameworkNode): n is Extract<FrameworkNode, { items: FrameworkNode[] }> => 'items' in n;

function evidenceList(item: StoredItem | undefined, evidence: ReadonlyMap<string, EvidenceInfo>): string[] {
  const links = (item?.evidence ?? []).map((l) => `${evidence.get(l.evidenceId)?.fileName ?? l.evidenceId}${l.page ? ` (${l.page})` : ''}`);
  return item?.noEvidenceReason ? [...links, `Không có tài liệu: ${item.noEvidenceReason}`] : links;
}

export function ministryForm(input: FormInput): MinistryForm {
  const rows: FormRow[] = [];
  const leafScore = (code: string, which: 'self' | 'ministry') =>
    which === 'self' ? input.items.get(code)?.selfScore : input.ministry?.leaves?.[code];
  // A node's score is the sum of its leaves; null when none of them has one.
  const walk = (node: FrameworkNode, depth: number): { self: number[]; ministry: number[] } => {
    const at = rows.length;
    const assignedTo = assignedAppraisers(input.assignment, 'province', node.code) ?? [];
    if (!isGroup(node)) {
      const item = input.items.get(node.code);
      const self = leafScore(node.code, 'self') ?? null;
      const ministry = leafScore(node.code, 'ministry') ?? null;
      rows.push({
        code: node.code,
        name: node.name,
        depth,
        leaf: true,
        method: node.method,
        maxPoints: node.maxPoints,
        self,
        ministry,
        evidence: evidenceList(item, input.evidence),
        note: item?.note ?? '',
        assignedTo,
      });
      return { self: self === null ? [] : [self], ministry: ministry === null ? [] : [ministry] };
    }
    rows.push({
      code: node.code,
      name: node.name,
      depth,
      leaf: false,
      maxPoints: node.maxPoints,
      self: null,
      ministry: null,
      evidence: [],
      note: '',
      assignedTo,
    });
    const parts = node.items.map((child) => walk(child, depth + 1));
    const self = parts.flatMap((p) => p.self);
    const ministry = parts.flatMap((p) => p.ministry);
    const row = rows[at]!;
    row.self = self.length ? total(self) : null;
    row.ministry =
      depth === 0 && input.ministry?.areas?.[node.code] !== undefined
        ? input.ministry.areas[node.code]!
        : ministry.length
          ? total(ministry)
          : null;
    return { self, ministry: row.ministry !== null && depth === 0 ? [row.ministry] : ministry };
  };
  const areas = input.framework.areas.map((area) => walk(area, 0));
  return {
    year: input.year,
    unitName: input.unitName,
    frameworkName: input.framework.name,
    state: input.state,
    ...(input.submittedAt ? { submittedAt: input.submittedAt } : {}),
    rows,
    total: {
      maxPoints: input.framework.maxTotal,
      self: total(areas.flatMap((a) => a.self)),
      ministry: input.ministry?.total ?? null,
    },
    ...(input.ministry
      ? { ministry: { decision: input.ministry.decision, recordedAt: input.ministry.recordedAt, note: input.ministry.note } }
      : {}),
  };
}

const total = (values: number[]) => toNumber(sum(values.map(fromNumber)));

const num = (n: number | null) => (n === null ? '' : vn(n));

/** Print-ready HTML (A4 landscape, no scripts, no external assets): the browser prints it to PDF. */
export function ministryFormHtml(form: MinistryForm): string {
  const body = form.rows
    .map((r) => {
      const cls = r.leaf ? 'leaf' : r.depth === 0 ? 'area' : 'group';
      const evidence = r.evidence.length ? `<ol>${r.evidence.map((x) => `<li>${e(x)}</li>`).join('')}</ol>` : '';
      const note = [methodNote(r), r.note].filter(Boolean).map(e).join('<br>');
      return `<tr class="${cls}" id="leaf-${e(r.code)}"><td>${e(r.code)}</td><td style="padding-left:${0.4 + r.depth}em">${e(r.name)}</td><td class="n">${num(r.maxPoints)}</td><td class="n">${num(r.self)}</td><td class="n">${num(r.ministry)}</td><td>${evidence}</td><td>${note}</td><td>${e(r.assignedTo.join(', '))}</td></tr>`;
    })
    .join('\n');
  const submitted = form.submittedAt ? `Sở Nội vụ nộp ngày ${vietnamDate(form.submittedAt)}.` : 'Chưa nộp.';
  const ministry = form.ministry
    ? `Điểm thẩm định của Bộ Nội vụ${form.ministry.decision ? ` (${e(form.ministry.decision)})` : ''}, ghi nhận ngày ${vietnamDate(form.ministry.recordedAt)}.`
    : 'Chưa có điểm thẩm định của Bộ Nội vụ.';
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>${e(formTitle(form))}</title>
<style>
@page { size: A4 landscape; margin: 12mm; }
body { font-family: "Times New Roman", serif; font-size: 11pt; color: #000; }
h1 { font-size: 14pt; text-align: center; margin: 0 0 .3em; }
p.meta { text-align: center; margin: 0 0 1em; }
table { width: 100%; border-collapse: collapse; }
th, td { border: 1px solid #000; padding: 3px 4px; vertical-align: top; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
tr.area td { font-weight: bold; background: #eee; }
tr.group td { font-style: italic; }
td.n { text-align: right; white-space: nowrap; }
ol { margin: 0; padding-left: 1.2em; }
tfoot td { font-weight: bold; }
@media print { a { color: inherit; text-decoration: none; } }
</style></head><body>
<h1>${e(formTitle(form))}</h1>
<p class="meta">${e(form.frameworkName)}. ${submitted} ${ministry}</p>
<table>
<thead><tr>${formColumns.map((c) => `<th scope="col">${e(c)}</th>`).join('')}</tr></thead>
<tbody>
${body}
</tbody>
<tfoot><tr><td></td><td>Tổng điểm</td><td class="n">${num(form.total.maxPoints)}</td><td class="n">${num(form.total.self)}</td><td class="n">${num(form.total.ministry)}</td><td colspan="3"></td></tr></tfoot>
</table>
</body></html>
`;
}
