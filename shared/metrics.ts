/**
 * Powertools metrics (EMF), one instance per function: only the functions that publish a business
 * metric import it (the pipeline's cycle progress). HTTP routes publish none: API Gateway's own
 * per-stage Count, 4xx and 5xx are what the alarms and the dashboard read.
 */
import { Metrics } from '@aws-lambda-powertools/metrics';

export const metrics = /* @__PURE__ */ new Metrics({
  namespace: process.env.POWERTOOLS_METRICS_NAMESPACE ?? 'ParIndex',
  serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'par-index',
});
