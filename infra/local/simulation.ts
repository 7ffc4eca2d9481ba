/**
 * The simulated people of `npm run cycle -- --simulate`: units self-assessing (deterministic
 * pseudo-random scores with figures, one evidence document uploaded and confirmed, submitted),
 * appraisers (a few adjustments with reasons, accept-remaining, finalise), survey files imported,
 * the council approving. Whatever a person does once per unit goes through the HTTP API; the ~60
 * self scores of each of the 184 units go through the same context, domain checks and store call
 * as PUT .../assessment/items/{code} (one transaction per 45 leaves instead of one request per leaf,
 * which on a 2-core machine would take minutes by itself).
 */
import { createHash } from 'node:crypto';
import { applySelfItem, selfItemErrors, type SelfItemInput } from '../../shared/domain/assessment.ts';
import { selfScoreStates } from '../../shared/domain/assessment-workflow.ts';
import { applicableLeaves } from '../../shared/domain/framework.ts';
import type { Caller } from '../../shared/domain/roles.ts';
import { suggestedScore } from '../../shared/domain/rules.ts';
import type { Leaf, UnitType } from '../../shared/schemas/files/framework.ts';
import { saveItems } from '../../shared/store/assessment-store.ts';
import { loadContext } from '../../shared/app/assessment/assessment-context.ts';
import { signToken } from './jwt.ts';

export interface SimUnit {
  id: string;
  name: string;
  type: UnitType;
  parentId?: string;
}

