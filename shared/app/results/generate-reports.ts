/**
 * The report function's work for one council publication: build the report files from what was
 * published, write them (named by content hash, so a retry or a duplicate event writes the same
 * keys with the same bytes), complete the publication with their keys and checksums (a
 * conditional write: once), and only then resume the pipeline, whose wait ends with the reports
 * of the last council. A publication already complete is not written again; the callback is still
 * sent (the run that completed it may have died before sending it).
 */
import { provinceCouncil, type CouncilKey } from '../../domain/councils.ts';
import type { Caller } from '../../domain/roles.ts';
import { buildReportFiles } from '../../reports/report-files.ts';
import type { Publication, ReportFile } from '../../store/results-store.ts';
import { reportStores, type ReportStores } from './report-stores.ts';
import { compareVietnamese } from '../../domain/collation.ts';

/** The report function's identity in audit events. */
export const reportsCaller: Caller = { subject: 'system', username: 'system:reports', roles: ['admin'], areas: [] };

export type ReportsOutcome = 'written' | 'already-ready' | 'no-publication';

/** A district council's report files are named after it: `results-2031-H-BATRI.csv`. */
const fileName = (name: string, year: number, council: CouncilKey) =>
  council === provinceCouncil ? name : name.replace(String(year), `${year}-${council}`);

/** Builds and writes a publication's files; the same publication always gives the same files. */
export async function writeReportFiles(
  publication: Publication,
  stores: Pick<ReportStores, 'reportInput' | 'putReportFile'> = reportStores,
) {
  const council = publication.council ?? provinceCouncil;
  const { year, decision, approvedAt, results } = publication;
  const bodies = await buildReportFiles(await stores.reportInput({ year, decision, approvedAt, results }));
  return Promise.all(bodies.map((f) => stores.putReportFile(year, fileName(f.name, year, council), f.contentType, f.body)));
}

export async function generateReports(year: number, council: CouncilKey, stores: ReportStores = reportStores): Promise<ReportsOutcome> {
  const publication = await stores.getCouncilPublication(year, council);
  if (!publication) return 'no-publication';
  let outcome: ReportsOutcome = 'already-ready';
  if ((publication.reports ?? 'ready') === 'pending') {
    const files: ReportFile[] = await writeReportFiles(publication, stores);
    if (await stores.markReportsReady(reportsCaller, publication, files)) outcome = 'written';
  }
  await stores.notifyApproval(year);
  return outcome;
}

/** The re-drive: every publication still pending (its event spent, or never sent), oldest year first. */
export async function resumePendingReports(stores: ReportStores = reportStores) {
  const pending = (await stores.listPendingReports()).sort((a, b) => a.year - b.year || compareVietnamese(a.council, b.council));
  const outcomes: { year: number; council: CouncilKey; outcome: ReportsOutcome }[] = [];
  for (const p of pending) outcomes.push({ ...p, outcome: await generateReports(p.year, p.council, stores) });
  return outcomes;
}
