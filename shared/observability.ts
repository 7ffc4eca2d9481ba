/** Powertools logger and metrics, one instance per function (module scope). */
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';

export const logger = new Logger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'par-index' });
export const metrics = new Metrics({
  namespace: process.env.POWERTOOLS_METRICS_NAMESPACE ?? 'ParIndex',
  serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'par-index',
});
