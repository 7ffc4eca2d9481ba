/**
 * The report files of a publication (JSON, CSV in two variants, XLSX, HTML, open data): built from
 * the published content and what the reports need beside it (frameworks, the registry's parents),
 * which the port supplies.
 */
import { buildReportFiles, type ReportFileContent } from '../../reports/report-files.ts';
import type { PublishedContent } from './report-input.ts';
import type { ResultsStores } from './stores.ts';

export type ReportContent = PublishedContent;
export type ReportBody = ReportFileContent;

export async function reportBodies(content: ReportContent, stores: Pick<ResultsStores, 'reportInput'>): Promise<ReportBody[]> {
  return buildReportFiles(await stores.reportInput(content));
}
