/**
 * `par compute` as users run it: the real `bin/par.mjs` in a child process. Success prints the
 * §3.4 results on stdout; every invalid input exits 2 with nothing on stdout and a stderr line
 * naming the field path and the rule.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { resultsSchema } from '../../shared/schemas/files/results.ts';
import { smallFrameworkJson } from './support/fixtures.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'par-cli-'));

function file(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

function par(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['bin/par.mjs', 'compute', ...args], { cwd: root }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

// Framework: 1.1.1 boolean 0.5, 1.1.2 tiers 1.5, 1.2 manual step 0.5 (area 1), 2.1 survey 2 (area 2).
const framework = file('framework.json', smallFrameworkJson());
const goodUnits = [
  {
    unitId: 'SNV',
    unitType: 'department',
    name: 'Sở Nội vụ',
    scores: { '1.1.1': 0.5, '1.1.2': 1, '1.2': 0.5, '2.1': 1.5 },
    adjustments: { T1: 1, P1: 0.25 },
  },
  { unitId: 'STP', unitType: 'department', name: 'Sở Tư pháp', scores: { '1.1.1': 0.5, '1.1.2': 1.5, '1.2': 1 }, notApplicable: ['2'] },
];
const scores = file('scores.json', { units: goodUnits });
const surveyDefinition = {
  options: { A: 1, B: 0.6, C: 0.2, D: 0, E: null },
  groupWeights: { citizen: 2 },
  questions: [{ id: 'Q1', leaf: '2.1', groups: ['leader', 'citizen'] }],
};
const survey = file('survey.json', {
  ...surveyDefinition,
  responses: [
    { unitId: 'SNV', group: 'leader', answers: { Q1: 'A' } },
    { unitId: 'SNV', group: 'citizen', answers: { Q1: 'B' } },
    { unitId: 'SNV', group: 'citizen', answers: { Q1: 'E' } },
  ],
});

/** A scores file with the first unit changed. */
const scoresWith = (name: string, change: Record<string, unknown>) => file(name, { units: [{ ...goodUnits[0], ...change }, goodUnits[1]] });

