/**
 * The report request: a small object the approval writes to the reports bucket after it publishes
 * a council's results, `report-requests/<year>/<council>.json`. Its creation event starts the
 * report function (shared/events.ts `reportsRequested`), which writes the report files. Pure key
 * schema here, so the event table (read by CDK) names the prefix without importing a client.
 */
import type { CouncilKey } from '../domain/councils.ts';

export const reportRequestPrefix = 'report-requests/';

export const reportRequestKey = (year: number, council: CouncilKey) => `${reportRequestPrefix}${year}/${council}.json`;

/** The publication a request key names; undefined for any other key. */
export function reportRequestOf(key: string): { year: number; council: CouncilKey } | undefined {
  const m = /^report-requests\/(\d{4})\/([A-Za-z0-9][A-Za-z0-9._-]*)\.json$/.exec(key);
  return m ? { year: Number(m[1]), council: m[2]! } : undefined;
}
