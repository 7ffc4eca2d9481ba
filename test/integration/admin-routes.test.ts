/**
 * The administrator's read routes (ADM): a cycle's audit trail per unit, the framework annex
 * import (parse report, nothing stored) and the yearly pipeline's status as the local runner
 * recorded it. Years 2171 and 2173 only.
 */
import { describe, expect, it } from 'vitest';
import { frameworkToAnnexRows } from '../../shared/domain/framework-annex.ts';
import { annexWorkbook } from '../../shared/formats/annex-workbook.ts';
import { runPipeline } from '../../infra/local/pipeline-runner.ts';
import { isLeaf, type FrameworkNode } from '../../shared/schemas/files/framework.ts';
import { listAudit } from '../../shared/store/audit.ts';
import { api, tokens } from '../support/api.ts';
import { cycleDeadlines, referenceFramework } from '../support/assessment-helpers.ts';

const openCycle = async (year: number) => {
  const opened = await api('POST', '/v1/cycles', {
    token: await tokens.admin(),
    body: { year, frameworks: { department: 'department-2024' }, deadlines: cycleDeadlines(year) },
  });
  expect([201, 409]).toContain(opened.status);
  return (await api('GET', `/v1/cycles/${year}`, { token: await tokens.admin() })).body;
};

const firstLeaf = (nodes: readonly FrameworkNode[]): string => {
  for (const n of nodes) {
    if (isLeaf(n)) return n.code;
    const inner = firstLeaf(n.items);
    if (inner) return inner;
  }
  return '';
};

describe('a cycle’s audit trail per unit', () => {
  const year = 2171;
  it('lists the changes to one unit’s extension and exemptions, newest first, with before and after', async () => {
    const admin = await tokens.admin();
    let cycle = await openCycle(year);
    const patch = async (body: object) => {
      const res = await api('PATCH', `/v1/cycles/${year}`, { token: admin, body: { ...body, expectedVersion: cycle.version } });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      cycle = res.body;
    };
    const extended = `${year}-12-22T17:00:00+07:00`;
    const code = firstLeaf(referenceFramework('department').areas as FrameworkNode[]);
    await patch({ extensions: { SCT: { selfAssessment: extended } }, reason: 'Sự cố mạng tại Sở Công Thương' });
    await patch({ deadlines: { survey: `${year + 1}-01-25T23:59:59+07:00` } });
    await patch({ notApplicable: { SCT: [code] }, reason: 'Sở không có nhiệm vụ này' });

    const trail = await api('GET', `/v1/cycles/${year}/audit?unitId=SCT`, { token: admin });
    expect(trail.status).toBe(200);
    expect(trail.body.events).toHaveLength(2);
    expect(trail.body.events[0]).toMatchObject({
      action: 'cycle.changed',
      reason: 'Sở không có nhiệm vụ này',
      changed: ['notApplicable'],
      unit: { notApplicable: { before: [], after: [code] } },
    });
    expect(trail.body.events[1]).toMatchObject({
      reason: 'Sự cố mạng tại Sở Công Thương',
      changed: ['extensions'],
      unit: { extension: { after: { selfAssessment: extended } } },
    });
    expect(trail.body.events[1].unit.extension.before).toBeUndefined();
    expect(trail.body.events[1].actor).not.toHaveProperty('subject');

    const other = await api('GET', `/v1/cycles/${year}/audit?unitId=STP`, { token: admin });
    expect(other.body.events).toEqual([]);
    const all = await api('GET', `/v1/cycles/${year}/audit`, { token: admin });
    expect(all.body.events.map((e: { changed: string[] }) => e.changed)).toContainEqual(['deadlines']);
    expect(all.body.events.at(-1).action).toBe('cycle.opened');
  });

  it('is for admins only, names an unknown year and refuses a bad unit id', async () => {
    const clerk = await api('GET', `/v1/cycles/${year}/audit?unitId=SCT`, { token: await tokens.unit('SCT') });
    expect(clerk.status).toBe(403);
    expect(clerk.body.code).toBe('ROLE_REQUIRED');
    const missing = await api('GET', '/v1/cycles/2179/audit', { token: await tokens.admin() });
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('CYCLE_NOT_FOUND');
    const bad = await api('GET', `/v1/cycles/${year}/audit?unitId=${encodeURIComponent('a b')}`, { token: await tokens.admin() });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('query.unitId');
  });
});