/** Deterministic pseudo-random numbers (mulberry32) seeded from a text. */
export function random(seed: string): () => number {
  let a = createHash('sha256').update(seed).digest().readUInt32LE(0);
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Http {
  constructor(readonly url: string) {}

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON answers of many routes, read field by field
  async call<T = any>(method: string, path: string, token: string | undefined, body?: unknown, ok = [200, 201]): Promise<T> {
    const res = await fetch(`${this.url}${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!ok.includes(res.status)) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 500)}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }
}

async function postForm(upload: { url: string; fields: Record<string, string> }, file: Buffer, contentType: string, name: string) {
  const form = new FormData();
  for (const [k, v] of Object.entries(upload.fields)) form.append(k, v);
  form.append('file', new Blob([file], { type: contentType }), name);
  const res = await fetch(upload.url, { method: 'POST', body: form });
  if (res.status >= 300) throw new Error(`upload of ${name}: ${res.status} ${await res.text()}`);
}

/** Runs `fn` over `items`, `limit` at a time; `onEach` after each one (progress). */
export async function eachLimited<T>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<void>,
  onEach?: () => void,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        await fn(items[next++]!);
        onEach?.();
      }
    }),
  );
}

/** A self score (and figure) for a leaf: tiers take a figure and its suggested score, mostly. */
function selfInput(leaf: Leaf, rnd: () => number, quality: number): SelfItemInput {
  const rule = leaf.method === 'self' ? leaf.rule : undefined;
  if (rule?.kind === 'tiers') {
    const figure = Math.round(60 + 45 * quality * rnd() + 10 * rnd());
    return { selfScore: suggestedScore(leaf, figure) ?? 0, figure };
  }
  if (rule?.kind === 'boolean') {
    const figure = rnd() < 0.6 + 0.4 * quality;
    return { selfScore: figure ? leaf.maxPoints : 0, figure };
  }
  const step = rule?.kind === 'manual' ? (rule.step ?? 0.25) : 0.25;
  const steps = Math.floor(leaf.maxPoints / step + 1e-9);
  const taken = Math.min(steps, Math.round(steps * (0.5 + 0.5 * quality * rnd() + 0.2 * rnd())));
  return { selfScore: Math.round(taken * step * 4) / 4 };
}

export const unitCaller = (unit: SimUnit): Caller => ({
  subject: `local-unit-${unit.id}`,
  username: `unit-${unit.id}`,
  roles: ['unit'],
  unitId: unit.id,
  areas: [],
});

/** One unit's self-assessment: evidence through the API, scores through the handler's own path, submit through the API. */
export async function selfAssess(http: Http, year: number, unit: SimUnit): Promise<{ leaves: number }> {
  const token = await signToken({ role: 'unit', unitId: unit.id });
  const base = `/v1/cycles/${year}/units/${unit.id}`;
  const file = Buffer.from(`%PDF-1.4\n% Báo cáo CCHC năm ${year} - ${unit.name}\n%%EOF\n`, 'utf8');
  const sha256 = createHash('sha256').update(file).digest('hex');
  const created = await http.call('POST', `${base}/evidence`, token, {
    fileName: `bao-cao-cchc-${year}.pdf`,
    contentType: 'application/pdf',
    size: file.length,
    sha256,
  });
  await postForm(created.upload, file, 'application/pdf', 'bao-cao.pdf');
  await http.call('POST', `${base}/evidence/${created.evidenceId}/confirm`, token);

  const ctx = await loadContext(unitCaller(unit), year, unit.id, 'write-own');
  const rnd = random(`${year}:${unit.id}`);
  const quality = 0.55 + 0.45 * rnd();
  const changes = applicableLeaves(ctx.framework, ctx.notApplicable)
    .filter(({ leaf }) => leaf.method === 'self')
    .map(({ leaf }) => {
      const input: SelfItemInput = {
        ...selfInput(leaf, rnd, quality),
        note: 'Đã thực hiện theo kế hoạch năm',
        ...(leaf.evidenceRequired ? { evidence: [{ evidenceId: created.evidenceId, page: `tr. ${1 + Math.floor(rnd() * 40)}` }] } : {}),
      };
      const errors = selfItemErrors(leaf, input, ctx.loaded.evidence);
      if (errors.length > 0) throw new Error(`${unit.id} ${leaf.code}: ${errors.map((e) => `${e.path} ${e.message}`).join('; ')}`);
      return { after: applySelfItem(leaf.code, ctx.loaded.items.get(leaf.code), input), action: 'self-score.set' };
    });
  await saveItems(unitCaller(unit), ctx.ref, ctx.loaded, selfScoreStates, changes);
  await http.call('POST', `${base}/assessment/submit`, token);
  return { leaves: changes.length };
}

/** The lead appraiser of a unit: Sở Nội vụ for departments and districts (the Provincial Office for Sở Nội vụ), the parent district for communes. */
function appraiserToken(unit: SimUnit): Promise<string> {
  if (unit.type === 'commune' && unit.parentId)
    return signToken({ role: 'appraiser', unitId: unit.parentId, areas: '*', district: unit.parentId });
  // No unit appraises itself: Sở Nội vụ's own assessment is led by the Provincial Office.
  return signToken({ role: 'appraiser', unitId: unit.id === 'SNV' ? 'VPUBND' : 'SNV', areas: '*' });
}

/** One unit's appraisal: every third unit gets one score lowered with a reason, the rest accepted, finalised. */
export async function appraise(http: Http, year: number, unit: SimUnit): Promise<{ adjusted: number }> {
  const token = await appraiserToken(unit);
  const base = `/v1/cycles/${year}/units/${unit.id}`;
  const rnd = random(`appraisal:${year}:${unit.id}`);
  let adjusted = 0;
  // Read first: a retried step finds the units it already finalised and leaves them.
  const view = await http.call<{
    state: string;
    items: { code: string; method: string; selfScore?: number; appraisedScore?: number | null }[];
  }>('GET', `${base}/assessment`, token);
  if (view.state === 'appraised') return { adjusted };
  if (rnd() < 0.34) {
    const candidates = view.items.filter((i) => i.method === 'self' && (i.selfScore ?? 0) >= 0.25);
    const item = candidates[Math.floor(rnd() * candidates.length)];
    if (item) {
      await http.call('PUT', `${base}/appraisal/items/${item.code}`, token, {
        appraisedScore: item.selfScore! - 0.25,
        reason: 'Tài liệu kiểm chứng chưa chứng minh đầy đủ kết quả tự chấm',
      });
      adjusted++;
    }
  }
  await http.call('POST', `${base}/appraisal/accept-remaining`, token);
  await http.call('POST', `${base}/appraisal/finalize`, token);
  return { adjusted };
}

interface SurveyDefinition {
  id: string;
  groups: Record<string, string>;
  options: Record<string, number | null>;
  questions: { id: string; groups: string[] }[];
}

/** Respondents per group in the simulated files (the reference targets: 10 leaders, 15 civil servants). */
export const respondentsPerGroup: Record<string, number> = { leader: 10, 'civil-servant': 15, citizen: 20 };

export function surveyCsv(definition: SurveyDefinition, units: readonly SimUnit[], year: number): { csv: Buffer; rows: number } {
  const keys = Object.keys(definition.options);
  const lines = [['respondentId', 'unitId', 'group', ...definition.questions.map((q) => q.id)].join(',')];
  for (const unit of units) {
    const rnd = random(`survey:${year}:${unit.id}`);
    const quality = rnd();
    for (const group of Object.keys(definition.groups)) {
      for (let i = 1; i <= (respondentsPerGroup[group] ?? 10); i++) {
        const answers = definition.questions.map((q) => {
          if (!q.groups.includes(group)) return '';
          const r = rnd();
          // Better units get more of the first (best) answers; a few leave a question blank.
          if (r < 0.04) return '';
          const index = Math.min(keys.length - 1, Math.floor(r * r * (keys.length - 1) * (1.6 - quality)));
          return keys[index]!;
        });
        lines.push([`${unit.id}-${group}-${i}`, unit.id, group, ...answers].join(','));
      }
    }
  }
  return { csv: Buffer.from(lines.join('\n') + '\n', 'utf8'), rows: lines.length - 1 };
}

/** Creates the import, uploads the CSV through its presigned POST and waits for the upload event's ingestion. */
export async function importSurvey(http: Http, year: number, surveyId: string, csv: Buffer, timeoutMs = 120_000) {
  const admin = await signToken({ role: 'admin' });
  const created = await http.call('POST', `/v1/cycles/${year}/surveys/${surveyId}/imports`, admin, {
    fileName: `phieu-${surveyId}.csv`,
    format: 'csv',
  });
  await postForm(created.upload, csv, 'text/csv', `phieu-${surveyId}.csv`);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const status = await http.call('GET', `/v1/cycles/${year}/surveys/${surveyId}/imports/${created.importId}`, admin);
    if (status.status === 'done' || status.status === 'failed') return status;
    if (Date.now() > deadline) throw new Error(`import ${created.importId} of ${surveyId} still ${status.status} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
