import { allPublishedYears } from '../../shared/app/results/previous-publications.ts';
import { httpHandler } from '../../shared/http/handler.ts';

export const handler = httpHandler('publicResultYears', async () => ({
  body: { years: await allPublishedYears() },
  headers: { 'cache-control': 'public, max-age=300' },
}));
