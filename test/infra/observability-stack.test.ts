/**
 * The alarms someone sees: every function's errors and throttles, the dead-letter queues, the
 * ingestion's event age, the yearly state machine; one topic mailed to the admin; the dashboard
 * with the cycle's progress, API latency and errors.
 */
import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { alarmThresholds, progressMetricNames } from '../../infra/stacks/observability-stack.ts';
import { buildStage, logicalIdOf } from './support.ts';

const built = buildStage({ adminEmail: 'admin@example.gov.vn' });
const { observability, pipeline, api } = built.stage;
const template = built.template(observability);
const alarms = Object.values(template.findResources('AWS::CloudWatch::Alarm')) as { Properties: Record<string, any> }[];

/** The alarm on `metricName` whose dimension points at `logicalId` (an import of another stack's output). */
function alarmsOn(metricName: string, namespace: string) {
  return alarms.filter((a) => a.Properties.MetricName === metricName && a.Properties.Namespace === namespace);
}

describe('alarms, topic and dashboard', () => {
  const functionCount = api.functions.length + Object.keys(pipeline.functions).length + Object.keys(pipeline.subscriptions).length;

  it('alarm on every function’s errors and throttles (API, pipeline tasks, ingestion)', () => {
    expect(alarmsOn('Errors', 'AWS/Lambda')).toHaveLength(functionCount);
    expect(alarmsOn('Throttles', 'AWS/Lambda')).toHaveLength(functionCount);
    for (const a of alarmsOn('Errors', 'AWS/Lambda')) {
      expect(a.Properties).toMatchObject({ Statistic: 'Sum', Threshold: 1, ComparisonOperator: 'GreaterThanOrEqualToThreshold' });
    }
    const names = alarmsOn('Errors', 'AWS/Lambda').map((a) => a.Properties.AlarmDescription as string);
    for (const task of Object.values(pipeline.functions)) expect(names.some((n) => n.startsWith(task.node.id))).toBe(true);
  });

  it('alarm on each dead-letter queue holding a message, and on the ingestion’s event age', () => {
    const subscriptions = Object.values(pipeline.subscriptions);
    expect(subscriptions.length).toBeGreaterThan(0);
    expect(alarmsOn('ApproximateNumberOfMessagesVisible', 'AWS/SQS')).toHaveLength(subscriptions.length);
    expect(alarmsOn('ApproximateNumberOfMessagesVisible', 'AWS/SQS')[0]!.Properties).toMatchObject({
      Threshold: alarmThresholds.deadLetters,
      Statistic: 'Maximum',
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
    });
    expect(alarmsOn('ApproximateAgeOfOldestMessage', 'AWS/SQS')).toHaveLength(subscriptions.length);
    expect(alarmsOn('AsyncEventAge', 'AWS/Lambda')).toHaveLength(subscriptions.length);
    expect(alarmsOn('AsyncEventAge', 'AWS/Lambda')[0]!.Properties.Threshold).toBe(alarmThresholds.ingestionEventAgeMs);
  });

  it('alarm on failed and timed-out executions of the state machine', () => {
    for (const metric of ['ExecutionsFailed', 'ExecutionsTimedOut']) {
      const found = alarmsOn(metric, 'AWS/States');
      expect(found, metric).toHaveLength(1);
      expect(found[0]!.Properties).toMatchObject({ Statistic: 'Sum', Threshold: 1 });
      expect(JSON.stringify(found[0]!.Properties.Dimensions)).toContain(logicalIdOf(pipeline.stateMachine));
    }
  });

  it('send every alarm and its recovery to one topic mailed to the admin', () => {
    const topicId = logicalIdOf(observability.alarmTopic);
    template.resourceCountIs('AWS::SNS::Topic', 1);
    template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'admin@example.gov.vn',
      TopicArn: { Ref: topicId },
    });
    for (const a of alarms) {
      expect(a.Properties.AlarmActions).toEqual([{ Ref: topicId }]);
      expect(a.Properties.OKActions).toEqual([{ Ref: topicId }]);
    }
    expect(alarms.length).toBe(observability.alarms.length);
  });

  it('show the cycle’s progress, API latency and errors and the pipeline on one dashboard', () => {
    template.resourceCountIs('AWS::CloudWatch::Dashboard', 1);
    const dashboard = Object.values(template.findResources('AWS::CloudWatch::Dashboard'))[0]!;
    const body = JSON.stringify(dashboard.Properties.DashboardBody);
    for (const name of progressMetricNames) expect(body).toContain(`\\"${name}\\"`);
    expect(body).toContain('par-index-pipeline');
    for (const title of ['Cycle progress (units)', 'API latency (ms)', 'API requests and errors', 'Pipeline executions', 'Alarms'])
      expect(body).toContain(title);
    template.hasResourceProperties('AWS::CloudWatch::Dashboard', { DashboardBody: Match.anyValue() });
  });
});
