/** A framework whose codes carry letters (`1.1.a`), stored through the API and self-scored. */
import { describe, expect, it } from 'vitest';
import { loadAssessment } from '../../shared/store/assessment-store.ts';
import { api, tokens } from '../support/api.ts';
import { cycleDeadlines, referenceFramework } from '../support/assessment-helpers.ts';

const year = 2061;
const frameworkId = 'department-ma-chu';
const unitId = 'STNMT';

function letteredFramework() {
  const framework = structuredClone(referenceFramework('department'));
  const group = framework.areas[0]!.items[0] as { items: { code: string; evidenceRequired?: boolean }[] };
  group.items[0]!.code = '1.1.a';
  group.items[0]!.evidenceRequired = false;
  group.items[1]!.code = '1.1.b';
  return { ...framework, id: frameworkId, name: 'Bộ chỉ số ghi mã chữ' };
}

describe('framework codes with letters', () => {
  it('stores a framework coded 1.1.a and takes a self score on 1.1.a', async () => {
    const admin = await tokens.admin();
    const put = await api('PUT', `/v1/frameworks/${frameworkId}`, { token: admin, body: letteredFramework() });
    expect(put.status).toBe(200);
    const body = { year, frameworks: { department: frameworkId }, deadlines: cycleDeadlines(year) };
    expect((await api('POST', '/v1/cycles', { token: admin, body })).status).toBe(201);
    const clerk = await tokens.unit(unitId);
    const scored = await api('PUT', `/v1/cycles/${year}/units/${unitId}/assessment/items/1.1.a`, {
      token: clerk,
      body: { selfScore: 0.5 },
    });
    expect(scored.status).toBe(200);
    expect((await loadAssessment(year, unitId)).items.get('1.1.a')?.selfScore).toBe(0.5);
  });

  it('refuses a framework whose siblings are out of natural order, and stores nothing', async () => {
    const admin = await tokens.admin();
    const framework = letteredFramework();
    const group = framework.areas[0]!.items[0] as { items: { code: string }[] };
    [group.items[0]!.code, group.items[1]!.code] = ['1.1.b', '1.1.a'];
    const res = await api('PUT', '/v1/frameworks/department-sai-thu-tu', {
      token: admin,
      body: { ...framework, id: 'department-sai-thu-tu' },
    });
    expect(res.status).toBe(400);
    expect(res.body.errors).toContainEqual(expect.objectContaining({ path: 'body.areas[0].items[0].items[1].code' }));
    expect((await api('GET', '/v1/frameworks/department-sai-thu-tu', { token: admin })).status).toBe(404);
  });
});
