import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { bucketDefinitions, tableDefinition } from '../../shared/store/resources.ts';
import { buildStage, logicalIdOf } from './support.ts';

const keyDefinitions = () => {
  const attributes = new Map<string, string>();
  const add = (k: { name: string; type: string }) => attributes.set(k.name, k.type);
  add(tableDefinition.partitionKey);
  add(tableDefinition.sortKey);
  for (const index of tableDefinition.globalSecondaryIndexes) {
    add(index.partitionKey);
    add(index.sortKey);
  }
  return [...attributes].map(([AttributeName, AttributeType]) => ({ AttributeName, AttributeType }));
};

describe('data stack (default stage)', () => {
  const built = buildStage({ allowedOrigins: 'https://par.example.gov.vn', reportRetentionDays: '400' });
  const template = built.template(built.stage.data);

  it('declares the table from tableDefinition: keys, GSI, on-demand, PITR, TTL, AWS-managed encryption', () => {
    template.resourceCountIs('AWS::DynamoDB::Table', 1);
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      KeySchema: [
        { AttributeName: tableDefinition.partitionKey.name, KeyType: 'HASH' },
        { AttributeName: tableDefinition.sortKey.name, KeyType: 'RANGE' },
      ],
      AttributeDefinitions: Match.arrayEquals(keyDefinitions()),
      GlobalSecondaryIndexes: tableDefinition.globalSecondaryIndexes.map((index) => ({
        IndexName: index.indexName,
        KeySchema: [
          { AttributeName: index.partitionKey.name, KeyType: 'HASH' },
          { AttributeName: index.sortKey.name, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      })),
      BillingMode: 'PAY_PER_REQUEST',
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      DeletionProtectionEnabled: true,
      SSESpecification: { SSEEnabled: true },
      TimeToLiveSpecification: { AttributeName: tableDefinition.timeToLiveAttribute, Enabled: true },
    });
  });

  it('keeps the table and every bucket when the stack is deleted', () => {
    template.hasResource('AWS::DynamoDB::Table', { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
    const buckets = template.findResources('AWS::S3::Bucket');
    expect(Object.keys(buckets)).toHaveLength(bucketDefinitions.length + 1); // + the access-log bucket
    for (const bucket of Object.values(buckets)) expect(bucket.DeletionPolicy).toBe('Retain');
    template.resourceCountIs('Custom::S3AutoDeleteObjects', 0);
  });

  it.each(bucketDefinitions)('$id bucket: private, versioned, encrypted, SSL-only, access-logged', (def) => {
    const logicalId = logicalIdOf(built.stage.data.buckets[def.id]);
    const bucket = template.findResources('AWS::S3::Bucket')[logicalId]!;
    expect(bucket.Properties).toMatchObject({
      VersioningConfiguration: { Status: 'Enabled' },
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
      LoggingConfiguration: { DestinationBucketName: { Ref: expect.stringMatching(/^AccessLogs/) }, LogFilePrefix: `${def.id}/` },
    });
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: logicalId },
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Action: 's3:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
    if (def.browserUploads) {
      expect(bucket.Properties.CorsConfiguration).toEqual({
        CorsRules: [
          {
            AllowedMethods: ['POST'],
            AllowedOrigins: ['https://par.example.gov.vn'],
            AllowedHeaders: ['*'],
            ExposedHeaders: ['ETag'],
            MaxAge: 3000,
          },
        ],
      });
    } else {
      expect(bucket.Properties.CorsConfiguration).toBeUndefined();
    }
    if (def.objectLock) {
      expect(bucket.Properties.ObjectLockEnabled).toBe(true);
      expect(bucket.Properties.ObjectLockConfiguration).toEqual({
        ObjectLockEnabled: 'Enabled',
        Rule: { DefaultRetention: { Mode: 'GOVERNANCE', Days: 400 } },
      });
    } else {
      expect(bucket.Properties.ObjectLockEnabled).toBeUndefined();
    }
  });

  it('outputs the table and bucket names', () => {
    const outputs = Object.keys(template.findOutputs('*'));
    expect(outputs).toEqual(expect.arrayContaining(['TableName', ...bucketDefinitions.map((b) => `${b.id}BucketName`)]));
  });
});

describe('data stack (ephemeral stage)', () => {
  const built = buildStage({ stage: 'pr42', ephemeral: 'true' });
  const template = built.template(built.stage.data);

  it('destroys the table and empties the buckets on delete, except locked reports', () => {
    template.hasResourceProperties('AWS::DynamoDB::Table', { DeletionProtectionEnabled: false });
    template.hasResource('AWS::DynamoDB::Table', { DeletionPolicy: 'Delete' });
    const locked = bucketDefinitions.filter((b) => b.objectLock).map((b) => b.id);
    for (const def of bucketDefinitions) {
      const logicalId = logicalIdOf(built.stage.data.buckets[def.id]);
      const bucket = template.findResources('AWS::S3::Bucket')[logicalId]!;
      expect(bucket.DeletionPolicy).toBe(locked.includes(def.id) ? 'Retain' : 'Delete');
    }
    template.resourceCountIs('Custom::S3AutoDeleteObjects', bucketDefinitions.length + 1 - locked.length);
  });
});
