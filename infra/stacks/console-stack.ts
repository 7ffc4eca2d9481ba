/**
 * The web console in the cloud: the built files of web/dist in a private bucket behind CloudFront
 * (origin access control, HTTPS only, security headers with a strict Content-Security-Policy), and
 * `/config.json`, the settings the console reads at run time.
 *
 * Two stacks, so nothing depends on itself: the Cognito app client needs the console's URL
 * (callback) and the API's authorizer needs that client, so the site comes first
 * (ConsoleStack → AuthStack → ApiStack) and config.json, which names the API URL and the client,
 * last (ConsoleConfigStack). The console calls the API by CORS, restricted to its origin.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Aws, CfnOutput, Duration, RemovalPolicy, Stack, Validations, type StackProps } from 'aws-cdk-lib';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  PriceClass,
  ResponseHeadersPolicy,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import type { UserPool, UserPoolClient, UserPoolDomain } from 'aws-cdk-lib/aws-cognito';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, CacheControl, Source, type ISource } from 'aws-cdk-lib/aws-s3-deployment';
import type { Construct } from 'constructs';
import type { StageConfig } from '../config.ts';
import { acknowledgePattern } from '../nag.ts';

export const consoleDist = join(import.meta.dirname, '..', '..', 'web', 'dist');

export interface ConsoleStackProps extends StackProps {
  readonly config: StageConfig;
  /** The built console (default web/dist; `infra/app.ts` builds it before synth). */
  readonly consoleDir?: string;
}

/** What the console may load and call: itself, the region's API, S3 (evidence) and Cognito endpoints. */
export function contentSecurityPolicy(config: StageConfig): string {
  const region = Aws.REGION;
  const s3 = `https://*.s3.${region}.amazonaws.com`;
  const api = [`https://*.execute-api.${region}.amazonaws.com`, ...(config.domainName ? [`https://${config.domainName}`] : [])];
  const cognito = [`https://cognito-idp.${region}.amazonaws.com`, `https://*.auth.${region}.amazoncognito.com`];
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    `img-src 'self' data: ${s3}`,
    `frame-src ${s3}`,
    `connect-src 'self' ${[...api, s3, ...cognito].join(' ')}`,
    "object-src 'none'",
    "base-uri 'none'",
    `form-action 'self' ${cognito[1]}`,
    "frame-ancestors 'none'",
    'upgrade-insecure-requests',
  ].join('; ');
}

export class ConsoleStack extends Stack {
  readonly bucket: Bucket;
  readonly distribution: Distribution;
  /** `https://<distribution domain>`, without a trailing slash. */
  readonly url: string;

  constructor(scope: Construct, id: string, props: ConsoleStackProps) {
    super(scope, id, props);
    const { config } = props;
    const removal = config.ephemeral ? { removalPolicy: RemovalPolicy.DESTROY, autoDeleteObjects: true } : {};

    // CloudFront standard logs are written with ACLs, so this bucket keeps object ownership by the writer.
    const logs = new Bucket(this, 'AccessLogs', {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.OBJECT_WRITER,
      lifecycleRules: [{ expiration: Duration.days(365) }],
      ...removal,
    });
    Validations.of(logs).acknowledge({
      id: 'AwsSolutions-S1',
      reason: 'This is the access log bucket of the console (CloudFront and S3 logs); logging it into itself would loop.',
    });

    this.bucket = new Bucket(this, 'Files', {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      versioned: true,
      serverAccessLogsBucket: logs,
      serverAccessLogsPrefix: 'bucket/',
      // The files are rebuilt from the repository on every deploy: nothing here needs keeping.
      removalPolicy: RemovalPolicy.DESTROY,
      autoDeleteObjects: true,
    });

    const headers = new ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: `PAR Index console (${config.stage}): strict CSP, HSTS and friends`,
      securityHeadersBehavior: {
        contentSecurityPolicy: { contentSecurityPolicy: contentSecurityPolicy(config), override: true },
        strictTransportSecurity: { accessControlMaxAge: Duration.days(730), includeSubdomains: true, preload: true, override: true },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
        referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN, override: true },
        xssProtection: { protection: true, modeBlock: true, override: true },
      },
      customHeadersBehavior: {
        customHeaders: [{ header: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()', override: true }],
      },
    });

