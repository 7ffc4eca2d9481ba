/**
 * One local runtime for the whole integration run: real DynamoDB Local (in memory) and s3rver on
 * free ports, the table created and reference data seeded, the HTTP adapter on a free port.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startRuntime } from '../../infra/local/runtime.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    apiUrl: string;
    runtimeEnv: Record<string, string>;
    localDir: string;
  }
}

export default async function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'par-test-'));
  process.env.PAR_LOCAL_DIR = dir;
  const runtime = await startRuntime({ port: 0, dataDir: dir, inMemory: true });
  project.provide('apiUrl', runtime.url);
  project.provide('runtimeEnv', runtime.env);
  project.provide('localDir', dir);
  return async () => {
    await runtime.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}
