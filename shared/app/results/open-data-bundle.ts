/** The machine-readable bundle of a published year, built as the published open-data file is. */
import { fail } from '../../domain/errors.ts';
import { openDataJson } from '../../reports/open-data.ts';
import { getPublication } from '../../store/results-store.ts';
import { reportInput } from './report-input.ts';

export async function openDataBundle(year: number) {
  const published = await getPublication(year);
  if (!published) throw fail.notFound(`the results of ${year} are not published`, 'RESULTS_NOT_PUBLISHED');
  return openDataJson(await reportInput(published));
}
