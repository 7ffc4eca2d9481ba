/** The report files of a publication: JSON, CSV, XLSX and HTML of the same content. */
import { resultsCsv } from '../../reports/csv.ts';
import { resultsHtml } from '../../reports/html.ts';
import { resultsXlsx } from '../../reports/xlsx.ts';
import type { DraftResults } from '../../store/results-store.ts';

export interface ReportContent {
  year: number;
  decision: string;
  approvedAt: string;
  results: DraftResults['results'];
}

export interface ReportBody {
  name: string;
  contentType: string;
  body: Buffer;
}

export async function reportBodies(content: ReportContent): Promise<ReportBody[]> {
  const { year } = content;
  return [
    { name: `results-${year}.json`, contentType: 'application/json', body: Buffer.from(JSON.stringify(content, null, 2)) },
    { name: `results-${year}.csv`, contentType: 'text/csv; charset=utf-8', body: Buffer.from(resultsCsv(content.results)) },
    {
      name: `results-${year}.xlsx`,
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      body: await resultsXlsx(new Date(content.approvedAt), content.results),
    },
    { name: `report-${year}.html`, contentType: 'text/html; charset=utf-8', body: Buffer.from(resultsHtml(content)) },
  ];
}
