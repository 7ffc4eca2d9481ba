import { fail } from '../../domain/errors.ts';
import type { Caller } from '../../domain/roles.ts';
import { publicationStores, type PublicationStores } from './publication-stores.ts';

/**
 * The published report files of every council, with the decision, checksum and download link of each
 * (never the object keys). A council's files appear once the report function has written them, seconds
 * after its approval; until then `reports` is `pending` (and that council's `reports` in `councils`).
 */
export async function publicReports(
  _caller: Caller,
  input: { year: number },
  stores: Pick<PublicationStores, 'getPublication' | 'reportUrl'> = publicationStores,
) {
  const published = await stores.getPublication(input.year);
  if (!published) throw fail.notFound(`the results of ${input.year} are not published`, 'RESULTS_NOT_PUBLISHED');
  const files = await Promise.all(
    published.files.map(async ({ key, ...file }) => ({ ...file, url: await stores.reportUrl({ ...file, key }) })),
  );
  const { year, decision, approvedAt, reports, councils } = published;
  return { year, decision, approvedAt, reports, files, councils };
}
