/**
 * The bucket subscriptions of `shared/events.ts` in the cloud: each handler as a house function
 * with the subscription's settings, started by an EventBridge rule on the data stack's bucket
 * events, with its failures in a dead-letter queue. Expected values come from the shared
 * definition itself, so a change there is checked here without editing the test. (That the handler
 * module bundles and exports `handler` is checked by bundle.test.ts.)
 */
import type { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { bucketActions, tableActions } from '../../infra/constructs/app-function.ts';
import { deadLetterRetention, eventBridgeDetailTypes } from '../../infra/constructs/bucket-subscription.ts';
import { bucketSubscriptions } from '../../shared/events.ts';
import { bucketDefinition, bucketDefinitions, tableDefinition } from '../../shared/store/resources.ts';
import { buildStage, logicalIdOf } from './support.ts';

type Statement = { Effect: string; Action: string | string[]; Resource: unknown; Principal?: unknown; Condition?: unknown };

const actionsOf = (statements: Statement[]) => statements.flatMap((s) => [s.Action].flat());

/** The policy statements attached to a role (by its logical id). */
function statementsOf(template: Template, roleId: string): Statement[] {
  return Object.values(template.findResources('AWS::IAM::Policy'))
    .filter((p) => (p.Properties.Roles as { Ref: string }[]).some((r) => r.Ref === roleId))
    .flatMap((p) => p.Properties.PolicyDocument.Statement as Statement[]);
}

describe('survey import ingestion is subscribed to its bucket in the cloud', () => {
  it('has the subscription this wiring is for', () => {
    expect(bucketSubscriptions.map((s) => s.id)).toContain('surveyImportUploaded');
  });
});

describe.each(bucketSubscriptions)('bucket subscription $id', (subscription) => {
  const built = buildStage();
  const { data, pipeline } = built.stage;
  const template = built.template(pipeline);
  const dataTemplate = built.template(data);
  const wired = pipeline.subscriptions[subscription.id]!;
  const fnId = logicalIdOf(wired.function);
  const queueId = logicalIdOf(wired.deadLetterQueue);
  const ruleId = logicalIdOf(wired.rule);
  const fn = () => template.findResources('AWS::Lambda::Function')[fnId]!;
  const roleId = () => fn().Properties.Role['Fn::GetAtt'][0] as string;

  /** What a reference to a data stack resource looks like in this stack (a cross-stack import). */
  const isImportOf = (value: unknown, logicalId: string) => JSON.stringify(value).includes(logicalId);
  const bucketId = logicalIdOf(data.buckets[subscription.bucket]);
  const tableId = logicalIdOf(data.table);

  it('is a house function with the memory, timeout, heap cap and concurrency of shared/events.ts', () => {
    expect(wired.function.node.scope).toBe(wired);
    expect(fn().Properties).toMatchObject({
      Runtime: 'nodejs22.x',
      Architectures: ['arm64'],
      Handler: 'index.handler',
      TracingConfig: { Mode: 'Active' },
      MemorySize: subscription.memoryMb,
      Timeout: subscription.timeoutSeconds,
      LoggingConfig: { LogGroup: { Ref: expect.any(String) } },
    });
    expect(fn().Properties.ReservedConcurrentExecutions).toBe(subscription.reservedConcurrency);
    expect(fn().Properties.Description).toContain(subscription.id);
    const logGroup = template.findResources('AWS::Logs::LogGroup')[fn().Properties.LoggingConfig.LogGroup.Ref]!;
    expect(logGroup.Properties.RetentionInDays).toBe(30);
  });

  it('caps the V8 heap with NODE_OPTIONS and gets the table and bucket environment', () => {
    const env = fn().Properties.Environment.Variables as Record<string, unknown>;
    const options = String(env.NODE_OPTIONS).split(' ');
    expect(options).not.toContain('--enable-source-maps');
    if (subscription.maxOldSpaceMb !== undefined) expect(options).toContain(`--max-old-space-size=${subscription.maxOldSpaceMb}`);
    expect(options.filter((o) => o.startsWith('--max-old-space-size='))).toHaveLength(subscription.maxOldSpaceMb === undefined ? 0 : 1);
    expect(isImportOf(env[tableDefinition.envVar], tableId)).toBe(true);
    for (const read of subscription.reads) {
      expect(isImportOf(env[bucketDefinition(read).envVar], logicalIdOf(data.buckets[read])), read).toBe(true);
    }
    expect(env).toMatchObject({
      POWERTOOLS_SERVICE_NAME: expect.any(String),
      POWERTOOLS_METRICS_NAMESPACE: `ParIndex/${built.config.stage}`,
    });
  });

  it('retries asynchronous invocations as shared/events.ts says and sends what still fails to the dead-letter queue', () => {
    const configs = Object.values(template.findResources('AWS::Lambda::EventInvokeConfig')).filter(
      (c) => c.Properties.FunctionName.Ref === fnId,
    );
    expect(configs).toHaveLength(1);
    expect(configs[0]!.Properties).toEqual({
      FunctionName: { Ref: fnId },
      Qualifier: '$LATEST',
      MaximumRetryAttempts: subscription.retryAttempts,
      MaximumEventAgeInSeconds: subscription.maxEventAgeSeconds,
      DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [queueId, 'Arn'] } } },
    });
  });

  it('has an encrypted, SSL-only dead-letter queue that only the function and its rule may send to', () => {
    const queue = template.findResources('AWS::SQS::Queue')[queueId]!;
    expect(queue.Properties).toMatchObject({ SqsManagedSseEnabled: true, MessageRetentionPeriod: deadLetterRetention.toSeconds() });
    const policies = Object.values(template.findResources('AWS::SQS::QueuePolicy')).filter((p) =>
      (p.Properties.Queues as { Ref: string }[]).some((q) => q.Ref === queueId),
    );
    expect(policies).toHaveLength(1);
    const statements = policies[0]!.Properties.PolicyDocument.Statement as Statement[];
    expect(statements).toContainEqual(
      expect.objectContaining({ Effect: 'Deny', Action: 'sqs:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
    );
    const allows = statements.filter((s) => s.Effect === 'Allow');
    expect(allows).toEqual([
      expect.objectContaining({
        Action: 'sqs:SendMessage',
        Principal: { Service: 'events.amazonaws.com' },
        Condition: { ArnEquals: { 'aws:SourceArn': { 'Fn::GetAtt': [ruleId, 'Arn'] } } },
      }),
    ]);
  });

  it('is invoked by an EventBridge rule for its events in its bucket under its prefix', () => {
    const rule = template.findResources('AWS::Events::Rule')[ruleId]!;
    expect(rule.Properties.State).toBe('ENABLED');
    expect(rule.Properties.EventBusName).toBeUndefined(); // S3 sends to the default bus
    const pattern = rule.Properties.EventPattern;
    expect(pattern).toEqual({
      source: ['aws.s3'],
      'detail-type': subscription.events.map((e) => eventBridgeDetailTypes[e]),
      detail: { bucket: { name: [expect.anything()] }, object: { key: [{ prefix: subscription.prefix }] } },
    });
    // The bucket's name, imported from the data stack (its Ref), not any other attribute or bucket.
    const name = JSON.stringify(pattern.detail.bucket.name[0]);
    expect(name).toContain(bucketId);
    expect(name).not.toContain('Arn');
    expect(rule.Properties.Targets).toEqual([
      { Id: 'Target0', Arn: { 'Fn::GetAtt': [fnId, 'Arn'] }, DeadLetterConfig: { Arn: { 'Fn::GetAtt': [queueId, 'Arn'] } } },
    ]);
    template.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction',
      FunctionName: { 'Fn::GetAtt': [fnId, 'Arn'] },
      Principal: 'events.amazonaws.com',
      SourceArn: { 'Fn::GetAtt': [ruleId, 'Arn'] },
    });
  });

  it('is re-driven on the schedule shared/events.ts gives it, by a scheduler role that may invoke only this function', () => {
    const redrive = subscription.redrive;
    const schedules = Object.entries(template.findResources('AWS::Scheduler::Schedule')).filter(([, s]) =>
      JSON.stringify(s.Properties.Target.Arn).includes(fnId),
    );
    if (!redrive) return expect(schedules).toEqual([]);
    expect(schedules).toHaveLength(1);
    const [scheduleId, schedule] = schedules[0]!;
    expect(scheduleId).toBe(pipeline.getLogicalId(pipeline.redrives[subscription.id]!));
    expect(schedule.Properties.ScheduleExpression).toBe(`rate(${redrive.everyMinutes} minutes)`);
    expect(schedule.Properties.State).toBe('ENABLED');
    expect(schedule.Properties.Target.Arn).toEqual({ 'Fn::GetAtt': [fnId, 'Arn'] });
    expect(JSON.parse(schedule.Properties.Target.Input)).toEqual(redrive.event);
    const schedulerRole = schedule.Properties.Target.RoleArn['Fn::GetAtt'][0] as string;
    const invokes = statementsOf(template, schedulerRole).filter((s) => actionsOf([s]).includes('lambda:InvokeFunction'));
    expect(invokes).toHaveLength(1);
    expect(JSON.stringify(invokes[0]!.Resource)).toContain(fnId);
    expect(JSON.stringify(invokes[0]!.Resource)).not.toContain('"*"');
  });

  it('maps every S3 event type it may name to the EventBridge detail type S3 sends', () => {
    expect(eventBridgeDetailTypes).toEqual({ 's3:ObjectCreated:*': 'Object Created', 's3:ObjectRemoved:*': 'Object Deleted' });
  });

  it('has the bucket send its events to EventBridge (natively: no notification custom resource)', () => {
    const buckets = dataTemplate.findResources('AWS::S3::Bucket');
    expect(buckets[bucketId]!.Properties.NotificationConfiguration).toEqual({ EventBridgeConfiguration: { EventBridgeEnabled: true } });
    for (const def of bucketDefinitions.filter((b) => !bucketSubscriptions.some((s) => s.bucket === b.id))) {
      expect(buckets[logicalIdOf(data.buckets[def.id])]!.Properties.NotificationConfiguration, def.id).toBeUndefined();
    }
    for (const stack of [data, pipeline]) built.template(stack).resourceCountIs('Custom::S3BucketNotifications', 0);
  });

  it('keeps the stacks acyclic: the pipeline stack depends on the data stack, never the reverse', () => {
    expect(pipeline.dependencies).toContain(data);
    expect(data.dependencies).not.toContain(pipeline);
    expect(JSON.stringify(dataTemplate.toJSON())).not.toContain(fnId);
  });

  it('grants read-write on the table and its named indexes, read (or read-write) on its buckets, send on its queue, the pipeline callback if it resumes the pipeline, nothing else', () => {
    const statements = statementsOf(template, roleId());
    const dynamo = statements.filter((s) => actionsOf([s]).some((a) => a.startsWith('dynamodb:')));
    expect(dynamo).toHaveLength(1);
    expect(actionsOf(dynamo).sort()).toEqual([...tableActions.readWrite].sort());
    const tableResources = [dynamo[0]!.Resource].flat();
    expect(tableResources).toHaveLength(1 + tableDefinition.globalSecondaryIndexes.length);
    for (const resource of tableResources) expect(isImportOf(resource, tableId)).toBe(true);
    for (const index of tableDefinition.globalSecondaryIndexes)
      expect(JSON.stringify(tableResources)).toContain(`/index/${index.indexName}`);

    const s3 = statements.filter((s) => actionsOf([s]).some((a) => a.startsWith('s3:')));
    const access = subscription.writes?.length ? bucketActions.readWrite : bucketActions.read;
    expect(actionsOf(s3).sort()).toEqual([...access.objects, ...access.bucket].sort());
    for (const statement of s3) {
      const resource = JSON.stringify(statement.Resource);
      expect(subscription.reads.some((read) => resource.includes(logicalIdOf(data.buckets[read])))).toBe(true);
    }
    const objects = s3.find((s) => actionsOf([s]).includes('s3:GetObject'))!;
    expect(JSON.stringify(objects.Resource)).toContain('/*');

    const sqs = statements.filter((s) => actionsOf([s]).some((a) => a.startsWith('sqs:')));
    expect(sqs).toHaveLength(1);
    expect(actionsOf(sqs)).toContain('sqs:SendMessage');
    expect(sqs[0]!.Resource).toEqual({ 'Fn::GetAtt': [queueId, 'Arn'] });

    const others = actionsOf(statements).filter((a) => !/^(dynamodb|s3|sqs|logs|xray):/.test(a));
    expect(others).toEqual(subscription.resumesPipeline ? ['states:SendTaskSuccess'] : []);
    expect(actionsOf(statements).filter((a) => /Delete(Object|Bucket)|\*$/.test(a))).toEqual([]);
    expect(actionsOf(statements).includes('s3:PutObject')).toBe(Boolean(subscription.writes?.length));
  });
});
