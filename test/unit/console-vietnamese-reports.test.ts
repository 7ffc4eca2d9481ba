/** VI: the console words the annex report and the pipeline's errors in Vietnamese, from what the domain really answers. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { annexProblemCodes, annexRowsToFramework, frameworkToAnnexRows, type Cell } from '../../shared/domain/framework-annex.ts';
import { frameworkErrors, parseFramework } from '../../shared/domain/framework.ts';
import { permanentErrors, retryableErrors } from '../../shared/domain/pipeline.ts';
import { retryPolicy } from '../../infra/pipeline/build-asl.ts';
import type { Framework } from '../../shared/schemas/files/framework.ts';
import { annexProblemMessage, ruleErrorMessage } from '../../web/src/lib/annex-report.ts';
import { errorName, statusName, statusNames } from '../../web/src/lib/pipeline-names.ts';
import { executionStatuses } from '../../shared/schemas/api/admin-api.ts';

const commune = (): Framework => {
  const parsed = parseFramework(JSON.parse(readFileSync('reference/frameworks/commune-2024.json', 'utf8')));
  if (!parsed.ok) throw new Error('reference framework invalid');
  return structuredClone(parsed.framework);
};
/** Words that only English sentences hold: a Vietnamese message must have none of them. */
const english = /\b(the|is|must|not|row|found|missing|cannot|number)\b/i;

describe('the annex report in Vietnamese', () => {
  it.each(annexProblemCodes)('words the annex problem %s in Vietnamese', (code) => {
    const text = annexProblemMessage({ code, params: { value: 'x', code: '1.2', parent: '1', rule: 'y' } });
    expect(text).not.toBe('Dòng này không đọc được.');
    expect(text).not.toMatch(english);
  });

  it('words what the reader really reports for broken rows, with the cell text', () => {
    const rows: Cell[][] = frameworkToAnnexRows(commune()).map((r) => [...r]);
    const header = rows.findIndex((r) => r[0] === 'STT');
    rows[header + 3]![3] = 'Bốc thăm';
    rows[header + 4]![4] = 'Theo cảm nhận';
    const problems = annexRowsToFramework(rows).problems.map(annexProblemMessage);
    expect(problems).toContain('“Bốc thăm” không phải là phương pháp chấm (Tự đánh giá, Điều tra xã hội học, Điểm thưởng, Điểm trừ).');
    expect(problems.some((p) => p.includes('không đọc được cách chấm điểm “Theo cảm nhận”'))).toBe(true);
  });

  const breakings: [string, (f: Framework) => void][] = [
    ['duplicate code', (f) => (f.areas[1]!.code = f.areas[0]!.code)],
    ['sums', (f) => (f.areas[0]!.maxPoints += 1)],
    ['survey leaf with a rule, self leaf without', (f) => swapRules(f)],
    ['quarter points and tiers', (f) => breakTiers(f)],
    [
      'bands',
      (f) =>
        (f.bands = [
          { label: 'Tốt', min: 50 },
          { label: 'Tốt', min: 60 },
        ]),
    ],
    ['adjustment', (f) => (f.adjustments[0]!.maxPoints = 0)],
  ];
  it.each(breakings)('words every rule error of a framework broken by %s, naming the criterion', (_, breakIt) => {
    const framework = commune();
    breakIt(framework);
    const errors = frameworkErrors(framework);
    expect(errors.length).toBeGreaterThan(0);
    for (const e of errors) {
      const text = ruleErrorMessage(e);
      expect(text, e.message).not.toContain('Vi phạm quy tắc');
      expect(text, e.message).not.toMatch(english);
    }
  });

  it('puts the criterion code first', () => {
    expect(ruleErrorMessage({ path: 'areas[0].items[1].maxPoints', message: '1.5 is not a multiple of 0.25', criterion: '1.2' })).toBe(
      'Tiêu chí 1.2: Số điểm phải là bội số của 0,25.',
    );
    expect(ruleErrorMessage({ path: 'x', message: 'something new' })).toBe('Vi phạm quy tắc của bộ tiêu chí.');
  });
});

function leaves(f: Framework) {
  const all: Extract<Framework['areas'][number]['items'][number], { method: string }>[] = [];
  const visit = (n: Framework['areas'][number]['items'][number]) => ('method' in n ? all.push(n) : n.items.forEach(visit));
  f.areas.forEach((a) => a.items.forEach(visit));
  return all;
}
function swapRules(f: Framework) {
  const survey = leaves(f).find((l) => l.method === 'survey')!;
  const self = leaves(f).find((l) => l.method === 'self')!;
  survey.rule = self.rule!;
  delete self.rule;
}
function breakTiers(f: Framework) {
  const leaf = leaves(f).find((l) => l.rule?.kind === 'tiers')!;
  if (leaf.rule?.kind !== 'tiers') return;
  leaf.rule.tiers = [
    { min: 100, points: leaf.maxPoints + 1 },
    { min: 100, points: 0.3 },
  ];
  const other = leaves(f).find((l) => l.method === 'self' && l !== leaf)!;
  other.maxPoints = 0;
}

describe('the pipeline screen in Vietnamese', () => {
  it('labels every execution status', () => {
    for (const s of executionStatuses) expect(statusNames[s], s).toBeTruthy();
    expect(statusName('SOMETHING_NEW')).toBe('SOMETHING_NEW');
  });

  it('labels every error the ASL names in its Retry and Catch, and the service errors a task meets', () => {
    const named = new Set([...permanentErrors, ...retryableErrors, ...retryPolicy.flatMap((r) => r.ErrorEquals), 'States.Timeout']);
    for (const name of [...named, 'ServiceUnavailable', 'Lambda.Unknown', 'States.TaskFailed'])
      expect(errorName(name), name).not.toBe('Lỗi không xác định');
    expect(errorName('SomethingNew')).toBe('Lỗi không xác định');
  });
});
