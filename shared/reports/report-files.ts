/** Every file a publication writes, built from the same report input (names are part of the public contract). */
import { resultsCsv } from './csv.ts';
import { resultsHtml } from './html.ts';
import type { ReportInput } from './model.ts';
import { dictionaryCsv, openDataCsv, openDataJson } from './open-data.ts';
import { resultsXlsx } from './xlsx.ts';

export interface ReportFileContent {
  name: string;
  contentType: string;
  body: Buffer;
}

const csvType = 'text/csv; charset=utf-8';

export async function buildReportFiles(input: ReportInput): Promise<ReportFileContent[]> {
  const y = input.year;
  const published = { year: y, decision: input.decision, approvedAt: input.approvedAt, results: input.results };
  return [
    { name: `results-${y}.json`, contentType: 'application/json', body: Buffer.from(JSON.stringify(published, null, 2)) },
    { name: `results-${y}.csv`, contentType: csvType, body: Buffer.from(resultsCsv(input)) },
    { name: `results-${y}-excel.csv`, contentType: csvType, body: Buffer.from(resultsCsv(input, { separator: ';' })) },
    {
      name: `results-${y}.xlsx`,
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      body: await resultsXlsx(input),
    },
    { name: `report-${y}.html`, contentType: 'text/html; charset=utf-8', body: Buffer.from(resultsHtml(input)) },
    { name: `open-data-${y}.json`, contentType: 'application/json', body: Buffer.from(JSON.stringify(openDataJson(input), null, 2)) },
    { name: `open-data-${y}.csv`, contentType: csvType, body: Buffer.from(openDataCsv(input)) },
    { name: `data-dictionary-${y}.csv`, contentType: csvType, body: Buffer.from(dictionaryCsv()) },
  ];
}
