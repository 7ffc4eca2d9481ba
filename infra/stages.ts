/**
 * One deployment stage: its stacks and how they connect. `infra/app.ts` (the CDK app) and the
 * infra tests both build stages through this function, so the tests check what `cdk deploy` ships.
 */
import { Tags, type App } from 'aws-cdk-lib';
import type { StageConfig } from './config.ts';
import { ApiStack, type ApiStackProps } from './stacks/api-stack.ts';
import { AuthStack } from './stacks/auth-stack.ts';
import { DataStack } from './stacks/data-stack.ts';
import { ObservabilityStack } from './stacks/observability-stack.ts';
import { PipelineStack } from './stacks/pipeline-stack.ts';

export interface ParStage {
  readonly data: DataStack;
  readonly auth: AuthStack;
  readonly api: ApiStack;
  readonly observability: ObservabilityStack;
  readonly pipeline: PipelineStack;
}

export function addStage(app: App, config: StageConfig, overrides: Pick<ApiStackProps, 'routes'> = {}): ParStage {
  const name = (part: string) => `Par-${config.stage}-${part}`;
  const description = (what: string) => `PAR Index ${what} (stage ${config.stage})`;

  const data = new DataStack(app, name('Data'), { config, description: description('data: table and buckets') });
  const auth = new AuthStack(app, name('Auth'), { config, description: description('auth: Cognito user pool') });
  const api = new ApiStack(app, name('Api'), {
    config,
    description: description('HTTP API and functions'),
    table: data.table,
    buckets: data.buckets,
    userPool: auth.userPool,
    userPoolClient: auth.client,
    ...overrides,
  });
  const pipeline = new PipelineStack(app, name('Pipeline'), {
    config,
    description: description('yearly pipeline: state machine, schedule and upload ingestion'),
    table: data.table,
    buckets: data.buckets,
    userPool: auth.userPool,
  });
  // The council's approval resumes the waiting execution (SendTaskSuccess with its task token).
  pipeline.allowCallback(api.functions.find((f) => f.node.id === 'approveResults')!);

  const observability = new ObservabilityStack(app, name('Observability'), {
    config,
    description: description('alarms and dashboard'),
    stage: api.stage,
    functions: api.functions,
    table: data.table,
    pipeline,
  });

  for (const stack of [data, auth, api, observability, pipeline]) {
    Tags.of(stack).add('project', 'par-index');
    Tags.of(stack).add('stage', config.stage);
  }
  return { data, auth, api, observability, pipeline };
}
