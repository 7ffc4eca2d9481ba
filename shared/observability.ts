/**
 * Powertools logger and metrics, one instance per function (module scope). Marked pure so a
 * bundle that imports only the logger (pipeline tasks, ingestion) leaves Metrics out.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';

export const logger = /* @__PURE__ */ new Logger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'par-index' });
export const metrics = /* @__PURE__ */ new Metrics({
  namespace: process.env.POWERTOOLS_METRICS_NAMESPACE ?? 'ParIndex',
  serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'par-index',
});
