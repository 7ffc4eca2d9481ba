/**
 * The house Lambda construct: every function of the app is an `AppFunction`. It fixes the runtime,
 * the bundling, logging and tracing in one place, and gives one call per resource that both sets
 * the environment variable the handler reads and grants exactly the access it needs.
 */
import { fileURLToPath } from 'node:url';
import { isAbsolute, join } from 'node:path';
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat, type BundlingOptions } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import type { BuildOptions } from 'esbuild';
import { tableDefinition, type BucketDefinition } from '../../shared/store/resources.ts';
import { acknowledgePattern } from '../nag.ts';

/** The project root: handler paths in the route table are relative to it. */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

export const appRuntime = Runtime.NODEJS_22_X;
export const appArchitecture = Architecture.ARM_64;

/** Lambda bundles resolve the SDK's default credential chain to the environment-only provider. */
export const lambdaCredentialsShim = join(repoRoot, 'infra/constructs/lambda-credentials.ts');

/**
 * The one bundling configuration. `NodejsFunction` receives it as is; the bundle test and the
 * bundle benchmark turn it into esbuild options with `esbuildOptionsFor` and import the result.
 *
 * Source maps: external `.map` files (no sources inlined), and NO `--enable-source-maps` at run
 * time. Measured with `npm run bench -- bundles` (fresh-process import, median of 7, same run):
 * the flag makes Node read and parse the map while it loads the module: +15-20 % on a plain API
 * handler (getUnit 82 -> 96 ms) and 1.8-2.7x on the report and ingestion bundles
 * (approveResults 193 -> 522 ms, survey ingestion 257 -> 500 ms). Without the flag the map is
 * never read and costs nothing but zip bytes. A stack trace in the logs then names minified
 * positions: map it afterwards with the function's `index.mjs.map` from `cdk.out`, or set
 * NODE_OPTIONS=--enable-source-maps on the one function being debugged. Every clerk pays the
 * cold start every morning; a readable trace is needed rarely and can be had later.
 */
export const appBundling = {
  format: OutputFormat.ESM,
  target: 'node22',
  mainFields: ['module', 'main'],
  minify: true,
  sourceMap: true,
  sourcesContent: false,
  // Nothing external: the AWS SDK v3 is bundled (NODEJS_22_X would otherwise leave it out).
  externalModules: [],
  // CommonJS dependencies call `require`, which ESM lacks.
  banner: "import { createRequire as __houseCreateRequire } from 'node:module';const require = __houseCreateRequire(import.meta.url);",
  esbuildArgs: { '--alias': [`@aws-sdk/credential-provider-node=${lambdaCredentialsShim}`] },
} as const satisfies BundlingOptions;

/** The esbuild options that `NodejsFunction` derives from `appBundling` (its CLI flags, as the JS API). */
export function esbuildOptionsFor(entry: string, outfile: string): BuildOptions {
  return {
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: appBundling.format,
    target: appBundling.target,
    mainFields: [...appBundling.mainFields],
    minify: appBundling.minify,
    sourcemap: appBundling.sourceMap,
    sourcesContent: appBundling.sourcesContent,
    external: [...appBundling.externalModules],
    banner: { js: appBundling.banner },
    alias: Object.fromEntries(appBundling.esbuildArgs['--alias'].map((a) => a.split('=') as [string, string])),
  };
}

export type TableAccess = 'read' | 'readWrite';
export type BucketAccess = 'read' | 'write' | 'readWrite';

const readTable = [
  'dynamodb:GetItem',
  'dynamodb:BatchGetItem',
  'dynamodb:Query',
  'dynamodb:Scan',
  'dynamodb:ConditionCheckItem',
  'dynamodb:DescribeTable',
];
const writeTable = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'];
/** Table data actions (transactions are authorised per item action). */
export const tableActions: Record<TableAccess, string[]> = { read: readTable, readWrite: [...readTable, ...writeTable] };

const readObjects = ['s3:GetObject', 's3:GetObjectAttributes'];
const writeObjects = ['s3:PutObject'];
/** Object actions on `<bucket>/*` and bucket actions on the bucket itself. */
export const bucketActions: Record<BucketAccess, { objects: string[]; bucket: string[] }> = {
  read: { objects: readObjects, bucket: ['s3:ListBucket'] },
  write: { objects: writeObjects, bucket: [] },
  readWrite: { objects: [...readObjects, ...writeObjects], bucket: ['s3:ListBucket'] },
};

