/**
 * Hostile requests for the whole route table: one valid request per route (so that what is
 * refused is the hostile part, not a missing field) and the ways of spoiling it: reserved keys,
 * deep nesting, bytes that are not UTF-8, lone surrogates, numbers JSON.parse would turn into 0
 * or Infinity, non-canonical path numbers. Bodies are built as raw bytes: JSON.stringify could
 * not write any of these.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import type { RouteDefinition } from '../../shared/routes.ts';
import { token } from './api.ts';
import { cycleDeadlines } from './assessment-helpers.ts';

export const hostileYear = 2071;
const evidenceId = '00000000-0000-4000-8000-000000000001';
const reference = (path: string) => JSON.parse(readFileSync(`reference/${path}`, 'utf8')) as Record<string, unknown>;

/** Path parameters of the sample requests. */
export const sampleParams: Record<string, string> = {
  year: String(hostileYear),
  unitId: 'SKHCN',
  code: '1.1.1',
  evidenceId,
  frameworkId: 'department-2024',
  surveyId: 'department-survey-2024',
  importId: '00000000-0000-4000-8000-000000000002',
};

/** A body each route's schema accepts (checked by the property test before it spoils it). */
export function sampleBody(route: RouteDefinition & { id: string }): unknown {
  switch (route.id) {
    case 'putUnit':
      return { type: 'department', name: 'Sở Thử nghiệm', parentId: 'UBND-TINH', expectedVersion: 1 };
    case 'putFramework':
      return reference('frameworks/department-2024.json');
    case 'createCycle':
      return {
        year: hostileYear,
        frameworks: { department: 'department-2024' },
        deadlines: cycleDeadlines(hostileYear),
        notApplicable: { SKHCN: ['3'] },
        appraisal: { department: { '*': ['SNV'] } },
      };
    case 'patchCycle':
      return { notApplicable: { SKHCN: ['3', '7.3'] }, reason: 'Điều chỉnh miễn trừ', expectedVersion: 1 };
    case 'putSelfItem':
      return { selfScore: 0.5, figure: 80, note: 'Ghi chú', evidence: [{ evidenceId, page: 'tr. 2' }], expectedVersion: 0 };
    case 'createEvidence':
      return { fileName: 'ke-hoach.pdf', contentType: 'application/pdf', size: 1200, sha256: 'a'.repeat(64) };
    case 'putAppraisalItem':
      return { appraisedScore: 0.5, reason: 'Thiếu văn bản kiểm chứng', expectedVersion: 1 };
    case 'returnAssessment':
      return { message: 'Đề nghị giải trình tiêu chí 1.1.1' };
    case 'putExplanationItem':
      return { text: 'Văn bản đã được bổ sung', evidence: [{ evidenceId }], expectedVersion: 1 };
    case 'putMinistryScore':
      return { areas: { '1': 9.5 }, total: 80.25, decision: 'Quyết định 1/QĐ-BNV', expectedVersion: 0 };
    case 'reopenAssessment':
      return { reason: 'Mở lại theo ý kiến hội đồng' };
    case 'putSurvey': {
      return { ...reference('surveys/department-survey-2024.json'), expectedVersion: 1 };
    }
    case 'createSurveyImport':
      return { fileName: 'phieu.csv', format: 'csv' };
    case 'createSurveyInvitations':
      return { unitId: 'SKHCN', group: 'citizen', count: 2 };
    case 'submitSurveyResponse':
      return { code: 'ABCD-EFGH-IJKL', answers: { Q1: 'A', Q2: null } };
    case 'approveResults':
      return { decision: 'Quyết định số 9/QĐ-HĐTĐ', computedAt: '2071-01-01T00:00:00.000Z' };
    // registry (REG): a dry run, so a sample that reaches the use case writes nothing
    case 'importRegistry':
      return {
        fileName: 'don-vi.csv',
        contentBase64: Buffer.from('id,type,name,parent\nREG-H,commune,Xã,UBND-TINH\n').toString('base64'),
        dryRun: true,
      };
    case 'retireUnit':
      return { validTo: 2030, successorId: 'SNV', expectedVersion: 1, reason: 'Sáp nhập' };
    case 'refreshCycleRegistry':
      return { expectedVersion: 1, reason: 'Cập nhật danh mục' };
    // ADM: the annex import reads the file and stores nothing
    case 'importFramework':
      return { fileName: 'commune-2024.xlsx', contentBase64: readFileSync('reference/annexes/commune-2024.xlsx').toString('base64') };
    case 'freezeFramework':
      return { expectedVersion: 1, reason: 'Bộ tiêu chí đã ban hành' };
    default:
      return { note: 'a body this route does not read', nested: { list: [1, 2, { deep: true }] } };
  }
}

/** A token with one of the route's roles, for the sample unit (so the request reaches validation). */
export async function tokenFor(route: RouteDefinition): Promise<string | undefined> {
  if (route.access === 'public') return undefined;
  const role = route.access === 'signed-in' ? 'admin' : route.access[0]!;
  return token({ role, unitId: role === 'unit' ? sampleParams.unitId : 'SNV', areas: '*' });
}

export const pathOf = (template: string, params: Record<string, string> = sampleParams) =>
  template.replace(/\{(\w+)\}/g, (_m, name: string) => encodeURIComponent(params[name] ?? 'x'));

