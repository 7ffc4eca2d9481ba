/**
 * The report function: a report request created in the reports bucket (`report-requests/<year>/<council>.json`,
 * written by the approval) invokes it, in the cloud through an EventBridge rule (async, with the
 * platform's retries and a dead-letter queue: infra/constructs/bucket-subscription.ts), locally from
 * the S3 emulator's events (infra/local/s3-events.ts); the scheduled re-drive `{ "resume": true }`
 * takes up publications still pending. A failed run throws, so the platform retries it.
 */
import type { Context, S3Event } from 'aws-lambda';
import { generateReports, resumePendingReports } from '../../shared/app/results/generate-reports.ts';
import { logger, withLogContext } from '../../shared/observability.ts';
import { reportRequestOf } from '../../shared/store/report-requests.ts';

interface EventBridgeObjectCreated {
  'detail-type': 'Object Created';
  detail: { object: { key: string } };
}

export type ReportsEvent = S3Event | EventBridgeObjectCreated | { resume: true };

/** The requests an event names (request keys are ASCII, so S3's URL encoding never changes them). */
export function requestsOf(event: ReportsEvent) {
  if ('resume' in event) return [];
  const keys =
    'detail-type' in event
      ? [event.detail.object.key]
      : (event.Records ?? []).filter((r) => r.eventName?.startsWith('ObjectCreated:')).map((r) => decodeURIComponent(r.s3.object.key));
  return keys.map(reportRequestOf).filter((r) => r !== undefined);
}

async function generate(event: ReportsEvent) {
  if ('resume' in event && event.resume === true) return { outcomes: await resumePendingReports() };
  const outcomes = [];
  for (const request of requestsOf(event)) {
    logger.appendKeys({ year: request.year, council: request.council });
    outcomes.push({ ...request, outcome: await generateReports(request.year, request.council) });
  }
  logger.info('report files', { outcomes });
  return { outcomes };
}

export const handler = withLogContext((event: ReportsEvent, _context: Context) => generate(event));
