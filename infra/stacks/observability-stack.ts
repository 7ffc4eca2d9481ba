/**
 * Observability: alarms on server errors, latency and throttling, mailed through one topic, and a
 * dashboard of the API, the functions and the table.
 */
import { Duration, Stack, type StackProps } from 'aws-cdk-lib';
import type { HttpStage } from 'aws-cdk-lib/aws-apigatewayv2';
import { Alarm, ComparisonOperator, Dashboard, GraphWidget, TreatMissingData, type IMetric } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { Operation, type ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { Construct } from 'constructs';
import type { StageConfig } from '../config.ts';

export interface ObservabilityStackProps extends StackProps {
  readonly config: StageConfig;
  readonly stage: HttpStage;
  readonly functions: readonly IFunction[];
  readonly table: ITable;
}

/** Alarm thresholds, each over five minutes. */
export const alarmThresholds = {
  apiServerErrors: 5,
  apiLatencyP99Ms: 5000,
  functionThrottles: 1,
  tableThrottles: 1,
} as const;

const period = Duration.minutes(5);

/** The table operations the app uses (an alarm's math expression takes at most 10 metrics). */
const tableOperations = [
  Operation.GET_ITEM,
  Operation.BATCH_GET_ITEM,
  Operation.QUERY,
  Operation.SCAN,
  Operation.PUT_ITEM,
  Operation.UPDATE_ITEM,
  Operation.DELETE_ITEM,
  Operation.BATCH_WRITE_ITEM,
  Operation.TRANSACT_WRITE_ITEMS,
  Operation.TRANSACT_GET_ITEMS,
];

export class ObservabilityStack extends Stack {
  readonly alarmTopic: Topic;

  constructor(scope: Construct, id: string, props: ObservabilityStackProps) {
    super(scope, id, props);
    const { config, stage, functions, table } = props;

    // Alarm notifications carry no personal data; SSL-only publishing is enforced.
    this.alarmTopic = new Topic(this, 'Alarms', { displayName: `PAR Index alarms (${config.stage})`, enforceSSL: true });
    if (config.alarmEmail) this.alarmTopic.addSubscription(new EmailSubscription(config.alarmEmail));
    const notify = new SnsAction(this.alarmTopic);

    const alarm = (alarmId: string, metric: IMetric, threshold: number, description: string) => {
      const created = new Alarm(this, alarmId, {
        metric,
        threshold,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
        alarmDescription: description,
      });
      created.addAlarmAction(notify);
      created.addOkAction(notify);
      return created;
    };

    alarm(
      'ApiServerErrors',
      stage.metricServerError({ period, statistic: 'Sum' }),
      alarmThresholds.apiServerErrors,
      'The API answered 5xx at least this many times in five minutes.',
    );
    alarm(
      'ApiLatency',
      stage.metricLatency({ period, statistic: 'p99' }),
      alarmThresholds.apiLatencyP99Ms,
      'The slowest 1% of API requests took longer than this (ms).',
    );
    alarm(
      'TableThrottles',
      table.metricThrottledRequestsForOperations({ period, operations: tableOperations }),
      alarmThresholds.tableThrottles,
      'DynamoDB throttled requests of the table.',
    );
    for (const fn of functions) {
      alarm(
        `${fn.node.id}Throttles`,
        fn.metricThrottles({ period, statistic: 'Sum' }),
        alarmThresholds.functionThrottles,
        `Lambda throttled ${fn.node.id}.`,
      );
    }

    new Dashboard(this, 'Dashboard', {
      defaultInterval: Duration.hours(24),
      widgets: [
        [
          new GraphWidget({
            title: 'API requests and errors',
            left: [stage.metricCount({ period, statistic: 'Sum' })],
            right: [stage.metricClientError({ period, statistic: 'Sum' }), stage.metricServerError({ period, statistic: 'Sum' })],
            width: 12,
          }),
          new GraphWidget({
            title: 'API latency (ms)',
            left: [stage.metricLatency({ period, statistic: 'p50' }), stage.metricLatency({ period, statistic: 'p99' })],
            width: 12,
          }),
        ],
        [
          new GraphWidget({
            title: 'Function errors',
            left: functions.map((f) => f.metricErrors({ period, label: f.node.id })),
            width: 12,
          }),
          new GraphWidget({
            title: 'Function duration p99 (ms)',
            left: functions.map((f) => f.metricDuration({ period, statistic: 'p99', label: f.node.id })),
            width: 12,
          }),
        ],
        [
          new GraphWidget({
            title: 'Table capacity consumed',
            left: [table.metricConsumedReadCapacityUnits({ period }), table.metricConsumedWriteCapacityUnits({ period })],
            width: 12,
          }),
          new GraphWidget({
            title: 'Table throttled requests',
            left: [table.metricThrottledRequestsForOperations({ period, operations: tableOperations })],
            width: 12,
          }),
        ],
      ],
    });
  }
}
