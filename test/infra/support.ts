/**
 * Builds a stage the way `infra/app.ts` does, with the context of `cdk.json` (feature flags
 * included) plus the test's own, synthesizes it once and hands out each stack's template.
 * Bundling is skipped by the vitest `infra` project (CDK_CONTEXT_JSON), so this stays fast.
 */
import { readFileSync } from 'node:fs';
import { App, CfnElement, Stack as CdkStack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { Construct } from 'constructs';
import { readStageConfig, type StageConfig } from '../../infra/config.ts';
import type { ApiStackProps } from '../../infra/stacks/api-stack.ts';
import { addStage, type ParStage } from '../../infra/stages.ts';
import { routeList } from '../../shared/routes.ts';

const cdkJson = JSON.parse(readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8')) as {
  context: Record<string, unknown>;
};

export interface BuiltStage {
  readonly app: App;
  readonly config: StageConfig;
  readonly stage: ParStage;
  readonly template: (stack: CdkStack) => Template;
}

export function buildStage(context: Record<string, unknown> = {}, overrides: Pick<ApiStackProps, 'routes'> = {}): BuiltStage {
  const app = new App({ context: { ...cdkJson.context, ...context } });
  const config = readStageConfig(app.node);
  const stage = addStage(app, config, overrides);
  const assembly = app.synth();
  const templates = new Map<string, Template>();
  return {
    app,
    config,
    stage,
    template: (stack) => {
      let found = templates.get(stack.stackName);
      if (!found) {
        found = Template.fromJSON(assembly.getStackByName(stack.stackName).template as Record<string, unknown>);
        templates.set(stack.stackName, found);
      }
      return found;
    },
  };
}

/** The logical id of a construct's CloudFormation resource (its default child). */
export function logicalIdOf(construct: Construct): string {
  const element = construct.node.defaultChild;
  if (!(element instanceof CfnElement)) throw new Error(`${construct.node.path} has no CloudFormation resource`);
  return CdkStack.of(construct).getLogicalId(element);
}

/**
 * The route table plus one public route using every bucket, so the tests exercise the public
 * authorizer, route throttling and bucket grants even before such routes exist. Its handler is
 * the first real one (the file must exist for NodejsFunction).
 */
export const routesWithPublicBucketRoute = [
  ...routeList,
  {
    ...routeList[0]!,
    id: 'testPublicUpload',
    method: 'POST',
    path: '/v1/public/test-uploads/{uploadId}',
    access: 'public',
    buckets: [
      { id: 'evidence', access: 'readWrite' },
      { id: 'imports', access: 'write' },
      { id: 'reports', access: 'read' },
    ],
  },
] as const satisfies ApiStackProps['routes'];
