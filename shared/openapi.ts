/** The OpenAPI 3.1 document, generated from the route table and the zod schemas it names. */
import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import { routeList } from './routes.ts';
import { problemSchema } from './schemas/common.ts';

const problemContent = { 'application/problem+json': { schema: problemSchema } };

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
        ...(route.params ? { params: route.params as never } : {}),
        ...(route.query ? { query: route.query as never } : {}),
        ...(route.body ? { body: { required: true, content: { 'application/json': { schema: route.body } } } } : {}),
      },
      responses: {
        [route.success.status]: {
          description: 'Success',
          ...(route.success.schema ? { content: { 'application/json': { schema: route.success.schema } } } : {}),
        },
        400: { description: 'Invalid input: the errors name the field and the rule', content: problemContent },
        ...(route.access === 'public' ? {} : { 401: { description: 'No valid token', content: problemContent } }),
        403: { description: 'Not allowed for this role or scope', content: problemContent },
        404: { description: 'Not found', content: problemContent },
        409: { description: 'Conflict: version, state or deadline', content: problemContent },
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
