import { fail } from '../../domain/errors.ts';
import type { Caller } from '../../domain/roles.ts';
import { publicationStores, type PublicationStores } from './publication-stores.ts';

/** The published report files of every council, with the decision, checksum and download link of each (never the object keys). */
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
  return { year: published.year, decision: published.decision, approvedAt: published.approvedAt, files, councils: published.councils };
}
