/** The OpenAPI 3.1 document, generated from the route table and the zod schemas it names. */
import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import { routeList } from './routes.ts';
import { problemSchema } from './schemas/api/common.ts';
import { errorCodes, type ErrorKind } from './domain/errors.ts';
import { statusOfKind } from './http/problems.ts';
import { toClassic } from './openapi-zod.ts';

const problemContent = { 'application/problem+json': { schema: toClassic(problemSchema) } };

/** `summary`, then the codes a status carries, from the one vocabulary (shared/domain/errors.ts). */
function refusal(kind: ErrorKind, summary: string) {
  const codes = Object.entries(errorCodes)
    .filter(([, c]) => c.kind === kind)
    .map(([code, c]) => `\`${code}\`: ${c.means}`);
  return { description: `${summary}. Codes: ${codes.join('; ')}.`, content: problemContent };
}

const mutating = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function openApiDocument(serverUrl?: string) {
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'cognito', { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
  for (const route of routeList) {
    const roles = route.access === 'public' ? 'anyone' : route.access === 'signed-in' ? 'any signed-in user' : route.access.join(', ');
    registry.registerPath({
      method: route.method.toLowerCase() as 'get' | 'put' | 'post' | 'patch' | 'delete',
      path: route.path,
      operationId: route.id,
      summary: route.summary,
      description: `Who: ${roles}.${route.idempotent ? ' Honours an Idempotency-Key header.' : ''}`,
      security: route.access === 'public' ? [] : [{ cognito: [] }],
      request: {
        ...(route.params ? { params: toClassic(route.params) as never } : {}),
        ...(route.query ? { query: toClassic(route.query) as never } : {}),
        ...(route.body ? { body: { required: true, content: { 'application/json': { schema: toClassic(route.body) } } } } : {}),
      },
      responses: {
        [route.success.status]: {
          description: 'Success',
          ...(route.success.schema ? { content: { 'application/json': { schema: toClassic(route.success.schema) } } } : {}),
        },
        [statusOfKind.invalid]: refusal('invalid', 'Invalid input: the errors name the field and the rule'),
        ...(route.access === 'public' ? {} : { [statusOfKind.unauthenticated]: refusal('unauthenticated', 'No valid token') }),
        [statusOfKind.forbidden]: refusal('forbidden', 'Not allowed for this role or scope'),
        [statusOfKind['not-found']]: refusal('not-found', 'Not found'),
        [statusOfKind.conflict]: refusal('conflict', 'Conflict: version, state, phase or deadline'),
        ...(mutating.has(route.method) ? { [statusOfKind.unprocessable]: refusal('unprocessable', 'Well-formed but not acceptable') } : {}),
      },
    });
  }
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'PAR Index API (Chỉ số CCHC)',
      version: '1.0.0',
      description: 'Self-assessment, appraisal, survey and results of the provincial Public Administration Reform Index.',
    },
    servers: serverUrl ? [{ url: serverUrl }] : [],
  });
}