    this.distribution = new Distribution(this, 'Distribution', {
      comment: `PAR Index console (${config.stage})`,
      defaultRootObject: 'index.html',
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: headers,
        compress: true,
      },
      // The console's own routes (/don-vi/..., /tham-dinh) are index.html; S3 answers 403 for unknown keys.
      errorResponses: [403, 404].map((httpStatus) => ({
        httpStatus,
        responseHttpStatus: 200,
        responsePagePath: '/index.html',
        ttl: Duration.seconds(10),
      })),
      httpVersion: HttpVersion.HTTP2_AND_3,
      priceClass: PriceClass.PRICE_CLASS_200,
      enableLogging: true,
      logBucket: logs,
      logFilePrefix: 'cloudfront/',
    });
    Validations.of(this.distribution).acknowledge({
      id: 'AwsSolutions-CFR1',
      reason:
        'The console serves civil servants who travel and work abroad (training, delegations); sign-in with MFA protects it, not geography.',
    });
    Validations.of(this.distribution).acknowledge({
      id: 'AwsSolutions-CFR2',
      reason:
        'Static files only: no server code runs behind this distribution, and the API has its own throttling per route; a WAF web ACL is a paid add-on a stage can attach.',
    });
    Validations.of(this.distribution).acknowledge({
      id: 'AwsSolutions-CFR4',
      reason:
        'Without a custom console domain the distribution uses the *.cloudfront.net certificate, whose security policy CloudFront fixes (browsers negotiate TLS 1.2+ anyway); a custom domain with its certificate can set TLSv1.2_2021.',
    });

    const dir = props.consoleDir ?? consoleDist;
    const files = consoleFiles(this, dir);
    // Hashed assets never change under their name: cached for a year, and old ones kept for open tabs.
    if (files.assets) {
      new BucketDeployment(this, 'DeployAssets', {
        sources: [files.assets],
        destinationBucket: this.bucket,
        destinationKeyPrefix: 'assets/',
        prune: false,
        cacheControl: [CacheControl.fromString('public, max-age=31536000, immutable')],
        memoryLimit: 512,
      });
    }
    new BucketDeployment(this, 'DeployPages', {
      sources: [files.pages],
      destinationBucket: this.bucket,
      exclude: ['assets/*', 'config.json'],
      cacheControl: [CacheControl.noCache()],
      distribution: this.distribution,
      distributionPaths: ['/index.html', '/'],
      memoryLimit: 512,
    });
    acknowledgeDeploymentFunction(this);

    this.url = `https://${this.distribution.distributionDomainName}`;
    new CfnOutput(this, 'ConsoleUrl', { value: this.url });
  }
}

/** The built files; with bundling off (the infra tests), a placeholder page stands in when web/dist is absent. */
function consoleFiles(stack: Stack, dir: string): { pages: ISource; assets?: ISource } {
  if (existsSync(join(dir, 'index.html'))) {
    return {
      pages: Source.asset(dir, { exclude: ['assets/**'] }),
      assets: existsSync(join(dir, 'assets')) ? Source.asset(join(dir, 'assets')) : undefined,
    };
  }
  if (!stack.bundlingRequired) return { pages: Source.data('index.html', '<!doctype html><title>PAR Index</title>') };
  throw new Error(
    `The console is not built (${dir} has no index.html): run \`npm run console:build\`; \`npx cdk synth\` builds it itself.`,
  );
}

/** The deployment custom resource's function is CDK's own (one per stack); what cdk-nag says of it, and why it stays. */
function acknowledgeDeploymentFunction(stack: Stack): void {
  acknowledgePattern(stack, {
    pattern: '^AwsSolutions-IAM4\\[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole\\]$',
    reason:
      'The BucketDeployment custom resource function (CDK-provided) logs with the basic execution role; it runs only during deployments.',
  });
  acknowledgePattern(stack, {
    pattern: '^AwsSolutions-IAM5\\[(Action::s3:.+|Resource::.+)\\]$',
    reason:
      "The BucketDeployment function copies the build from CDK's asset bucket to the console bucket: CDK's grant names those two buckets' objects (bucket/*) and the S3 object actions.",
  });
  acknowledgePattern(stack, {
    pattern: '^AwsSolutions-L1$',
    reason: 'The BucketDeployment function runtime is chosen by aws-cdk-lib and moves with its upgrades; it runs only during deployments.',
  });
}

export interface ConsoleConfigStackProps extends StackProps {
  readonly config: StageConfig;
  readonly site: ConsoleStack;
  readonly api: HttpApi;
  readonly userPool: UserPool;
  readonly client: UserPoolClient;
  readonly loginDomain: UserPoolDomain;
}

/** `/config.json`: where the API is and how to sign in, written next to the console's files. */
export class ConsoleConfigStack extends Stack {
  constructor(scope: Construct, id: string, props: ConsoleConfigStackProps) {
    super(scope, id, props);
    const apiUrl = props.config.domainName ? `https://${props.config.domainName}` : props.api.apiEndpoint;
    new BucketDeployment(this, 'DeployConfig', {
      sources: [
        Source.jsonData('config.json', {
          apiUrl,
          auth: {
            kind: 'cognito',
            authority: `https://cognito-idp.${Aws.REGION}.amazonaws.com/${props.userPool.userPoolId}`,
            domainUrl: props.loginDomain.baseUrl(),
            clientId: props.client.userPoolClientId,
          },
        }),
      ],
      destinationBucket: props.site.bucket,
      prune: false,
      cacheControl: [CacheControl.noCache()],
      distribution: props.site.distribution,
      distributionPaths: ['/config.json'],
      memoryLimit: 256,
    });
    acknowledgeDeploymentFunction(this);
  }
}