describe('the framework annex import', () => {
  const post = async (fileName: string, file: Buffer) =>
    api('POST', '/v1/framework-imports', { token: await tokens.admin(), body: { fileName, contentBase64: file.toString('base64') } });

  it('answers the framework an annex describes with its report, and stores nothing', async () => {
    const framework = { ...referenceFramework('department'), id: 'ADM-annex-1', name: 'Bộ chỉ số thử nghiệm ADM' };
    const res = await post('Phụ lục ADM.xlsx', await annexWorkbook(frameworkToAnnexRows(framework)));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.framework).toEqual(JSON.parse(JSON.stringify(framework)));
    expect(res.body.report.problems).toEqual([]);
    expect(res.body.report.errors).toEqual([]);
    expect(res.body.report.leaves).toBeGreaterThan(10);
    expect(res.body.existing).toBeNull();
    expect((await api('GET', '/v1/frameworks/ADM-annex-1', { token: await tokens.admin() })).status).toBe(404);
  });

  it('names the rows it could not read, and says when the framework is frozen by a cycle', async () => {
    const rows = frameworkToAnnexRows(referenceFramework('department'));
    const header = rows.findIndex((r) => r[0] === 'STT');
    rows[header + 2] = [...rows[header + 2]!.slice(0, 3), 'Bốc thăm', ...rows[header + 2]!.slice(4)];
    const res = await post('hong.xlsx', await annexWorkbook(rows));
    expect(res.status).toBe(200);
    expect(res.body.framework).toBeNull();
    expect(res.body.report.problems).toContainEqual({
      row: header + 3,
      code: 'bad-method',
      params: { value: 'Bốc thăm' },
      message: expect.stringContaining('Bốc thăm'),
    });
    expect(res.body.report.leaves).toBe(0);
    // A rule broken by a readable annex names the criterion its path points into (the console words it).
    const sums = frameworkToAnnexRows(referenceFramework('department'));
    sums[header + 1] = [sums[header + 1]![0], sums[header + 1]![1], 999, ...sums[header + 1]!.slice(3)];
    const broken = await post('tong.xlsx', await annexWorkbook(sums));
    expect(broken.body.framework).toBeNull();
    expect(broken.body.report.errors).toContainEqual({
      path: 'areas[0].maxPoints',
      criterion: String(sums[header + 1]![0]),
      message: expect.stringContaining('sum'),
    });
    expect(broken.body.report.errors).toContainEqual({ path: 'maxTotal', message: expect.stringContaining('sum') });
    // The seeded framework, read back unchanged, is used by a cycle: the answer says so (the console disables saving).
    const seeded = await post('department-2024.xlsx', await annexWorkbook(frameworkToAnnexRows(referenceFramework('department'))));
    expect(seeded.body.framework.id).toBe('department-2024');
    expect(seeded.body.existing.usedBy.length).toBeGreaterThan(0);
  });

  it('refuses a file that is not a workbook, and a non-admin', async () => {
    const res = await post('x.xlsx', Buffer.from('không phải tệp Excel'));
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ path: 'body.contentBase64', message: expect.stringContaining('XLSX') }]);
    const named = await api('POST', '/v1/framework-imports', {
      token: await tokens.admin(),
      body: { fileName: 'x.csv', contentBase64: 'QQ==' },
    });
    expect(named.body.errors[0].path).toBe('body.fileName');
    const clerk = await api('POST', '/v1/framework-imports', {
      token: await tokens.unit('SCT'),
      body: { fileName: 'x.xlsx', contentBase64: 'QQ==' },
    });
    expect(clerk.status).toBe(403);
  });
});

