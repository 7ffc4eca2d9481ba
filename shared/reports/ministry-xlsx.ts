/** The Ministry's form as an XLSX workbook (write-excel-file, as the published reports): one sheet. */
import writeXlsxFile, { type Cell, type SheetData } from 'write-excel-file/node';
import { formColumns, formTitle, methodNote, type FormRow, type MinistryForm } from './ministry-form-layout.ts';

const widths = [9, 60, 10, 11, 13, 50, 36, 16];

const number = (value: number | null, bold: boolean): Cell =>
  value === null ? null : { value, type: Number, format: '0.00', ...(bold ? { fontWeight: 'bold' as const } : {}) };
const text = (value: string, bold = false, indent = 0): Cell =>
  value ? { value, type: String, wrap: true, ...(bold ? { fontWeight: 'bold' as const } : {}), ...(indent ? { indent } : {}) } : null;

function row(r: FormRow): Cell[] {
  const bold = r.depth === 0;
  return [
    text(r.code, bold),
    text(r.name, bold, r.depth),
    number(r.maxPoints, bold),
    number(r.self, bold),
    number(r.ministry, bold),
    text(r.evidence.map((x, i) => `${i + 1}. ${x}`).join('\n')),
    text([methodNote(r), r.note].filter(Boolean).join('\n')),
    text(r.assignedTo.join(', ')),
  ];
}

export async function ministryFormXlsx(form: MinistryForm): Promise<Buffer> {
  const data: SheetData = [
    [{ value: formTitle(form), type: String, fontWeight: 'bold', fontSize: 14 }],
    [{ value: form.frameworkName, type: String, fontStyle: 'italic' }],
    formColumns.map((c): Cell => ({
      value: c,
      type: String,
      fontWeight: 'bold',
      backgroundColor: '#DCE6F1',
      wrap: true,
      bottomBorderStyle: 'thin',
    })),
    ...form.rows.map(row),
    [null, text('Tổng điểm', true), number(form.total.maxPoints, true), number(form.total.self, true), number(form.total.ministry, true)],
  ];
  return writeXlsxFile([{ data, sheet: `Chỉ số CCHC ${form.year}`, stickyRowsCount: 3, columns: widths.map((width) => ({ width })) }], {
    fontFamily: 'Times New Roman',
    fontSize: 11,
  }).toBuffer() as Promise<Buffer>;
}
