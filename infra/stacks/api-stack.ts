/**
 * API: the HTTP API, its JWT authorizer and one `AppFunction` per entry of the shared route table.
 * Everything route-specific comes from `shared/routes.ts`; role and scope checks happen in the
 * handlers (they read the same table), API Gateway only verifies the token.
 */
import { CfnOutput, Duration, RemovalPolicy, Stack, Validations, type StackProps } from 'aws-cdk-lib';
import { Certificate, CertificateValidation } from 'aws-cdk-lib/aws-certificatemanager';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  CfnStage,
  CorsHttpMethod,
  DomainName,
  HttpApi,
  HttpMethod,
  HttpNoneAuthorizer,
  HttpStage,
  LogGroupLogDestination,
  type HttpRoute,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpUserPoolAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { UserPool, UserPoolClient } from 'aws-cdk-lib/aws-cognito';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { routeList, type RouteDefinition } from '../../shared/routes.ts';
import { bucketDefinition, type BucketId } from '../../shared/store/resources.ts';
import type { StageConfig } from '../config.ts';
import { AppFunction } from '../constructs/app-function.ts';

export interface ApiStackProps extends StackProps {
  readonly config: StageConfig;
  readonly table: ITable;
  readonly buckets: Readonly<Record<BucketId, IBucket>>;
  readonly userPool: UserPool;
  readonly userPoolClient: UserPoolClient;
  /** The web console's origin (`https://…`): the one browser origin CORS admits besides `allowedOrigins`. */
  readonly consoleOrigin?: string;
  /** Defaults to the shared route table; tests pass their own to exercise every kind of route. */
  readonly routes?: readonly (RouteDefinition & { readonly id: string })[];
}

/** Lambda sizing per route `size` (API Gateway HTTP APIs time out after 30 s). */
export const functionSizes = {
  small: { memorySize: 512, timeout: Duration.seconds(10) },
  large: { memorySize: 1024, timeout: Duration.seconds(29) },
} as const;

/** Requests per second for the whole stage, and tighter for routes anyone can call. */
export const throttling = {
  stage: { rateLimit: 50, burstLimit: 100 },
  publicRoute: { rateLimit: 10, burstLimit: 20 },
} as const;

export const serviceName = 'par-index';

/** Access log line: HTTP API context variables, one JSON object per request. */
const accessLogFormat = {
  requestId: '$context.requestId',
  requestTime: '$context.requestTime',
  ip: '$context.identity.sourceIp',
  userAgent: '$context.identity.userAgent',
  routeKey: '$context.routeKey',
  status: '$context.status',
  protocol: '$context.protocol',
  responseLength: '$context.responseLength',
  responseLatency: '$context.responseLatency',
  integrationLatency: '$context.integrationLatency',
  integrationError: '$context.integrationErrorMessage',
  authorizerError: '$context.authorizer.error',
  subject: '$context.authorizer.claims.sub',
};

export class ApiStack extends Stack {
  readonly api: HttpApi;
  readonly stage: HttpStage;
  readonly functions: readonly AppFunction[];

  constructor(scope: Construct, id: string, props: ApiStackProps) {
    super(scope, id, props);
    const { config } = props;
    const routes = props.routes ?? routeList;

    this.api = new HttpApi(this, 'Api', {
      apiName: `par-index-${config.stage}`,
      description: `PAR Index API (${config.stage})`,
      createDefaultStage: false,
      defaultAuthorizer: new HttpUserPoolAuthorizer('CognitoAuthorizer', props.userPool, {
        userPoolClients: [props.userPoolClient],
      }),
      corsPreflight: {
        // With a console, CORS admits its origin (and any other listed origin, but not "*").
        allowOrigins: props.consoleOrigin
          ? [props.consoleOrigin, ...config.allowedOrigins.filter((o) => o !== '*')]
          : [...config.allowedOrigins],
        allowMethods: [...new Set(routes.map((r) => r.method)), 'OPTIONS'].map((m) => CorsHttpMethod[m as keyof typeof CorsHttpMethod]),
        allowHeaders: ['authorization', 'content-type', 'idempotency-key', 'if-match'],
        exposeHeaders: ['etag', 'location'],
        maxAge: Duration.hours(1),
      },
    });

    const accessLogs = new LogGroup(this, 'AccessLogs', {
      retention: RetentionDays.ONE_YEAR,
      removalPolicy: config.ephemeral ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN,
    });
    const domainName = config.domainName
      ? new DomainName(this, 'Domain', {
          domainName: config.domainName,
          certificate: config.certificateArn
            ? Certificate.fromCertificateArn(this, 'Certificate', config.certificateArn)
            : new Certificate(this, 'Certificate', {
                domainName: config.domainName,
                validation: CertificateValidation.fromDns(),
              }),
        })
      : undefined;
    this.stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      detailedMetricsEnabled: true,
      throttle: throttling.stage,
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.custom(JSON.stringify(accessLogFormat)),
      },
      domainMapping: domainName ? { domainName } : undefined,
    });

    const functions: AppFunction[] = [];
    const publicRoutes: { key: string; routes: HttpRoute[] }[] = [];
    for (const route of routes) {
      const fn = new AppFunction(this, route.id, {
        entry: route.handler,
        description: `${route.method} ${route.path}`,
        ...functionSizes[route.size ?? 'small'],
        serviceName,
        metricsNamespace: `ParIndex/${config.stage}`,
      });
      fn.useTable(props.table, route.method === 'GET' ? 'read' : 'readWrite');
      // Invitation links point at the console's answer page (shared/app/surveys/answer-links.ts).
      const consoleUrl = props.consoleOrigin ?? config.consoleUrl;
      if (route.id === 'createSurveyInvitations' && consoleUrl) fn.addEnvironment('CONSOLE_URL', consoleUrl);
      for (const use of route.buckets ?? []) fn.useBucket(bucketDefinition(use.id), props.buckets[use.id], use.access);
      functions.push(fn);

      const added = this.api.addRoutes({
        path: route.path,
        methods: [HttpMethod[route.method]],
        integration: new HttpLambdaIntegration(`${route.id}Integration`, fn),
        authorizer: route.access === 'public' ? new HttpNoneAuthorizer() : undefined,
      });
      if (route.access === 'public') publicRoutes.push({ key: `${route.method} ${route.path}`, routes: added });
    }
    this.functions = functions;

    if (publicRoutes.length > 0) {
      // Route-level throttling is a stage setting keyed by route key (a raw JSON property, hence
      // the CloudFormation casing); the routes must exist before the stage refers to them.
      const cfnStage = this.stage.node.defaultChild as CfnStage;
      cfnStage.routeSettings = Object.fromEntries(
        publicRoutes.map((r) => [
          r.key,
          { ThrottlingRateLimit: throttling.publicRoute.rateLimit, ThrottlingBurstLimit: throttling.publicRoute.burstLimit },
        ]),
      );
      for (const r of publicRoutes.flatMap((p) => p.routes)) {
        this.stage.node.addDependency(r);
        Validations.of(r).acknowledge({
          id: 'AwsSolutions-APIG4',
          reason:
            'Public by design (published results; survey answers carry a one-time invitation code that the handler checks); ' +
            'throttled more tightly than the rest of the stage.',
        });
      }
    }

    new CfnOutput(this, 'ApiUrl', { value: this.stage.url });
    if (domainName) new CfnOutput(this, 'DomainTarget', { value: domainName.regionalDomainName });
  }
}
