/**
 * Pipeline: the yearly state machine (STANDARD) from the one ASL file the local runner also runs
 * (`infra/pipeline/cycle.asl.json`), its task functions (house `AppFunction`s), logging and
 * tracing, and the EventBridge Scheduler schedule that starts it each year. Also the functions that
 * bucket events start (`shared/events.ts`: survey imports), each invoked by an EventBridge rule on
 * the data stack's bucket events.
 */
import { Arn, Duration, RemovalPolicy, Stack, TimeZone, Validations, type StackProps } from 'aws-cdk-lib';
import type { IUserPool } from 'aws-cdk-lib/aws-cognito';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { CfnSchedule, Schedule, ScheduleExpression, ScheduleTargetInput } from 'aws-cdk-lib/aws-scheduler';
import { StepFunctionsStartExecution } from 'aws-cdk-lib/aws-scheduler-targets';
import { DefinitionBody, LogLevel, StateMachine, StateMachineType } from 'aws-cdk-lib/aws-stepfunctions';
import type { Construct } from 'constructs';
import { bucketSubscriptions } from '../../shared/events.ts';
import { bucketDefinition, type BucketId } from '../../shared/store/resources.ts';
import type { StageConfig } from '../config.ts';
import { AppFunction } from '../constructs/app-function.ts';
import { acknowledgePattern } from '../nag.ts';
import { BucketSubscriptionFunction } from '../constructs/bucket-subscription.ts';
import { aslPath, pipelineTasks, substitutionOf, type PipelineTaskState } from '../pipeline/definition.ts';

export interface PipelineStackProps extends StackProps {
  readonly config: StageConfig;
  readonly table: ITable;
  readonly buckets: Readonly<Record<BucketId, IBucket>>;
  /** Reminders reach the pool's unit and appraiser users by e-mail. */
  readonly userPool: IUserPool;
}

/** Buckets a task reads (ConfirmPublication re-reads the published reports to check their checksums). */
const taskBuckets: Partial<Record<PipelineTaskState, { id: BucketId; access: 'read' }[]>> = {
  ConfirmPublication: [{ id: 'reports', access: 'read' }],
};

/**
 * When the schedule starts the year's execution: 1 November, 08:00 Vietnam time, after the cycle
 * is opened and before the self-assessment deadline (mid-December) the machine first waits for.
 */
export const yearlySchedule = { minute: '0', hour: '8', day: '1', month: '11' } as const;

export const pipelineFunctionSize = { memorySize: 1024, timeout: Duration.minutes(5) } as const;

export class PipelineStack extends Stack {
  readonly stateMachine: StateMachine;
  readonly functions: Readonly<Record<PipelineTaskState, AppFunction>>;
  readonly schedule: Schedule;
  /** One per entry of `bucketSubscriptions`, by its id. */
  readonly subscriptions: Readonly<Record<string, BucketSubscriptionFunction>>;
  /** The re-drive schedules of the subscriptions that declare one, by subscription id. */
  readonly redrives: Readonly<Record<string, CfnSchedule>>;

