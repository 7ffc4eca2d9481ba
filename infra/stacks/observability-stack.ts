/**
 * Observability: alarms on server errors, latency and throttling, every function's errors and
 * throttles, the dead-letter queues, the ingestion's event age and the yearly state machine, mailed
 * through one topic to the admin; a dashboard of the cycle's progress, the API, the functions, the
 * pipeline and the table. README "Runbook" says what each alarm means and what to do.
 */
import { Duration, Stack, type StackProps } from 'aws-cdk-lib';
import type { HttpStage } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  Alarm,
  AlarmStatusWidget,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  Metric,
  SingleValueWidget,
  TreatMissingData,
  type IMetric,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { Operation, type ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { Construct } from 'constructs';
import type { StageConfig } from '../config.ts';
import type { PipelineStack } from './pipeline-stack.ts';

export interface ObservabilityStackProps extends StackProps {
  readonly config: StageConfig;
  readonly stage: HttpStage;
  readonly functions: readonly IFunction[];
  readonly table: ITable;
  /** The yearly state machine, its task functions and the bucket subscriptions (ingestion) with their dead-letter queues. */
  readonly pipeline: Pick<PipelineStack, 'stateMachine' | 'functions' | 'subscriptions'>;
}

/** Alarm thresholds, each over five minutes. */
export const alarmThresholds = {
  apiServerErrors: 5,
  apiLatencyP99Ms: 5000,
  functionThrottles: 1,
  functionErrors: 1,
  tableThrottles: 1,
  deadLetters: 1,
  /** An upload event older than this (ms) has waited through Lambda's async retries. */
  ingestionEventAgeMs: 30 * 60_000,
  /** A dead-lettered import still not re-driven after this long (s). */
  deadLetterAgeSeconds: 24 * 3600,
  executionsFailed: 1,
  executionsTimedOut: 1,
} as const;

/** The cycle's progress, emitted by the pipeline tasks with Powertools metrics (service par-index-pipeline). */
export const progressMetricNames = ['UnitsTotal', 'UnitsSubmitted', 'UnitsAppraised', 'UnitsPublished'] as const;

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
  readonly alarms: Alarm[] = [];
  readonly dashboard: Dashboard;

  constructor(scope: Construct, id: string, props: ObservabilityStackProps) {
    super(scope, id, props);
    const { config, stage, functions, table, pipeline } = props;

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
      this.alarms.push(created);
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
    // Every function: the API's under their route ids, the pipeline's tasks, the ingestion functions.
    const pipelineFunctions = Object.values(pipeline.functions);
    const subscriptions = Object.entries(pipeline.subscriptions);
    const allFunctions: { name: string; fn: IFunction }[] = [
      ...functions.map((fn) => ({ name: fn.node.id, fn })),
      ...pipelineFunctions.map((fn) => ({ name: fn.node.id, fn })),
      ...subscriptions.map(([id, s]) => ({ name: `${id}Function`, fn: s.function as IFunction })),
    ];
    const perFunction = new Set<Alarm>();
    for (const { name, fn } of allFunctions) {
      perFunction.add(
        alarm(
          `${name}Throttles`,
          fn.metricThrottles({ period, statistic: 'Sum' }),
          alarmThresholds.functionThrottles,
          `Lambda throttled ${name}.`,
        ),
      );
      const errors = alarm(
        `${name}Errors`,
        fn.metricErrors({ period, statistic: 'Sum' }),
        alarmThresholds.functionErrors,
        `${name} failed (an uncaught error or a timeout) in the last five minutes.`,
      );
      perFunction.add(errors);
    }
    for (const [id, s] of subscriptions) {
      alarm(
        `${id}DeadLetters`,
        s.deadLetterQueue.metricApproximateNumberOfMessagesVisible({ period, statistic: 'Maximum' }),
        alarmThresholds.deadLetters,
        `An upload event of ${id} failed every retry and waits in its dead-letter queue: re-drive it (README, Runbook).`,
      );
      alarm(
        `${id}DeadLetterAge`,
        s.deadLetterQueue.metricApproximateAgeOfOldestMessage({ period, statistic: 'Maximum' }),
        alarmThresholds.deadLetterAgeSeconds,
        `A dead-lettered upload event of ${id} has waited a day without being re-driven.`,
      );
      alarm(
        `${id}EventAge`,
        s.function.metric('AsyncEventAge', { period, statistic: 'Maximum' }),
        alarmThresholds.ingestionEventAgeMs,
        `Upload events of ${id} wait longer than 30 minutes for the ingestion (retries or throttling).`,
      );
    }
    alarm(
      'PipelineExecutionsFailed',
      pipeline.stateMachine.metricFailed({ period, statistic: 'Sum' }),
      alarmThresholds.executionsFailed,
      'An execution of the yearly pipeline failed: read the failure record and restart it (README, Runbook).',
    );
    alarm(
      'PipelineExecutionsTimedOut',
      pipeline.stateMachine.metricTimedOut({ period, statistic: 'Sum' }),
      alarmThresholds.executionsTimedOut,
      'An execution of the yearly pipeline timed out.',
    );

    const progress = (metricName: string) =>
      new Metric({
        namespace: `ParIndex/${config.stage}`,
        metricName,
        dimensionsMap: { service: 'par-index-pipeline' },
        statistic: 'Maximum',
        period: Duration.hours(1),
      });
    const pipelineMetrics = [
      pipeline.stateMachine.metricStarted({ period, statistic: 'Sum' }),
      pipeline.stateMachine.metricSucceeded({ period, statistic: 'Sum' }),
      pipeline.stateMachine.metricFailed({ period, statistic: 'Sum' }),
      pipeline.stateMachine.metricTimedOut({ period, statistic: 'Sum' }),
    ];

    this.dashboard = new Dashboard(this, 'Dashboard', {
      defaultInterval: Duration.hours(24),
      widgets: [
        [
          new SingleValueWidget({ title: 'Cycle progress (units)', metrics: progressMetricNames.map(progress), width: 12 }),
          new GraphWidget({ title: 'Cycle progress over time', left: progressMetricNames.map(progress), width: 12 }),
        ],
        [
          // The per-function alarms are many (two per route); the widget shows the others.
          new AlarmStatusWidget({ title: 'Alarms', alarms: this.alarms.filter((a) => !perFunction.has(a)), width: 24 }),
        ],
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
          new GraphWidget({ title: 'Pipeline executions', left: pipelineMetrics, width: 12 }),
          new GraphWidget({
            title: 'Pipeline and ingestion errors; dead letters',
            left: allFunctions.slice(functions.length).map(({ name, fn }) => fn.metricErrors({ period, label: name })),
            right: subscriptions.map(([id, s]) =>
              s.deadLetterQueue.metricApproximateNumberOfMessagesVisible({ period, statistic: 'Maximum', label: `${id} dead letters` }),
            ),
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
