/**
 * The CDK app (`cdk.json` runs it with tsx). No account or region is set, so `cdk synth` needs
 * no credentials and makes no lookups; `cdk deploy` uses the caller's environment.
 *
 *   npx cdk deploy --all -c stage=prod -c adminEmail=admin@example.gov.vn -c reportRetentionDays=3650
 *
 * cdk-nag's AwsSolutions pack runs as a policy validation plugin: an unacknowledged finding fails
 * the synth, and every acknowledgment carries its reason next to the construct it concerns.
 */
import { App, Validations } from 'aws-cdk-lib';
import { readStageConfig } from './config.ts';
import { ParNagChecks } from './nag.ts';
import { ensureConsoleBuilt } from './local/console-build.ts';
import { addStage } from './stages.ts';

// The console stack deploys web/dist: build it when missing or older than web/src (offline, no AWS).
await ensureConsoleBuilt((line) => console.error(line));
const app = new App();
addStage(app, readStageConfig(app.node));
Validations.of(app).addPlugins(new ParNagChecks(app));
app.synth();