describe('par compute: success', () => {
  it('prints the §3.4 results JSON, the survey leaf from the survey file', async () => {
    const r = await par('--framework', framework, '--scores', scores, '--survey', survey);
    expect(r.code).toBe(0);
    // SNV's own 2.1 score in the scores file is set aside, and the user is told so.
    expect(r.stderr).toBe('par compute: note: units[0].scores["2.1"]: ignored: survey leaf 2.1 is scored from the survey file\n');
    const results = resultsSchema.parse(JSON.parse(r.stdout));
    // SNV: self 0.5 + 1 + 0.5 = 2; 2.1: (leader 1 × 1 + citizen 2 × 0.6)/3 = 2.2/3 → 2 × 0.7333… = 1.47;
    // achieved 3.47 + 1 − 0.25 = 4.22; index 100 × 4.22/5 = 84.4 (Khá).
    // STP: area 2 exempt: 3/3 = 100 (Tốt), rank 1.
    expect(results).toEqual({
      frameworkId: 'test-1',
      units: [
        {
          unitId: 'STP',
          name: 'Sở Tư pháp',
          unitType: 'department',
          achieved: 3,
          bonusTotal: 0,
          penaltyTotal: 0,
          total: 3,
          maxApplicable: 3,
          index: 100,
          rank: 1,
          band: 'Tốt',
          selfTotal: 3,
          surveyTotal: 0,
          missing: [],
          areas: [{ code: '1', score: 3, max: 3, index: 100 }],
        },
        {
          unitId: 'SNV',
          name: 'Sở Nội vụ',
          unitType: 'department',
          achieved: 3.47,
          bonusTotal: 1,
          penaltyTotal: 0.25,
          total: 4.22,
          maxApplicable: 5,
          index: 84.4,
          rank: 2,
          band: 'Khá',
          selfTotal: 2,
          surveyTotal: 1.47,
          missing: [],
          areas: [
            { code: '1', score: 2, max: 3, index: 66.67 },
            { code: '2', score: 1.47, max: 2, index: 73.5 },
          ],
        },
      ],
      stats: { department: { count: 2, mean: 92.2, median: 92.2, min: 84.4, max: 100 } },
    });
  });

  it('without --survey, takes survey leaves from the scores file', async () => {
    const r = await par('--framework', framework, '--scores', scores);
    expect(r.code).toBe(0);
    const snv = resultsSchema.parse(JSON.parse(r.stdout)).units.find((u) => u.unitId === 'SNV');
    expect(snv).toMatchObject({ surveyTotal: 1.5, achieved: 3.5, total: 4.25, index: 85 });
  });

  it('prints a Vietnamese table with --format table', async () => {
    const r = await par('--framework', framework, '--scores', scores, '--survey', survey, '--format', 'table');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Hạng');
    expect(r.stdout).toContain('Xếp loại');
    expect(r.stdout).toMatch(/1\s+Sở Tư pháp\s+100,00\s+Tốt/);
    expect(r.stdout).toMatch(/2\s+Sở Nội vụ\s+84,40\s+Khá/);
    expect(r.stdout).toContain('trung bình 92,20; trung vị 92,20');
  });

  it('answers --help with the usage', async () => {
    const r = await par('--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('usage: par compute');
  });
});

describe.concurrent('par compute: invalid input exits 2, prints nothing on stdout, names the path and the rule', () => {
  const cases: [string, () => string[], string][] = [
    [
      'score not a multiple of 0.25',
      () => ['--scores', scoresWith('s1.json', { scores: { '1.1.2': 1.3 } })],
      'units[0].scores["1.1.2"]: 1.3 is not a multiple of 0.25',
    ],
    [
      'score above its maximum',
      () => ['--scores', scoresWith('s2.json', { scores: { '1.1.2': 1.75 } })],
      'units[0].scores["1.1.2"]: 1.75 is above the maximum 1.5',
    ],
    ['negative score', () => ['--scores', scoresWith('s3.json', { scores: { '1.2': -0.5 } })], 'units[0].scores["1.2"]: -0.5 is negative'],
    [
      'score not a number',
      () => ['--scores', scoresWith('s4.json', { scores: { '1.2': 'abc' } })],
      'units[0].scores["1.2"]: must be a number, got the string "abc"',
    ],
    [
      'score that overflows to Infinity',
      () => ['--scores', file('s5.json', '{"units":[{"unitId":"X","unitType":"department","name":"X","scores":{"1.2":1e400}}]}')],
      'units[0].scores["1.2"]: must be a finite number, got Infinity',
    ],
    [
      'manual score off its step',
      () => ['--scores', scoresWith('s6.json', { scores: { '1.2': 0.25 } })],
      `units[0].scores["1.2"]: 0.25 is not a multiple of the leaf's step 0.5`,
    ],
    [
      'unknown leaf code',
      () => ['--scores', scoresWith('s7.json', { scores: { '9.9': 1 } })],
      'units[0].scores["9.9"]: unknown code "9.9"',
    ],
    [
      'score on a criterion, not a leaf',
      () => ['--scores', scoresWith('s8.json', { scores: { '1.1': 1 } })],
      'units[0].scores["1.1"]: "1.1" is not a leaf',
    ],
    [
      'adjustment above its maximum',
      () => ['--scores', scoresWith('s9.json', { adjustments: { P1: 1.5 } })],
      'units[0].adjustments["P1"]: 1.5 is above the maximum 1 of adjustment P1',
    ],
    [
      'unknown adjustment',
      () => ['--scores', scoresWith('s10.json', { adjustments: { X9: 1 } })],
      'units[0].adjustments["X9"]: unknown adjustment "X9"',
    ],
    [
      'unknown exemption code',
      () => ['--scores', scoresWith('s11.json', { notApplicable: ['8'] })],
      'units[0].notApplicable[0]: unknown code "8"',
    ],
    ['misspelt field', () => ['--scores', scoresWith('s12.json', { notAplicable: ['2'] })], 'units[0].notAplicable: unknown field'],
    [
      'duplicate unit',
      () => ['--scores', file('s13.json', { units: [goodUnits[0], goodUnits[0]] })],
      'units[1].unitId: duplicate unit "SNV" (already at units[0])',
    ],
    [
      'unit of another type',
      () => ['--scores', scoresWith('s14.json', { unitType: 'commune' })],
      `units[0].unitType: "commune" does not match the framework's unit type "department"`,
    ],
    ['malformed scores JSON', () => ['--scores', file('s15.json', '{"units": [')], 'malformed JSON'],
    [
      'answer outside the options',
      () => [
        '--scores',
        scores,
        '--survey',
        file('v1.json', { ...surveyDefinition, responses: [{ unitId: 'SNV', group: 'leader', answers: { Q1: 'F' } }] }),
      ],
      'responses[0].answers["Q1"]: answer "F" is not one of the options A, B, C, D, E',
    ],
    [
      'survey unit not in the scores file',
      () => [
        '--scores',
        scores,
        '--survey',
        file('v2.json', { ...surveyDefinition, responses: [{ unitId: 'SXD', group: 'leader', answers: { Q1: 'A' } }] }),
      ],
      'responses[0].unitId: unit "SXD" is not in the scores file',
    ],
    [
      'unknown question',
      () => [
        '--scores',
        scores,
        '--survey',
        file('v3.json', { ...surveyDefinition, responses: [{ unitId: 'SNV', group: 'leader', answers: { Q9: 'A' } }] }),
      ],
      'responses[0].answers["Q9"]: unknown question "Q9"',
    ],
    [
      'option weight above 1',
      () => ['--scores', scores, '--survey', file('v4.json', { ...surveyDefinition, options: { A: 2 } })],
      'options["A"]: must be a weight from 0 to 1',
    ],
    [
      'question on a self leaf',
      () => ['--scores', scores, '--survey', file('v5.json', { ...surveyDefinition, questions: [{ id: 'Q1', leaf: '1.2' }] })],
      'questions[0].leaf: leaf 1.2 is self-assessed',
    ],
    ['malformed survey JSON', () => ['--scores', scores, '--survey', file('v6.json', '{"options": }')], 'malformed JSON'],
    [
      'invalid framework',
      () => ['--scores', scores, '--framework', file('f1.json', { ...smallFrameworkJson(), maxTotal: 100 })],
      "maxTotal: 100 must equal the sum of the areas' maxPoints (5)",
    ],
    ['malformed framework JSON', () => ['--scores', scores, '--framework', file('f2.json', '[1,')], 'malformed JSON'],
    ['missing file', () => ['--scores', join(dir, 'nope.json')], 'cannot read'],
    ['missing --scores', () => [], '--framework and --scores are required'],
    ['unknown option', () => ['--scores', scores, '--verbose'], "Unknown option '--verbose'"],
    ['bad --format', () => ['--scores', scores, '--format', 'xml'], '--format must be "json" or "table"'],
  ];

  it.each(cases)('%s', async (_name, args, expected) => {
    const argv = args();
    const r = await par(...(argv.includes('--framework') ? argv : ['--framework', framework, ...argv]));
    expect(r.stdout).toBe('');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(expected);
  });

  it('reports every problem of a file at once, one line each', async () => {
    const r = await par(
      '--framework',
      framework,
      '--scores',
      scoresWith('multi.json', { scores: { '1.1.2': 1.3, '1.2': 2 }, adjustments: { T1: -1 } }),
    );
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trim().split('\n');
    expect(lines).toContain('units[0].scores["1.1.2"]: 1.3 is not a multiple of 0.25');
    expect(lines).toContain('units[0].scores["1.2"]: 2 is above the maximum 1');
    expect(lines).toContain('units[0].adjustments["T1"]: -1 is negative: adjustments go from 0 to 1');
  });
});
