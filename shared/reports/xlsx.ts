/** The published results as an XLSX workbook: one sheet per unit type, numbers as numbers. */
import ExcelJS from 'exceljs';
import type { Results } from '../schemas/results.ts';

export async function resultsXlsx(approvedAt: Date, results: Partial<Record<string, Results>>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'PAR Index';
  workbook.created = approvedAt;
  workbook.modified = approvedAt;
  for (const [type, r] of Object.entries(results)) {
    if (!r) continue;
    const sheet = workbook.addWorksheet(type);
    sheet.columns = [
      { header: 'Hạng', key: 'rank', width: 6 },
      { header: 'Mã đơn vị', key: 'unitId', width: 22 },
      { header: 'Đơn vị', key: 'name', width: 40 },
      { header: 'Chỉ số', key: 'index', width: 10 },
      { header: 'Xếp loại', key: 'band', width: 12 },
      { header: 'Tổng điểm', key: 'total', width: 10 },
      { header: 'Điểm tối đa', key: 'maxApplicable', width: 12 },
      { header: 'Tự đánh giá', key: 'selfTotal', width: 12 },
      { header: 'Điều tra XHH', key: 'surveyTotal', width: 12 },
    ];
    for (const u of r.units) {
      // Names go in as text values, never formulas, whatever they start with.
      sheet.addRow({ ...u, name: { richText: [{ text: u.name }] } });
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
