import { defineConfig } from 'vitest/config';

// Two projects: pure tests need no services; integration and infra tests share one DynamoDB Local
// and one S3 emulator, started once per run by the global setup (never once per file).
export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/unit/**/*.test.ts'] },
      },
      {
        extends: true,
        // Use cases against in-memory stores (shared/app ports): fast, no Java.
        test: { name: 'app', include: ['test/app/**/*.test.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'infra',
          include: ['test/infra/**/*.test.ts'],
          // CDK synth without esbuild bundling except where a test asks for it.
          env: { CDK_CONTEXT_JSON: JSON.stringify({ 'aws:cdk:bundling-stacks': [] }) },
          testTimeout: 300_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts', 'test/browser/**/*.test.ts'],
          globalSetup: ['test/support/global-setup.ts'],
          // One shared DynamoDB Local (the browser tests drive the console served by the same runtime):
          // files run one after another to keep its JVM unhurried.
          fileParallelism: false,
        },
      },
    ],
  },
});