  constructor(scope: Construct, id: string, props: PipelineStackProps) {
    super(scope, id, props);
    const { config } = props;

    const functions = {} as Record<PipelineTaskState, AppFunction>;
    for (const task of pipelineTasks) {
      const fn = new AppFunction(this, `${task.state}Task`, {
        entry: task.handler,
        description: task.description,
        ...pipelineFunctionSize,
        serviceName: 'par-index-pipeline',
        metricsNamespace: `ParIndex/${config.stage}`,
      });
      fn.useTable(props.table, 'readWrite');
      for (const use of taskBuckets[task.state] ?? []) fn.useBucket(bucketDefinition(use.id), props.buckets[use.id], use.access);
      functions[task.state] = fn;
    }
    this.functions = functions;
    this.allowReminders(functions.SendReminders, props);
    // AwaitApproval resumes the machine itself when the council approved before it got there.
    this.allowCallback(functions.AwaitApproval);

    const logs = new LogGroup(this, 'StateMachineLogs', {
      retention: RetentionDays.ONE_YEAR,
      removalPolicy: config.ephemeral ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN,
    });
    this.stateMachine = new StateMachine(this, 'CycleStateMachine', {
      stateMachineType: StateMachineType.STANDARD,
      comment: `PAR Index yearly cycle (${config.stage})`,
      definitionBody: DefinitionBody.fromFile(aslPath),
      definitionSubstitutions: Object.fromEntries(pipelineTasks.map((t) => [substitutionOf(t.state), functions[t.state].functionArn])),
      logs: { destination: logs, level: LogLevel.ALL, includeExecutionData: true },
      tracingEnabled: true,
    });
    // The definition comes from a file, so CDK cannot see the tasks: invoke rights on exactly the
    // task functions (their unqualified ARNs, which the definition uses), no `:*` version wildcard.
    this.stateMachine.addToRolePolicy(
      new PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: pipelineTasks.map((t) => functions[t.state].functionArn) }),
    );
    Validations.of(this.stateMachine.role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'Step Functions logging (logs:CreateLogDelivery, PutResourcePolicy, DescribeLogGroups, ...) and X-Ray tracing ' +
        '(xray:PutTraceSegments, PutTelemetryRecords, GetSamplingRules) support no resource-level permissions.',
    });

    this.schedule = new Schedule(this, 'YearlyStart', {
      description: 'Starts the PAR Index cycle of the year; the execution waits for the cycle deadlines itself',
      schedule: ScheduleExpression.cron({ ...yearlySchedule, timeZone: TimeZone.ASIA_HO_CHI_MINH }),
      target: new StepFunctionsStartExecution(this.stateMachine, {
        // The machine takes the year from the time the schedule fired (YearFromSchedule state).
        input: ScheduleTargetInput.fromObject({ scheduledTime: '<aws.scheduler.scheduled-time>' }),
        retryAttempts: 10,
        maxEventAge: Duration.hours(24),
      }),
    });

    this.subscriptions = Object.fromEntries(
      bucketSubscriptions.map((subscription) => [
        subscription.id,
        new BucketSubscriptionFunction(this, `${subscription.id[0]!.toUpperCase()}${subscription.id.slice(1)}`, {
          subscription,
          table: props.table,
          buckets: props.buckets,
          serviceName: 'par-index-ingestion',
          metricsNamespace: `ParIndex/${config.stage}`,
        }),
      ]),
    );
    // The report function resumes the approval wait once the last council's reports are written.
    for (const subscription of bucketSubscriptions) {
      if (subscription.resumesPipeline) this.allowCallback(this.subscriptions[subscription.id]!.function);
    }
    this.redrives = Object.fromEntries(
      bucketSubscriptions.flatMap((subscription) => {
        const { redrive } = subscription;
        const wired = this.subscriptions[subscription.id];
        if (!redrive || !wired) return [];
        const name = `${subscription.id[0]!.toUpperCase()}${subscription.id.slice(1)}Redrive`;
        // Its own role, allowed to invoke exactly this function (the L2 target's grant adds every version, `:*`).
        const role = new Role(this, `${name}Role`, { assumedBy: new ServicePrincipal('scheduler.amazonaws.com') });
        role.addToPolicy(new PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: [wired.function.functionArn] }));
        const schedule = new CfnSchedule(this, name, {
          description: `Re-drives ${subscription.id}: takes up work whose events were spent (e.g. imports left running)`,
          scheduleExpression: `rate(${redrive.everyMinutes} minutes)`,
          flexibleTimeWindow: { mode: 'OFF' },
          state: 'ENABLED',
          target: {
            arn: wired.function.functionArn,
            roleArn: role.roleArn,
            input: JSON.stringify(redrive.event),
            // A missed re-drive is replaced by the next one.
            retryPolicy: { maximumRetryAttempts: 2, maximumEventAgeInSeconds: redrive.everyMinutes * 60 },
          },
        });
        return [[subscription.id, schedule]];
      }),
    );
  }

  /** SendReminders: the user pool's unit and appraiser groups, SES from the configured sender, the console link and offsets. */
  private allowReminders(fn: AppFunction, props: PipelineStackProps): void {
    const { config, userPool } = props;
    fn.addEnvironment('USER_POOL_ID', userPool.userPoolId);
    fn.addEnvironment('REMINDER_OFFSETS', config.reminderOffsets);
    if (config.consoleUrl) fn.addEnvironment('CONSOLE_URL', config.consoleUrl);
    fn.addToRolePolicy(new PolicyStatement({ actions: ['cognito-idp:ListUsersInGroup'], resources: [userPool.userPoolArn] }));
    if (!config.mailFrom) return;
    fn.addEnvironment('MAIL_FROM', config.mailFrom);
    // The sender's SES identities: the address itself or its verified domain.
    const identity = (name: string) => Arn.format({ service: 'ses', resource: 'identity', resourceName: name }, this);
    fn.addToRolePolicy(
      new PolicyStatement({
        actions: ['ses:SendEmail'],
        resources: [identity(config.mailFrom), identity(config.mailFrom.split('@')[1]!)],
      }),
    );
  }

  /**
   * Lets `fn` (the approval route) send the waiting execution its task token back. SendTaskSuccess
   * supports no resource-level permission (Service Authorization Reference): the token names the task.
   */
  allowCallback(fn: IFunction): void {
    fn.addToRolePolicy(new PolicyStatement({ actions: ['states:SendTaskSuccess'], resources: ['*'] }));
    Validations.of(fn.role ?? fn).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'X-Ray PutTraceSegments/PutTelemetryRecords (active tracing) and states:SendTaskSuccess (the approval resuming the ' +
        'yearly pipeline once the reports are written) support no resource-level permissions; the task token itself names the one waiting task.',
    });
  }

  /**
   * Lets `fn` (the admin's pipeline-status route) read the year's execution: DescribeExecution and
   * GetExecutionHistory on this state machine's executions, named by STATE_MACHINE_ARN.
   */
  allowStatusRead(fn: AppFunction): void {
    fn.addEnvironment('STATE_MACHINE_ARN', this.stateMachine.stateMachineArn);
    this.stateMachine.grantRead(fn);
    // The finding names this stack's state machine through a cross-stack reference: matched by pattern.
    acknowledgePattern(fn.role ?? fn, {
      pattern: '^AwsSolutions-IAM5\\[Resource::arn:<AWS::Partition>:states:<AWS::Region>:<AWS::AccountId>:execution:.+:\\*\\]$',
      reason: "The status route reads only this state machine's executions (grantRead); execution names are chosen at start time.",
    });
  }
}