/** NODE_OPTIONS of a function: the heap cap when one is given (no source maps: see `appBundling`). */
export function nodeOptions(props: Pick<AppFunctionProps, 'maxOldSpaceMb'>): string | undefined {
  return props.maxOldSpaceMb === undefined ? undefined : `--max-old-space-size=${props.maxOldSpaceMb}`;
}

export interface AppFunctionProps {
  /** Handler module, absolute or relative to the project root; it exports `handler`. */
  readonly entry: string;
  readonly description?: string;
  readonly memorySize: number;
  readonly timeout: Duration;
  /** Powertools service name and metrics namespace. */
  readonly serviceName: string;
  readonly metricsNamespace: string;
  /** V8's old-space limit in MB (`--max-old-space-size` in NODE_OPTIONS); unset, V8 sizes it from the memory. */
  readonly maxOldSpaceMb?: number;
  /** Reserved concurrency: at most this many invocations at a time (queued async events wait). */
  readonly reservedConcurrency?: number;
}

export class AppFunction extends NodejsFunction {
  constructor(scope: Construct, id: string, props: AppFunctionProps) {
    // Log group and role are created first (siblings named after the function) so the function
    // gets them as props: an explicit log group with retention instead of the `logRetention`
    // singleton, and a role that may write only to that log group (no AWS managed policy).
    const logGroup = new LogGroup(scope, `${id}Logs`, {
      retention: RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const role = new Role(scope, `${id}Role`, {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Execution role of ${id}`,
    });
    logGroup.grantWrite(role);

    super(scope, id, {
      entry: isAbsolute(props.entry) ? props.entry : join(repoRoot, props.entry),
      handler: 'handler',
      projectRoot: repoRoot,
      depsLockFilePath: join(repoRoot, 'package-lock.json'),
      description: props.description,
      runtime: appRuntime,
      architecture: appArchitecture,
      memorySize: props.memorySize,
      timeout: props.timeout,
      bundling: appBundling,
      logGroup,
      role,
      tracing: Tracing.ACTIVE,
      reservedConcurrentExecutions: props.reservedConcurrency,
      environment: {
        POWERTOOLS_SERVICE_NAME: props.serviceName,
        POWERTOOLS_METRICS_NAMESPACE: props.metricsNamespace,
        ...(nodeOptions(props) ? { NODE_OPTIONS: nodeOptions(props)! } : {}),
      },
    });

    Validations.of(this).acknowledge({
      id: 'AwsSolutions-L1',
      reason:
        'nodejs22.x is pinned on purpose: the local runtime and CI run Node 20/22 and esbuild targets node22; ' +
        'moving to a newer runtime is a deliberate upgrade of the whole toolchain, not a drift.',
    });
    Validations.of(role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason: 'X-Ray PutTraceSegments and PutTelemetryRecords support no resource-level permissions (active tracing).',
    });
  }

  /**
   * Sets the table's environment variable and grants data access on the table and on each of its
   * indexes by name (from `tableDefinition`, so no `index/*` wildcard).
   */
  useTable(table: ITable, access: TableAccess): this {
    this.addEnvironment(tableDefinition.envVar, table.tableName);
    this.addToRolePolicy(
      new PolicyStatement({
        actions: tableActions[access],
        resources: [table.tableArn, ...tableDefinition.globalSecondaryIndexes.map((index) => `${table.tableArn}/index/${index.indexName}`)],
      }),
    );
    return this;
  }

  /**
   * Sets the bucket's environment variable and grants object access: `read` for downloads and
   * size/checksum checks (with ListBucket, so a missing object is a 404, not a 403), `write` for
   * presigned uploads and published files. Nothing is ever granted to delete.
   */
  useBucket(definition: BucketDefinition, bucket: IBucket, access: BucketAccess): this {
    this.addEnvironment(definition.envVar, bucket.bucketName);
    const actions = bucketActions[access];
    this.addToRolePolicy(new PolicyStatement({ actions: [...actions.objects], resources: [bucket.arnForObjects('*')] }));
    if (actions.bucket.length > 0) {
      this.addToRolePolicy(new PolicyStatement({ actions: [...actions.bucket], resources: [bucket.bucketArn] }));
    }
    acknowledgePattern(this.role ?? this, {
      pattern: '^AwsSolutions-IAM5\\[Resource::.+/\\*\\]$',
      reason:
        `Object keys in the ${definition.id} bucket are generated by the server per request, so the function's ` +
        `${actions.objects.join('/')} rights cover the bucket's objects (<bucket>/*); it has no other wildcard.`,
    });
    return this;
  }
}
