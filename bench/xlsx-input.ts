/**
 * A survey responses workbook for the benches (xlsx-read, survey-import with BENCH_XLSX=1): the
 * survey-import bench's columns, written by exceljs's streaming writer with shared strings (every
 * respondent id one: the largest string table a survey file has), the sheet before the shared
 * strings as Excel orders them. Deterministic; written once, next to the bench's other inputs.
 */
import { existsSync, readFileSync, renameSync } from 'node:fs';

const units = ['VPUBND', 'SNV', 'STP', 'SKHDT', 'STC', 'SCT', 'SYT', 'SGDDT', 'STTTT'];

export async function generateSurveyXlsx(path: string, rows: number): Promise<void> {
  if (existsSync(path)) return;
  const { default: ExcelJS } = await import('exceljs');
  const definition = JSON.parse(readFileSync('reference/surveys/department-survey-2024.json', 'utf8')) as {
    questions: { id: string; groups: string[] }[];
  };
  const groups = ['leader', 'civil-servant', 'citizen'];
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: `${path}.part`, useSharedStrings: true, useStyles: false });
  const sheet = writer.addWorksheet('Phiếu');
  sheet.addRow(['respondentId', 'unitId', 'group', ...definition.questions.map((q) => q.id)]).commit();
  let seed = 2024;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
  for (let i = 1; i <= rows; i++) {
    const group = groups[next() % 3] as string;
    const answers = definition.questions.map((q) => (q.groups.includes(group) ? 'ABCDE'[next() % 5] : null));
    sheet.addRow([`P${String(i).padStart(8, '0')}`, units[next() % units.length], group, ...answers]).commit();
  }
  sheet.commit();
  await writer.commit();
  renameSync(`${path}.part`, path);
}
