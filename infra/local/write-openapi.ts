/**
 * `npm run openapi [-- FILE]`: writes the OpenAPI document (shared/openapi.ts) to FILE, default
 * dist/openapi.json. The document is built here, in the local runtime and in tests only: Lambda
 * bundles carry plain zod schemas and no OpenAPI generator.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { openApiDocument } from '../../shared/openapi.ts';
import { projectRoot } from './paths.ts';

const file = resolve(process.argv[2] ?? `${projectRoot}/dist/openapi.json`);
mkdirSync(dirname(file), { recursive: true });
writeFileSync(file, `${JSON.stringify(openApiDocument(), null, 2)}\n`);
process.stdout.write(`${file}\n`);