// ---- spoiling a body ----

/** Where in a body the hostile part goes: a container reached by this path, or the root. */
type Step = string | number;

/** Every path to an object or array in `value` (the root is `[]`). */
export function containers(value: unknown, at: Step[] = [], out: Step[][] = []): Step[][] {
  if (Array.isArray(value)) {
    out.push(at);
    value.forEach((v, i) => containers(v, [...at, i], out));
  } else if (value && typeof value === 'object') {
    out.push(at);
    for (const [k, v] of Object.entries(value)) containers(v, [...at, k], out);
  }
  return out;
}

const MARK = '\u0001HOSTILE\u0001';
const MARK_JSON = JSON.stringify(MARK);

/** `value` with the marker put into the container at `path` (a new key in an object, appended to an array). */
function withMarker(value: unknown, path: Step[], asKey: boolean): unknown {
  const copy = structuredClone(value);
  let target: unknown = copy;
  for (const step of path) target = (target as Record<Step, unknown>)[step];
  if (Array.isArray(target)) target.push(asKey ? { [MARK]: 'x' } : MARK);
  else if (asKey) (target as Record<string, unknown>)[MARK] = 'x';
  else (target as Record<string, unknown>).hostileField = MARK;
  return copy;
}

export interface Hostile {
  kind: 'reserved-key' | 'deep' | 'bad-utf8' | 'lone-surrogate' | 'number';
  /** What replaces the marker: raw JSON text or raw bytes. */
  raw: string | Buffer;
  /** The reserved key, for reserved-key cases. */
  key?: string;
}

const reservedKey = fc.constantFrom('__proto__', 'constructor', 'prototype');

/** A JSON key spelling of `name`, plain or with escapes (the server must decode before it compares). */
const keySpelling = (name: string) =>
  fc.constantFrom(
    JSON.stringify(name),
    `"\\u${name.charCodeAt(0).toString(16).padStart(4, '0')}${name.slice(1)}"`,
    `"${name.slice(0, -1)}\\u${name
      .charCodeAt(name.length - 1)
      .toString(16)
      .padStart(4, '0')}"`,
  );

const deepText = fc
  .record({ depth: fc.integer({ min: 65, max: 6000 }), objects: fc.boolean(), leaf: fc.constantFrom('1', '"x"', 'null', '{}', '[]') })
  .map(({ depth, objects, leaf }) =>
    objects ? '{"a":'.repeat(depth) + leaf + '}'.repeat(depth) : '['.repeat(depth) + leaf + ']'.repeat(depth),
  );

/** Byte sequences no UTF-8 decoder may accept. */
const badBytes = fc.constantFrom(
  [0xff],
  [0xfe],
  [0xc0, 0xaf], // overlong "/"
  [0xe0, 0x80, 0xaf], // overlong
  [0xed, 0xa0, 0x80], // an encoded surrogate
  [0xc3], // truncated "Ã"
  [0xf4, 0x90, 0x80, 0x80], // above U+10FFFF
  [0x80],
);

const badNumber = fc.oneof(
  fc.integer({ min: 309, max: 5000 }).chain((e) => fc.constantFrom(`1e${e}`, `-9.5e${e}`, `1E+${e}`)),
  fc.integer({ min: 325, max: 5000 }).chain((e) => fc.constantFrom(`1e-${e}`, `-2.5e-${e}`, `0.0001E-${e}`)),
);

/** Vietnamese-looking text around the damaged bytes. */
const text = fc.string({ unit: fc.constantFrom('a', 'ư', 'ệ', 'Đ', ' ', '1'), maxLength: 5 });

export const hostilePart: fc.Arbitrary<Hostile> = fc.oneof(
  reservedKey.chain((key) => keySpelling(key).map((spelling): Hostile => ({ kind: 'reserved-key', raw: spelling, key }))),
  deepText.map((raw): Hostile => ({ kind: 'deep', raw })),
  fc.tuple(text, badBytes, text).map(([a, bytes, b]): Hostile => ({
    kind: 'bad-utf8',
    raw: Buffer.concat([Buffer.from(`"${a}`), Buffer.from(bytes), Buffer.from(`${b}"`)]),
  })),
  fc
    .constantFrom('\\ud800', '\\udbff', '\\udc00', '\\udfff', '\\ud800\\ud800', 'a\\udc00b')
    .map((s): Hostile => ({ kind: 'lone-surrogate', raw: `"${s}"` })),
  badNumber.map((raw): Hostile => ({ kind: 'number', raw })),
);

/** The sample body with the hostile part at `path`, as the bytes sent. */
export function spoil(body: unknown, path: Step[], hostile: Hostile): Buffer {
  const asKey = hostile.kind === 'reserved-key';
  const text = JSON.stringify(withMarker(body, path, asKey));
  const [before, after] = text.split(MARK_JSON) as [string, string];
  const raw = typeof hostile.raw === 'string' ? Buffer.from(hostile.raw) : hostile.raw;
  // A reserved key also needs a value: a random-looking but valid one.
  return asKey
    ? Buffer.concat([Buffer.from(before), raw, Buffer.from(after.replace(/^:"x"/, ':["3"]'))])
    : Buffer.concat([Buffer.from(before), raw, Buffer.from(after)]);
}
