/**
 * One bucket subscription of `shared/events.ts` in the cloud: the handler as a house `AppFunction`
 * with the subscription's memory, timeout, heap cap, reserved concurrency and async retries, a
 * dead-letter queue for the events it gives up on, and the EventBridge rule that invokes it.
 *
 * The bucket (data stack) sends its events to EventBridge (`eventBridgeEnabled` there) and the rule
 * lives next to the function. An S3 notification to this function instead would make the data
 * stack refer to a function of a later stack, which itself refers to the bucket: a dependency cycle.
 * Everything here is read from the subscription; nothing is repeated.
 */
import { Duration, Validations } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Match, Rule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { BucketSubscription } from '../../shared/events.ts';
import { bucketDefinition, type BucketId } from '../../shared/store/resources.ts';
import { AppFunction } from './app-function.ts';

/** The EventBridge detail type S3 sends for each notification event type of `shared/events.ts`. */
export const eventBridgeDetailTypes: Record<BucketSubscription['events'][number], string> = {
  's3:ObjectCreated:*': 'Object Created',
  's3:ObjectRemoved:*': 'Object Deleted',
};

/** How long a failed event waits in the dead-letter queue (SQS's maximum). */
export const deadLetterRetention = Duration.days(14);

export interface BucketSubscriptionFunctionProps {
  readonly subscription: BucketSubscription;
  readonly table: ITable;
  readonly buckets: Readonly<Record<BucketId, IBucket>>;
  readonly serviceName: string;
  readonly metricsNamespace: string;
}

export class BucketSubscriptionFunction extends Construct {
  readonly function: AppFunction;
  readonly deadLetterQueue: Queue;
  readonly rule: Rule;

  constructor(scope: Construct, id: string, props: BucketSubscriptionFunctionProps) {
    super(scope, id);
    const { subscription } = props;
    const bucket = props.buckets[subscription.bucket];

    this.function = new AppFunction(this, 'Function', {
      entry: subscription.handler,
      description: `${subscription.id}: ${subscription.events.join(', ')} in the ${subscription.bucket} bucket under ${subscription.prefix}`,
      memorySize: subscription.memoryMb,
      timeout: Duration.seconds(subscription.timeoutSeconds),
      maxOldSpaceMb: subscription.maxOldSpaceMb,
      reservedConcurrency: subscription.reservedConcurrency,
      serviceName: props.serviceName,
      metricsNamespace: props.metricsNamespace,
    });
    this.function.useTable(props.table, 'readWrite');
    for (const read of subscription.reads) {
      if (!subscription.writes?.includes(read)) this.function.useBucket(bucketDefinition(read), props.buckets[read], 'read');
    }
    for (const write of subscription.writes ?? []) {
      this.function.useBucket(bucketDefinition(write), props.buckets[write], subscription.reads.includes(write) ? 'readWrite' : 'write');
    }

    // Events the function still fails after its retries (or that wait longer than maxEventAge),
    // and events EventBridge cannot deliver to it at all, end up here with their original payload.
    this.deadLetterQueue = new Queue(this, 'DeadLetters', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: deadLetterRetention,
    });
    Validations.of(this.deadLetterQueue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason:
        `This queue is itself the dead-letter queue of the ${subscription.id} function (its async on-failure destination ` +
        'and the EventBridge target DLQ); a dead-letter queue of a dead-letter queue would only move the same messages again.',
    });

    this.function.configureAsyncInvoke({
      retryAttempts: subscription.retryAttempts,
      maxEventAge: Duration.seconds(subscription.maxEventAgeSeconds),
      onFailure: new SqsDestination(this.deadLetterQueue),
    });

    this.rule = new Rule(this, 'Rule', {
      description: `Invokes ${subscription.id} on ${subscription.events.join(', ')} in the ${subscription.bucket} bucket under ${subscription.prefix}`,
      eventPattern: {
        source: ['aws.s3'],
        detailType: subscription.events.map((e) => eventBridgeDetailTypes[e]),
        detail: {
          bucket: { name: [bucket.bucketName] },
          object: { key: Match.prefix(subscription.prefix) },
        },
      },
      targets: [new LambdaFunction(this.function, { deadLetterQueue: this.deadLetterQueue })],
    });
  }
}
