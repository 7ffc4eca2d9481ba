/**
 * The year's pipeline status. Deployed, STATE_MACHINE_ARN names the state machine and the
 * execution is read from Step Functions; locally (no ARN) from what the local runner recorded.
 */
import { pipelineStatus, type ExecutionSource } from '../../shared/app/pipeline/pipeline-status.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { adminRoutes } from '../../shared/routes/admin.ts';
import { getCycle } from '../../shared/store/cycles-store.ts';
import { latestLocalExecution } from '../../shared/store/local-executions-store.ts';
import { listSteps } from '../../shared/store/pipeline-store.ts';
import { describeSfnExecution } from '../../shared/store/sfn-executions.ts';

const stateMachineArn = process.env.STATE_MACHINE_ARN;
const source: ExecutionSource = stateMachineArn
  ? async (_year, name) => (name ? describeSfnExecution(stateMachineArn, name) : undefined)
  : latestLocalExecution;

export const handler = httpHandler(adminRoutes, 'getPipelineStatus', async ({ params, caller }) => ({
  body: await pipelineStatus(caller, params, { getCycle, listSteps }, source),
}));
