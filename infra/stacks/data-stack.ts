/**
 * Data: the single table and the buckets, declared from `shared/store/resources.ts` (the same
 * definitions the local runtime creates its table and buckets from).
 */
import { CfnOutput, Duration, RemovalPolicy, Stack, Validations, type StackProps } from 'aws-cdk-lib';
import { AttributeType, BillingMode, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  CfnBucket,
  HttpMethods,
  ObjectLockRetention,
  type BucketProps,
} from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { bucketSubscriptions } from '../../shared/events.ts';
import { bucketDefinitions, tableDefinition, type BucketId, type KeyType } from '../../shared/store/resources.ts';
import type { StageConfig } from '../config.ts';

export interface DataStackProps extends StackProps {
  readonly config: StageConfig;
}

const attributeType: Record<KeyType, AttributeType> = { S: AttributeType.STRING, N: AttributeType.NUMBER };

export class DataStack extends Stack {
  readonly table: Table;
  readonly buckets: Readonly<Record<BucketId, Bucket>>;

  constructor(scope: Construct, id: string, props: DataStackProps) {
    super(scope, id, props);
    const { config } = props;
    const removalPolicy = config.ephemeral ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN;

    this.table = new Table(this, 'Table', {
      partitionKey: { name: tableDefinition.partitionKey.name, type: attributeType[tableDefinition.partitionKey.type] },
      sortKey: { name: tableDefinition.sortKey.name, type: attributeType[tableDefinition.sortKey.type] },
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: !config.ephemeral,
      encryption: TableEncryption.AWS_MANAGED,
      timeToLiveAttribute: tableDefinition.timeToLiveAttribute,
      removalPolicy,
    });
    for (const index of tableDefinition.globalSecondaryIndexes) {
      this.table.addGlobalSecondaryIndex({
        indexName: index.indexName,
        partitionKey: { name: index.partitionKey.name, type: attributeType[index.partitionKey.type] },
        sortKey: { name: index.sortKey.name, type: attributeType[index.sortKey.type] },
      });
    }
    new CfnOutput(this, 'TableName', { value: this.table.tableName });

    const common = {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      removalPolicy,
      autoDeleteObjects: config.ephemeral,
    } as const satisfies BucketProps;

    const accessLogs = new Bucket(this, 'AccessLogs', {
      ...common,
      lifecycleRules: [{ expiration: Duration.days(365) }],
    });
    Validations.of(accessLogs).acknowledge({
      id: 'AwsSolutions-S1',
      reason: 'This is the server access log bucket of the stage; logging it into itself would loop.',
    });

    const buckets: Partial<Record<BucketId, Bucket>> = {};
    for (const def of bucketDefinitions) {
      const bucket = new Bucket(this, `${def.id[0]!.toUpperCase()}${def.id.slice(1)}Bucket`, {
        ...common,
        versioned: true,
        serverAccessLogsBucket: accessLogs,
        serverAccessLogsPrefix: `${def.id}/`,
        lifecycleRules: [{ abortIncompleteMultipartUploadAfter: Duration.days(7) }],
        cors: def.browserUploads
          ? [
              {
                allowedMethods: [HttpMethods.POST],
                allowedOrigins: [...config.allowedOrigins],
                allowedHeaders: ['*'],
                exposedHeaders: ['ETag'],
                maxAge: 3000,
              },
            ]
          : undefined,
        ...(def.objectLock
          ? {
              objectLockEnabled: true,
              objectLockDefaultRetention: ObjectLockRetention.governance(Duration.days(config.reportRetentionDays)),
              // Locked objects cannot be emptied by CloudFormation, so this bucket outlives even an
              // ephemeral stage: published reports are immutable by design.
              removalPolicy: RemovalPolicy.RETAIN,
              autoDeleteObjects: false,
            }
          : {}),
      });
      if (bucketSubscriptions.some((s) => s.bucket === def.id)) {
        // Its events go to EventBridge, where the subscribed functions' rules pick them up (they
        // live in later stacks: an S3 notification to them would be a cross-stack cycle). Set on
        // the bucket itself rather than through `eventBridgeEnabled`, which adds a custom resource
        // and its Lambda to do what CloudFormation does natively. (Were `addEventNotification`
        // ever used on this bucket, its custom resource would replace this configuration.)
        (bucket.node.defaultChild as CfnBucket).notificationConfiguration = {
          eventBridgeConfiguration: { eventBridgeEnabled: true },
        };
      }
      buckets[def.id] = bucket;
      new CfnOutput(this, `${def.id}BucketName`, { value: bucket.bucketName });
    }
    this.buckets = buckets as Record<BucketId, Bucket>;
  }
}
