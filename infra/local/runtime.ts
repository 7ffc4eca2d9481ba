/**
 * The whole product on one machine: DynamoDB Local, the S3 emulator, the table, seeded reference
 * data and the HTTP adapter over the shared route table. Used by `npm start` and by the tests.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { openApiDocument } from '../../shared/openapi.ts';
import { resetClients } from '../../shared/store/clients.ts';
import { bucketDefinitions, tableDefinition } from '../../shared/store/resources.ts';
import { localMailEnvironment, seedContacts } from './contacts.ts';
import { consoleHandler } from './console-server.ts';
import { docsPage } from './docs-page.ts';
import { createLocalApi } from './http-adapter.ts';
import { PublicThrottle } from './public-throttle.ts';
import { createVerifier } from './jwt.ts';
import { ensureTable } from './provision.ts';
import { mirrorReports, reportResponse, type ReportMirror } from './report-files.ts';
import { seed, type SeedReport } from './seed.ts';
import { deliverS3Events } from './s3-events.ts';
import { startDynamoDbLocal, startS3Emulator } from './services.ts';

export interface RuntimeOptions {
  /** HTTP port; 0 picks a free one. */
  port: number;
  /** Directory for S3 data and, unless `inMemory`, the DynamoDB Local database file. */
  dataDir: string;
  inMemory?: boolean;
  seed?: boolean;
  /**
   * The subscriptions' re-drives (shared/events.ts): always once at start (what an outage left
   * behind is taken up); `periodic` also on their period, as the cloud schedule does (`npm start`).
   */
  periodicRedrive?: boolean;
  /** Throttle public routes as the cloud does (`npm start`; off for the test runtime). */
  throttlePublic?: boolean;
  dynamoPort?: number;
  s3Port?: number;
  /** Where published reports are also written as plain files (default `<dataDir>/reports`). */
  reportsDir?: string;
}

export interface Runtime {
  url: string;
  env: Record<string, string>;
  seeded?: SeedReport;
  /** The folder the published reports are copied to, served at `${url}/reports/`. */
  reports: ReportMirror;
  stop(): Promise<void>;
}

/** The environment a Lambda gets from CDK, with the local endpoints and names. */
export function lambdaEnvironment(dynamoEndpoint: string, s3Endpoint: string): Record<string, string> {
  return {
    AWS_REGION: 'ap-southeast-1',
    AWS_ACCESS_KEY_ID: 'S3RVER',
    AWS_SECRET_ACCESS_KEY: 'S3RVER',
    DYNAMODB_ENDPOINT: dynamoEndpoint,
    S3_ENDPOINT: s3Endpoint,
    [tableDefinition.envVar]: tableDefinition.localName,
    ...Object.fromEntries(bucketDefinitions.map((b) => [b.envVar, b.localName])),
    POWERTOOLS_SERVICE_NAME: 'par-index',
    POWERTOOLS_METRICS_NAMESPACE: 'ParIndex',
    POWERTOOLS_METRICS_DISABLED: 'true',
    POWERTOOLS_LOG_LEVEL: process.env.POWERTOOLS_LOG_LEVEL ?? 'WARN',
    // Known and planned for (README: Node 22 move); the warning would repeat in every process.
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
}

export async function startRuntime(options: RuntimeOptions): Promise<Runtime> {
  const dynamoDb = await startDynamoDbLocal({
    port: options.dynamoPort,
    ...(options.inMemory ? {} : { dataDir: join(options.dataDir, 'dynamodb') }),
  });
  const s3 = await startS3Emulator({ port: options.s3Port, dataDir: join(options.dataDir, 's3') }).catch(async (error: unknown) => {
    await dynamoDb.stop();
    throw error;
  });
  const env = { ...lambdaEnvironment(dynamoDb.endpoint, s3.endpoint), ...localMailEnvironment(options.dataDir) };
  // Handlers run in this process, as Lambda would run them with these variables set.
  Object.assign(process.env, env);
  resetClients();
  // The imports bucket's upload events reach the ingestion function as S3 notifications would.
  const events = deliverS3Events(s3.server, { env, dataDir: options.dataDir });
  const reports = mirrorReports(s3.server, options.reportsDir ?? join(options.dataDir, 'reports'));
  const stopServices = async () => {
    reports.stop();
    await events.stop();
    await Promise.allSettled([s3.stop(), dynamoDb.stop()]);
  };
  try {
    const admin = new DynamoDBClient({ endpoint: dynamoDb.endpoint });
    await ensureTable(admin, tableDefinition.localName);
    admin.destroy();
    const seeded = options.seed === false ? undefined : await seed();
    if (seeded) await seedContacts(env.CONTACTS_FILE!);
    events.redrive({ periodic: options.periodicRedrive ?? false });
    const verifier = await createVerifier();
    let url = '';
    const server = createLocalApi({
      ...(options.throttlePublic ? { publicThrottle: new PublicThrottle() } : {}),
      verifier,
      reports: (path) => reportResponse(reports.dir, path),
      extras: {
        '/openapi.json': { contentType: 'application/json; charset=utf-8', body: () => JSON.stringify(openApiDocument(url)) },
        '/docs': { contentType: 'text/html; charset=utf-8', body: () => docsPage() },
      },
      before: consoleHandler({ s3Endpoint: s3.endpoint }),
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port, '127.0.0.1', () => resolve());
    });
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    // Links in reminders point at this runtime.
    env.CONSOLE_URL = process.env.CONSOLE_URL = url;
    const runtimeFile = join(options.dataDir, 'runtime.json');
    writeFileSync(runtimeFile, JSON.stringify({ url, env }, null, 2));
    return {
      url,
      env,
      seeded,
      reports,
      stop: async () => {
        await reports.idle();
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
        resetClients();
        await stopServices();
      },
    };
  } catch (error) {
    await stopServices();
    throw error;
  }
}