describe('freezing a framework', () => {
  it('needs the version read, then refuses every replacement and writes nothing; audited with the reason', async () => {
    const admin = await tokens.admin();
    const id = `ADM-freeze-${Date.now()}`;
    const framework = { ...referenceFramework('department'), id, name: 'Bộ chỉ số thử khóa' };
    expect((await api('PUT', `/v1/frameworks/${id}`, { token: admin, body: framework })).status).toBe(200);
    const state = await api('GET', `/v1/frameworks/${id}/state`, { token: admin });
    expect(state.body).toEqual({ frameworkId: id, version: 1, usedBy: [] });

    const stale = await api('POST', `/v1/frameworks/${id}/freeze`, { token: admin, body: { expectedVersion: 7 } });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('VERSION_CONFLICT');
    const frozen = await api('POST', `/v1/frameworks/${id}/freeze`, {
      token: admin,
      body: { expectedVersion: 1, reason: 'Quyết định ban hành số 12' },
    });
    expect(frozen.status, JSON.stringify(frozen.body)).toBe(200);
    expect(frozen.body).toMatchObject({ frameworkId: id, version: 2, usedBy: [], frozenAt: expect.any(String) });

    const replaced = await api('PUT', `/v1/frameworks/${id}`, {
      token: admin,
      body: { ...framework, name: 'Đổi tên', expectedVersion: 2 },
    });
    expect(replaced.status).toBe(409);
    expect(replaced.body.code).toBe('FRAMEWORK_FROZEN');
    expect((await api('GET', `/v1/frameworks/${id}`, { token: admin })).body.name).toBe('Bộ chỉ số thử khóa');
    expect((await api('POST', `/v1/frameworks/${id}/freeze`, { token: admin, body: { expectedVersion: 2 } })).body.code).toBe(
      'FRAMEWORK_FROZEN',
    );
    const events = await listAudit(`FRAMEWORK#${id}`);
    expect(events.map((e) => e.action)).toEqual(['framework.frozen', 'framework.created']);
    expect(events[0]).toMatchObject({ reason: 'Quyết định ban hành số 12', after: { version: 2 } });
    const imported = await api('POST', '/v1/framework-imports', {
      token: admin,
      body: { fileName: 'khoa.xlsx', contentBase64: (await annexWorkbook(frameworkToAnnexRows(framework))).toString('base64') },
    });
    expect(imported.body.existing).toMatchObject({ version: 2, frozenAt: frozen.body.frozenAt });
  });

  it('answers FRAMEWORK_NOT_FOUND for an unknown framework, and only to admins', async () => {
    const missing = await api('POST', '/v1/frameworks/ADM-none/freeze', { token: await tokens.admin(), body: { expectedVersion: 1 } });
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('FRAMEWORK_NOT_FOUND');
    const clerk = await api('GET', '/v1/frameworks/department-2024/state', { token: await tokens.unit('SCT') });
    expect(clerk.status).toBe(403);
  });
});

describe('the pipeline status', () => {
  const year = 2173;
  it('shows the local execution, its history and the failure with its reason', async () => {
    await openCycle(year);
    const result = await runPipeline({
      year,
      executionName: `cycle-${year}-adm`,
      handlers: {
        LoadCycle: async () => {
          throw Object.assign(new Error('DynamoDB unreachable'), { name: 'ServiceUnavailable' });
        },
      },
    });
    expect(result.status).toBe('FAILED');
    const res = await api('GET', `/v1/cycles/${year}/pipeline`, { token: await tokens.admin() });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      year,
      phase: 'open',
      execution: { name: `cycle-${year}-adm`, source: 'local', status: 'FAILED', currentState: 'PipelineFailed' },
      failure: { execution: `cycle-${year}-adm`, error: { name: 'ServiceUnavailable', cause: 'DynamoDB unreachable' } },
    });
    const entered = res.body.execution.events
      .filter((e: { type: string }) => e.type === 'StateEntered')
      .map((e: { state: string }) => e.state);
    expect(entered).toEqual(['YearGiven', 'LoadCycle', 'ReportFailure', 'PipelineFailed']);
    expect(res.body.execution.events.filter((e: { type: string }) => e.type === 'StateRetried')).toHaveLength(4);
    expect(res.body.steps.map((s: { step: string }) => s.step)).toEqual(['failure']);
  });

  it('answers no execution for a year never run, and only to admins', async () => {
    await openCycle(2174);
    const res = await api('GET', '/v1/cycles/2174/pipeline', { token: await tokens.admin() });
    expect(res.body).toMatchObject({ year: 2174, execution: null, steps: [], failure: null });
    const council = await api('GET', '/v1/cycles/2174/pipeline', { token: await tokens.council() });
    expect(council.status).toBe(403);
  });
});
