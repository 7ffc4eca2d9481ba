/**
 * One deployment stage: its stacks and how they connect. `infra/app.ts` (the CDK app) and the
 * infra tests both build stages through this function, so the tests check what `cdk deploy` ships.
 */
import { Tags, type App } from 'aws-cdk-lib';
import type { StageConfig } from './config.ts';
import { ApiStack, type ApiStackProps } from './stacks/api-stack.ts';
import { AuthStack } from './stacks/auth-stack.ts';
import { ConsoleConfigStack, ConsoleStack } from './stacks/console-stack.ts';
import { DataStack } from './stacks/data-stack.ts';
import { ObservabilityStack } from './stacks/observability-stack.ts';
import { PipelineStack } from './stacks/pipeline-stack.ts';

export interface ParStage {
  readonly data: DataStack;
  readonly auth: AuthStack;
  readonly api: ApiStack;
  readonly observability: ObservabilityStack;
  readonly pipeline: PipelineStack;
  readonly console: ConsoleStack;
  readonly consoleConfig: ConsoleConfigStack;
}

export function addStage(app: App, config: StageConfig, overrides: Pick<ApiStackProps, 'routes'> = {}): ParStage {
  const name = (part: string) => `Par-${config.stage}-${part}`;
  const description = (what: string) => `PAR Index ${what} (stage ${config.stage})`;

  const data = new DataStack(app, name('Data'), { config, description: description('data: table and buckets') });
  // The console's site first: the Cognito client needs its URL, the API its origin (console-stack.ts).
  const site = new ConsoleStack(app, name('Console'), { config, description: description('web console: bucket and CloudFront') });
  const auth = new AuthStack(app, name('Auth'), {
    config,
    consoleUrl: site.url,
    description: description('auth: Cognito user pool and managed login'),
  });
  const api = new ApiStack(app, name('Api'), {
    config,
    description: description('HTTP API and functions'),
    table: data.table,
    buckets: data.buckets,
    userPool: auth.userPool,
    userPoolClient: auth.client,
    consoleOrigin: site.url,
    ...overrides,
  });
  const pipeline = new PipelineStack(app, name('Pipeline'), {
    config,
    description: description('yearly pipeline: state machine, schedule and upload ingestion'),
    table: data.table,
    buckets: data.buckets,
    userPool: auth.userPool,
  });
  // The waiting execution is resumed by the report function after the last council's reports
  // (pipeline stack, `resumesPipeline` in shared/events.ts), not by the approval request.
  // The admin's pipeline screen reads the year's execution (DescribeExecution, GetExecutionHistory).
  pipeline.allowStatusRead(api.functions.find((f) => f.node.id === 'getPipelineStatus')!);

  const consoleConfig = new ConsoleConfigStack(app, name('ConsoleConfig'), {
    config,
    description: description('web console: config.json'),
    site,
    api: api.api,
    userPool: auth.userPool,
    client: auth.client,
    loginDomain: auth.loginDomain!,
  });
  const observability = new ObservabilityStack(app, name('Observability'), {
    config,
    description: description('alarms and dashboard'),
    stage: api.stage,
    functions: api.functions,
    table: data.table,
    pipeline,
  });

  for (const stack of [data, site, auth, api, observability, pipeline, consoleConfig]) {
    Tags.of(stack).add('project', 'par-index');
    Tags.of(stack).add('stage', config.stage);
  }
  return { data, auth, api, observability, pipeline, console: site, consoleConfig };
}
