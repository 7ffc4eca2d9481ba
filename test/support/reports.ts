/**
 * The report files follow an approval within seconds (the report function, started by the
 * approval's report request, writes them). Tests observe that through the public reports API,
 * as a reader would: pending first, then ready, within a bounded wait.
 */
import { api, type ApiResponse } from './api.ts';

/** A child process per report event, under the load of a whole suite: generous, but bounded. */
export const reportsWaitMs = 120_000;

/** Waits until the year's report files are written (every council's, or `district`'s council's only). */
export async function publishedReports(year: number, options: { district?: string; fetchApi?: typeof api } = {}): Promise<ApiResponse> {
  const get = options.fetchApi ?? api;
  const deadline = Date.now() + reportsWaitMs;
  for (;;) {
    const res = await get('GET', `/v1/public/results/${year}/reports`);
    const state = options.district
      ? res.body?.councils?.find((c: { district?: string }) => c.district === options.district)?.reports
      : res.body?.reports;
    if (res.status === 200 && state === 'ready') return res;
    if (Date.now() > deadline) throw new Error(`the report files of ${year} are still ${state ?? res.status} after ${reportsWaitMs} ms`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
