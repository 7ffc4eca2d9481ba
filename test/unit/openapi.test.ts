/**
 * The OpenAPI document is generated from zod/mini schemas named in `z.globalRegistry` with an `id`
 * (no zod-to-openapi extension at run time): every route is an operation, named schemas become
 * components and are referenced, and the run-time zod has no `.openapi()` patched in.
 */
import * as z from 'zod/mini';
import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../../shared/openapi.ts';
import { routeList } from '../../shared/routes.ts';
import { unitSchema } from '../../shared/schemas/domain/units.ts';
import { nodeSchema } from '../../shared/schemas/files/framework.ts';
import { builtSchema } from '../../shared/schemas/zod.ts';

type Doc = ReturnType<typeof openApiDocument>;
// The local runtime builds the document on the first GET /openapi.json, after requests have been parsed.
const leaf = { code: '1', name: 'Tiêu chí', maxPoints: 1, method: 'self' };
const parsedFirst = z.safeParse(nodeSchema, { code: '1', name: 'Nhóm', maxPoints: 1, items: [leaf] }).success;
const doc: Doc = openApiDocument('http://127.0.0.1:3000');
const operations = Object.values(doc.paths ?? {}).flatMap((item) => Object.values(item as Record<string, { operationId?: string }>));

describe('OpenAPI document', () => {
  it('has one operation per route of the route table', () => {
    expect(operations.map((o) => o.operationId).sort()).toEqual(routeList.map((r) => r.id).sort());
  });

  it('names the schemas registered with an id as components and refers to them', () => {
    const components = Object.keys(doc.components?.schemas ?? {});
    for (const id of ['Unit', 'UnitList', 'Assessment', 'AssessmentItem', 'Evidence', 'Problem', 'SurveyDefinition', 'Worklist']) {
      expect(components).toContain(id);
    }
    const getUnit = (doc.paths?.['/v1/units/{unitId}'] as { get: { responses: Record<string, unknown> } }).get;
    expect(JSON.stringify(getUnit.responses['200'])).toContain('#/components/schemas/Unit"');
  });

  it('describes a request body with the schema the handler validates (putSurvey: definition plus expectedVersion)', () => {
    const put = (
      doc.paths?.['/v1/cycles/{year}/surveys/{surveyId}'] as { put: { requestBody: { content: Record<string, { schema: unknown }> } } }
    ).put;
    const schema = put.requestBody.content['application/json']!.schema as { properties: Record<string, unknown>; required: string[] };
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['id', 'questions', 'targetSample', 'expectedVersion']));
    expect(schema.required).not.toContain('expectedVersion');
  });

  it('is built after the schemas have parsed input (a z.lazy then caches its inner schema: the recursive node stays a reference)', () => {
    expect(parsedFirst).toBe(true);
    expect(JSON.stringify(doc.components?.schemas?.FrameworkNode)).toContain('"#/components/schemas/FrameworkNode"');
  });

  it('leaves zod unpatched at run time (no .openapi method) and the registry naming the run-time schemas', () => {
    expect('openapi' in z.string()).toBe(false);
    expect(z.globalRegistry.get(builtSchema(unitSchema))).toEqual({ id: 'Unit' }); // a deferred schema registers itself when built
    expect(z.globalRegistry._idmap.get('Unit')).toBe(builtSchema(unitSchema));
  });
});
